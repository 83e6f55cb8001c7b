// A fax TIFF as a fax server or a "scan to fax" copier writes it: bilevel pages, CCITT Group 4 (T.6) or Group 3 1-D
// (T.4, an EOL before each line) coded, one strip per page, several pages in one file. Written here from the T.4
// run-length code tables (no image library); Group 4 pages are coded in horizontal mode alone (every pair of runs as
// H + white run + black run), which T.6 allows on any line.
import type { GreyImage } from "../../../web_src/engine/bills/ocr_image";

// T.4 tables 2 and 3: terminating codes for runs 0-63, make-up codes for 64-1728, and the extended make-up codes
// for 1792-2560 shared by both colours.
const WHITE_TERMINATING =
  "00110101 000111 0111 1000 1011 1100 1110 1111 10011 10100 00111 01000 001000 000011 110100 110101 101010 101011 0100111 0001100 0001000 0010111 0000011 0000100 0101000 0101011 0010011 0100100 0011000 00000010 00000011 00011010 00011011 00010010 00010011 00010100 00010101 00010110 00010111 00101000 00101001 00101010 00101011 00101100 00101101 00000100 00000101 00001010 00001011 01010010 01010011 01010100 01010101 00100100 00100101 01011000 01011001 01011010 01011011 01001010 01001011 00110010 00110011 00110100";
const WHITE_MAKEUP =
  "11011 10010 010111 0110111 00110110 00110111 01100100 01100101 01101000 01100111 011001100 011001101 011010010 011010011 011010100 011010101 011010110 011010111 011011000 011011001 011011010 011011011 010011000 010011001 010011010 011000 010011011";
const BLACK_TERMINATING =
  "0000110111 010 11 10 011 0011 0010 00011 000101 000100 0000100 0000101 0000111 00000100 00000111 000011000 0000010111 0000011000 0000001000 00001100111 00001101000 00001101100 00000110111 00000101000 00000010111 00000011000 000011001010 000011001011 000011001100 000011001101 000001101000 000001101001 000001101010 000001101011 000011010010 000011010011 000011010100 000011010101 000011010110 000011010111 000001101100 000001101101 000011011010 000011011011 000001010100 000001010101 000001010110 000001010111 000001100100 000001100101 000001010010 000001010011 000000100100 000000110111 000000111000 000000100111 000000101000 000001011000 000001011001 000000101011 000000101100 000001011010 000001100110 000001100111";
const BLACK_MAKEUP =
  "0000001111 000011001000 000011001001 000001011011 000000110011 000000110100 000000110101 0000001101100 0000001101101 0000001001010 0000001001011 0000001001100 0000001001101 0000001110010 0000001110011 0000001110100 0000001110101 0000001110110 0000001110111 0000001010010 0000001010011 0000001010100 0000001010101 0000001011010 0000001011011 0000001100100 0000001100101";
const EXTENDED_MAKEUP = "00000001000 00000001100 00000001101 000000010010 000000010011 000000010100 000000010101 000000010110 000000010111 000000011100 000000011101 000000011110 000000011111";
const EOL = "000000000001";
const HORIZONTAL = "001";

const split = (codes: string) => codes.split(" ");
const TABLES = {
  white: { terminating: split(WHITE_TERMINATING), makeup: [...split(WHITE_MAKEUP), ...split(EXTENDED_MAKEUP)] },
  black: { terminating: split(BLACK_TERMINATING), makeup: [...split(BLACK_MAKEUP), ...split(EXTENDED_MAKEUP)] },
};

/** The code of a run of `length` pixels of one colour: make-up codes (2560 at most each), then a terminating one. */
export function runCode(length: number, colour: "white" | "black"): string {
  const table = TABLES[colour];
  let out = "";
  let left = length;
  while (left >= 2624) {
    out += table.makeup[39];
    left -= 2560;
  }
  if (left >= 64) {
    out += table.makeup[Math.floor(left / 64) - 1];
    left %= 64;
  }
  return out + (table.terminating[left] as string);
}

/** A row's runs, starting with white (possibly 0 long): a pixel darker than 128 is black. */
function runsOf(image: GreyImage, y: number): number[] {
  const runs: number[] = [];
  let black = false;
  let length = 0;
  for (let x = 0; x < image.width; x++) {
    const dark = (image.grey[y * image.width + x] as number) < 128;
    if (dark !== black) {
      runs.push(length);
      length = 0;
      black = dark;
    }
    length++;
  }
  runs.push(length);
  return runs;
}

/** Bits as bytes, the first bit the most significant (FillOrder 1), padded with zeros. */
function packed(bits: string): Buffer {
  const out = Buffer.alloc(Math.ceil(bits.length / 8));
  for (let i = 0; i < bits.length; i++) if (bits[i] === "1") out[i >> 3] = (out[i >> 3] as number) | (0x80 >> (i & 7));
  return out;
}

/** A page coded in Group 4 (T.6, horizontal mode alone, EOFB at the end) or Group 3 1-D (EOL before each line). */
export function faxCoded(image: GreyImage, coding: "g4" | "g3"): Buffer {
  const bits: string[] = [];
  for (let y = 0; y < image.height; y++) {
    const runs = runsOf(image, y);
    if (coding === "g3") {
      bits.push(EOL);
      runs.forEach((r, i) => bits.push(runCode(r, i % 2 === 0 ? "white" : "black")));
    } else {
      for (let i = 0; i < runs.length; i += 2) bits.push(HORIZONTAL + runCode(runs[i] as number, "white") + runCode(runs[i + 1] ?? 0, "black"));
    }
  }
  bits.push(coding === "g4" ? EOL + EOL : EOL.repeat(6));
  return packed(bits.join(""));
}

const reversed = (b: number) => {
  let r = 0;
  for (let i = 0; i < 8; i++) if ((b >> i) & 1) r |= 0x80 >> i;
  return r;
};

/** A fax TIFF (little-endian) of `pages`, one IFD and one strip each, stating `dpi`. `fillOrder` 2: the bits of each
 * byte stored least significant first, as some fax modems write them. `photometric` 0 (white is zero, the fax
 * norm) or 1. `rowsDpi`: the vertical resolution when it differs (a fax in normal mode: 204 × 98 dpi). */
export function faxTiffOf(pages: readonly GreyImage[], dpi: number, options: { coding: "g4" | "g3"; fillOrder?: 1 | 2; photometric?: 0 | 1; rowsDpi?: number }): Buffer {
  const parts: Buffer[] = [Buffer.from([0x49, 0x49, 42, 0, 0, 0, 0, 0])];
  let size = 8;
  const append = (b: Buffer) => {
    const at = size;
    parts.push(b);
    size += b.length;
    if (size % 2 === 1) {
      parts.push(Buffer.alloc(1));
      size++;
    }
    return at;
  };
  let previousNext = 4;
  for (const image of pages) {
    let data = faxCoded(image, options.coding);
    if (options.fillOrder === 2) data = Buffer.from(data.map(reversed));
    const dataAt = append(data);
    const resolution = Buffer.alloc(16);
    resolution.writeUInt32LE(dpi, 0);
    resolution.writeUInt32LE(1, 4);
    resolution.writeUInt32LE(options.rowsDpi ?? dpi, 8);
    resolution.writeUInt32LE(1, 12);
    const resAt = append(resolution);
    const entries: Array<[number, number, number, number]> = [
      [256, 4, 1, image.width],
      [257, 4, 1, image.height],
      [258, 3, 1, 1],
      [259, 3, 1, options.coding === "g4" ? 4 : 3],
      [262, 3, 1, options.photometric ?? 0],
      [266, 3, 1, options.fillOrder ?? 1],
      [273, 4, 1, dataAt],
      [277, 3, 1, 1],
      [278, 4, 1, image.height],
      [279, 4, 1, data.length],
      [282, 5, 1, resAt],
      [283, 5, 1, resAt + 8],
      ...(options.coding === "g3" ? ([[292, 4, 1, 0]] as Array<[number, number, number, number]>) : ([[293, 4, 1, 0]] as Array<[number, number, number, number]>)),
      [296, 3, 1, 2],
    ];
    const ifd = Buffer.alloc(2 + entries.length * 12 + 4);
    ifd.writeUInt16LE(entries.length, 0);
    entries.forEach(([tag, type, count, value], i) => {
      const at = 2 + i * 12;
      ifd.writeUInt16LE(tag, at);
      ifd.writeUInt16LE(type, at + 2);
      ifd.writeUInt32LE(count, at + 4);
      if (type === 3) ifd.writeUInt16LE(value, at + 8);
      else ifd.writeUInt32LE(value, at + 8);
    });
    const ifdAt = append(ifd);
    const whole = Buffer.concat(parts);
    whole.writeUInt32LE(ifdAt, previousNext);
    parts.length = 0;
    parts.push(whole);
    previousNext = ifdAt + 2 + entries.length * 12;
  }
  return Buffer.concat(parts);
}
