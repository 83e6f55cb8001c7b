// A JPEG or TIFF upload as a scanner's PDF: one picture per page, each page as large in points as the picture in
// pixels, so that pdftoppm draws every page grey at any resolution (-r 72: pixel for pixel) — the scan path then has
// the pixels to enlarge small print, turn a page lying on its side and clean specks, as it has a PNG's, without an
// image library on the server: the compressed data is copied into the PDF as it is (JPEG as DCTDecode; a TIFF's
// strips as LZW, Flate, PackBits or none; a fax's CCITT Group 3/4 strips as CCITTFax), and poppler decodes it. A
// multi-page TIFF gives a page per image. Anything else (tiles, JPEG inside TIFF, planar colour) gives null:
// tesseract then reads the file as it is. Pure functions; the endpoint runs pdftoppm.
import { deflateSync, inflateSync } from "node:zlib";

export interface ImagePage {
  width: number;
  height: number;
  /** The resolution the file states (dots per inch), or null when it states none. */
  dpi: number | null;
}

export interface ImagePdf {
  pdf: Buffer;
  pages: ImagePage[];
}

export interface Picture {
  /** The PDF image dictionary's entries (without /Length) and its data. */
  dict: string;
  data: Buffer;
  /** Where it is drawn: rows from the top of the page, its rows. */
  top: number;
  rows: number;
}

export interface PdfPage extends ImagePage {
  pictures: Picture[];
}

/** Pages up to which a TIFF is read (the bill reader's own page limit is lower). */
const MAX_TIFF_PAGES = 200;

/** The JPEG or TIFF `bytes` as a PDF, or null (another format, or a kind of TIFF this does not copy). */
export function imagePdf(bytes: Uint8Array): ImagePdf | null {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const pages = buf[0] === 0xff && buf[1] === 0xd8 ? jpegPages(buf) : tiffPages(buf);
  if (pages === null || pages.length === 0) return null;
  return { pdf: writePdf(pages), pages: pages.map(({ width, height, dpi }) => ({ width, height, dpi })) };
}

// ---- JPEG ---------------------------------------------------------------------------------------------------------

function jpegPages(buf: Buffer): PdfPage[] | null {
  let pos = 2;
  let dpi: number | null = null;
  while (pos + 4 <= buf.length) {
    if (buf[pos] !== 0xff) return null;
    const marker = buf[pos + 1] as number;
    if (marker === 0xff) {
      pos++;
      continue;
    }
    const length = buf.readUInt16BE(pos + 2);
    const segment = buf.subarray(pos + 4, pos + 2 + length);
    if (marker === 0xe0 && segment.subarray(0, 5).toString("latin1") === "JFIF\0" && segment.length >= 12) {
      // Density: units 1 dots per inch, 2 per centimetre, 0 an aspect ratio alone.
      const units = segment[7];
      const x = segment.readUInt16BE(8);
      if (x > 1 && units === 1) dpi = x;
      else if (x > 1 && units === 2) dpi = Math.round(x * 2.54);
    }
    // Start of frame (baseline, extended, progressive; not lossless, hierarchical or arithmetic-coded).
    if (marker === 0xc0 || marker === 0xc1 || marker === 0xc2) {
      const height = segment.readUInt16BE(1);
      const width = segment.readUInt16BE(3);
      const components = segment[5];
      const space = components === 1 ? "/DeviceGray" : components === 3 ? "/DeviceRGB" : null;
      if (space === null || width === 0 || height === 0) return null;
      return [{ width, height, dpi, pictures: [{ dict: `/Width ${width} /Height ${height} /ColorSpace ${space} /BitsPerComponent 8 /Filter /DCTDecode`, data: buf, top: 0, rows: height }] }];
    }
    if (marker === 0xd9 || marker === 0xda) return null;
    pos += 2 + length;
  }
  return null;
}

// ---- TIFF ---------------------------------------------------------------------------------------------------------

function tiffPages(buf: Buffer): PdfPage[] | null {
  if (buf.length < 8) return null;
  const order = buf.toString("latin1", 0, 2);
  if (order !== "II" && order !== "MM") return null;
  const le = order === "II";
  const u16 = (at: number) => (le ? buf.readUInt16LE(at) : buf.readUInt16BE(at));
  const u32 = (at: number) => (le ? buf.readUInt32LE(at) : buf.readUInt32BE(at));
  if (u16(2) !== 42) return null;
  const pages: PdfPage[] = [];
  const seen = new Set<number>();
  let ifd = u32(4);
  while (ifd !== 0 && pages.length < MAX_TIFF_PAGES) {
    if (seen.has(ifd) || ifd + 2 > buf.length) return null;
    seen.add(ifd);
    const count = u16(ifd);
    if (ifd + 2 + count * 12 + 4 > buf.length) return null;
    const tags = new Map<number, number[]>();
    for (let i = 0; i < count; i++) {
      const at = ifd + 2 + i * 12;
      const values = tagValues(buf, at, u16, u32);
      if (values === null) return null;
      tags.set(u16(at), values);
    }
    // A reduced-resolution image (a thumbnail) is no page.
    if (((tags.get(254)?.[0] ?? 0) & 1) === 0) {
      const page = tiffPage(buf, tags);
      if (page === null) return null;
      pages.push(page);
    }
    ifd = u32(ifd + 2 + count * 12);
  }
  return pages;
}

/** The values of the IFD entry at `at`: integers, and rationals as their value (SHORT, LONG, RATIONAL). */
function tagValues(buf: Buffer, at: number, u16: (at: number) => number, u32: (at: number) => number): number[] | null {
  const type = u16(at + 2);
  const n = u32(at + 4);
  const size = { 1: 1, 3: 2, 4: 4, 5: 8, 16: 8 }[type];
  if (size === undefined) return [];
  const start = size * n <= 4 ? at + 8 : u32(at + 8);
  if (start + size * n > buf.length || n > 1_000_000) return null;
  const values: number[] = [];
  for (let i = 0; i < n; i++) {
    const p = start + i * size;
    if (type === 1) values.push(buf[p] as number);
    else if (type === 3) values.push(u16(p));
    else if (type === 4) values.push(u32(p));
    else if (type === 5) values.push(u32(p + 4) === 0 ? 0 : u32(p) / u32(p + 4));
    else values.push(Number(buf.readBigUInt64LE(p)));
  }
  return values;
}

function tiffPage(buf: Buffer, tags: Map<number, number[]>): PdfPage | null {
  const one = (tag: number, fallback?: number) => tags.get(tag)?.[0] ?? fallback;
  const width = one(256);
  const height = one(257);
  if (width === undefined || height === undefined || width === 0 || height === 0) return null;
  const bits = one(258, 1) as number;
  const compression = one(259, 1) as number;
  const photometric = one(262);
  const samples = one(277, 1) as number;
  const planar = one(284, 1);
  const predictor = one(317, 1) as number;
  const offsets = tags.get(273);
  const counts = tags.get(279);
  const rowsPerStrip = Math.min(height, one(278, height) as number);
  if (offsets === undefined || counts === undefined || offsets.length !== counts.length || tags.has(322) || planar !== 1) return null;
  if (compression === 2 || compression === 3 || compression === 4) return faxPage(buf, tags, width, height, offsets, counts, rowsPerStrip);
  if (one(266, 1) !== 1 || ![1, 2, 4, 8].includes(bits)) return null;
  let space: string;
  let decode = "";
  if (photometric === 0 || photometric === 1) {
    if (samples !== 1) return null;
    space = "/DeviceGray";
    if (photometric === 0) decode = " /Decode [1 0]";
  } else if (photometric === 2) {
    if (samples !== 3 || bits !== 8) return null;
    space = "/DeviceRGB";
  } else if (photometric === 3) {
    const map = tags.get(320);
    if (samples !== 1 || map === undefined || map.length !== 3 * (1 << bits)) return null;
    const n = 1 << bits;
    const rgb = Buffer.alloc(3 * n);
    for (let i = 0; i < n; i++) for (let c = 0; c < 3; c++) rgb[3 * i + c] = (map[c * n + i] as number) >> 8;
    space = `[/Indexed /DeviceRGB ${n - 1} <${rgb.toString("hex")}>]`;
  } else return null;
  const parms = predictor === 2 ? ` /DecodeParms << /Predictor 2 /Colors ${samples} /BitsPerComponent ${bits} /Columns ${width} >>` : predictor === 1 ? "" : null;
  const filter = { 1: "", 5: " /Filter /LZWDecode", 8: " /Filter /FlateDecode", 32946: " /Filter /FlateDecode", 32773: " /Filter /RunLengthDecode" }[compression];
  if (filter === undefined || parms === null) return null;
  // Strips are drawn as one picture (poppler smooths each picture on its own: strips drawn one by one leave seams):
  // one strip is copied as it is, several are decoded and joined, then deflated again.
  const strips: Buffer[] = [];
  for (let i = 0; i < offsets.length && i * rowsPerStrip < height; i++) {
    const start = offsets[i] as number;
    const end = start + (counts[i] as number);
    if (end > buf.length) return null;
    strips.push(buf.subarray(start, end));
  }
  if (strips.length === 0) return null;
  let data: Buffer;
  let coding = filter;
  if (strips.length === 1) data = strips[0] as Buffer;
  else {
    const raw = strips.map((strip) => decodeStrip(strip, compression));
    if (raw.some((r) => r === null)) return null;
    data = deflateSync(Buffer.concat(raw as Buffer[]), { level: 1 });
    coding = " /Filter /FlateDecode";
  }
  const pictures: Picture[] = [{ dict: `/Width ${width} /Height ${height} /ColorSpace ${space} /BitsPerComponent ${bits}${decode}${coding}${coding === "" ? "" : parms}`, data, top: 0, rows: height }];
  return { width, height, dpi: resolutionOf(tags), pictures };
}

/** The resolution a TIFF's IFD states (dots per inch), or null. */
function resolutionOf(tags: Map<number, number[]>): number | null {
  const resolution = tags.get(282)?.[0];
  const unit = tags.get(296)?.[0] ?? 2;
  return resolution === undefined || resolution <= 1 || unit === 1 ? null : Math.round(unit === 3 ? resolution * 2.54 : resolution);
}

const REVERSED_BITS = Uint8Array.from({ length: 256 }, (_, b) => {
  let r = 0;
  for (let i = 0; i < 8; i++) if ((b >> i) & 1) r |= 0x80 >> i;
  return r;
});

/** A fax page (bilevel, CCITT coded: 2 modified Huffman, 3 Group 3 / T.4, 4 Group 4 / T.6): each strip a picture of
 * its own (each is coded on its own) under CCITTFaxDecode, which poppler decodes. Null for what PDF's filter does not
 * take (T.4's uncompressed mode, more than one sample). */
function faxPage(buf: Buffer, tags: Map<number, number[]>, width: number, height: number, offsets: number[], counts: number[], rowsPerStrip: number): PdfPage | null {
  const one = (tag: number, fallback: number) => tags.get(tag)?.[0] ?? fallback;
  const compression = one(259, 1);
  if (one(258, 1) !== 1 || one(277, 1) !== 1) return null;
  const photometric = one(262, 0);
  if (photometric !== 0 && photometric !== 1) return null;
  // T4Options: bit 0 two-dimensional coding, bit 1 uncompressed mode, bit 2 lines padded to end on a byte boundary.
  const t4 = one(292, 0);
  const t6 = one(293, 0);
  if ((compression === 3 && (t4 & 2) !== 0) || (compression === 4 && (t6 & 2) !== 0)) return null;
  const fillOrder = one(266, 1);
  if (fillOrder !== 1 && fillOrder !== 2) return null;
  // PDF's K: < 0 pure two-dimensional (Group 4), 0 one-dimensional, > 0 mixed (Group 3 2-D).
  const k = compression === 4 ? -1 : compression === 3 && (t4 & 1) !== 0 ? 1 : 0;
  const aligned = compression === 2 || (compression === 3 && (t4 & 4) !== 0);
  // Decoded, white runs are 0 bits in a TIFF: WhiteIsZero (0) shows them white as PDF's filter does (its 1 bits are
  // white unless BlackIs1); BlackIsZero (1) shows them black.
  const decode = photometric === 1 ? " /Decode [1 0]" : "";
  // A fax in normal mode has half as many rows as columns per inch (204 × 98 dpi): its rows are drawn taller, so that
  // the page is drawn in square pixels at its true height.
  const across = tags.get(282)?.[0];
  const down = tags.get(283)?.[0];
  const stretch = across !== undefined && down !== undefined && across > 1 && down > 1 && Math.abs(across / down - 1) > 0.1 ? across / down : 1;
  const pictures: Picture[] = [];
  for (let i = 0, top = 0; i < offsets.length && top < height; i++, top += rowsPerStrip) {
    const start = offsets[i] as number;
    const end = start + (counts[i] as number);
    if (end > buf.length) return null;
    const rows = Math.min(rowsPerStrip, height - top);
    let data = buf.subarray(start, end);
    if (fillOrder === 2) data = Buffer.from(data.map((b) => REVERSED_BITS[b] as number));
    const parms = `/K ${k} /Columns ${width} /Rows ${rows}${aligned ? " /EncodedByteAlign true" : ""}${compression === 3 ? " /EndOfLine true" : ""} /EndOfBlock false`;
    const dict = `/Width ${width} /Height ${rows} /ColorSpace /DeviceGray /BitsPerComponent 1${decode} /Filter /CCITTFaxDecode /DecodeParms << ${parms} >>`;
    pictures.push({ dict, data, top: Math.round(top * stretch), rows: Math.round((top + rows) * stretch) - Math.round(top * stretch) });
  }
  if (pictures.length === 0) return null;
  return { width, height: Math.round(height * stretch), dpi: resolutionOf(tags), pictures };
}

/** A TIFF strip's bytes decoded (the predictor, if any, left for the PDF's filter), or null if damaged. */
function decodeStrip(strip: Buffer, compression: number): Buffer | null {
  try {
    if (compression === 1) return strip;
    if (compression === 8 || compression === 32946) return inflateSync(strip);
    if (compression === 32773) return unpackBits(strip);
    if (compression === 5) return unLzw(strip);
  } catch {
    return null;
  }
  return null;
}

function unpackBits(data: Buffer): Buffer {
  const out: number[] = [];
  let i = 0;
  while (i < data.length) {
    const n = data[i++] as number;
    if (n < 128) {
      for (let k = 0; k <= n && i < data.length; k++) out.push(data[i++] as number);
    } else if (n > 128) {
      const v = data[i++] as number;
      for (let k = 0; k < 257 - n; k++) out.push(v);
    }
  }
  return Buffer.from(out);
}

/** TIFF's LZW (MSB first, codes widened one code early, as libtiff writes it). */
function unLzw(data: Buffer): Buffer {
  const out: number[] = [];
  let table: number[][] = [];
  const reset = () => {
    table = Array.from({ length: 258 }, (_, i) => (i < 256 ? [i] : []));
  };
  reset();
  let width = 9;
  let bitBuffer = 0;
  let bits = 0;
  let pos = 0;
  let previous: number[] | null = null;
  for (;;) {
    while (bits < width && pos < data.length) {
      bitBuffer = ((bitBuffer << 8) | (data[pos++] as number)) >>> 0;
      bits += 8;
    }
    if (bits < width) break;
    const code = (bitBuffer >>> (bits - width)) & ((1 << width) - 1);
    bits -= width;
    bitBuffer &= (1 << bits) - 1;
    if (code === 257) break;
    if (code === 256) {
      reset();
      width = 9;
      previous = null;
      continue;
    }
    let entry: number[];
    if (code < table.length && (table[code] as number[]).length > 0) entry = table[code] as number[];
    else if (previous !== null && code === table.length) entry = [...previous, previous[0] as number];
    else throw new Error("damaged LZW data");
    for (const v of entry) out.push(v);
    if (previous !== null) table.push([...previous, entry[0] as number]);
    previous = entry;
    // Early change: the next code is one bit wider once the table is one short of the width's end.
    if (table.length + 1 >= 1 << width && width < 12) width++;
  }
  return Buffer.from(out);
}

// ---- PDF ----------------------------------------------------------------------------------------------------------

/** A PDF of pictures, each page ``width`` × ``height`` points and its pictures drawn as strips from its top. */
export function writePdf(pages: readonly PdfPage[]): Buffer {
  const str = (s: string) => Buffer.from(s, "latin1");
  const objects: Buffer[] = [str("<< /Type /Catalog /Pages 2 0 R >>"), str("")];
  const kids: number[] = [];
  for (const page of pages) {
    const names: string[] = [];
    const draws: string[] = [];
    for (const [i, picture] of page.pictures.entries()) {
      objects.push(Buffer.concat([str(`<< /Type /XObject /Subtype /Image ${picture.dict} /Length ${picture.data.length} >>\nstream\n`), picture.data, str("\nendstream")]));
      names.push(`/Im${i} ${objects.length} 0 R`);
      // One point per pixel; a strip drawn over its own rows, counted from the page's top.
      draws.push(`q ${page.width} 0 0 ${picture.rows} 0 ${page.height - picture.top - picture.rows} cm /Im${i} Do Q`);
    }
    const content = draws.join("\n");
    objects.push(str(`<< /Length ${content.length} >>\nstream\n${content}\nendstream`));
    objects.push(str(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${page.width} ${page.height}] /Resources << /XObject << ${names.join(" ")} >> >> /Contents ${objects.length} 0 R >>`));
    kids.push(objects.length);
  }
  objects[1] = str(`<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(" ")}] /Count ${kids.length} >>`);
  const parts: Buffer[] = [str("%PDF-1.5\n")];
  let length = parts[0]?.length ?? 0;
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(length);
    const part = Buffer.concat([str(`${i + 1} 0 obj\n`), body, str("\nendobj\n")]);
    parts.push(part);
    length += part.length;
  });
  const xref = `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}`;
  parts.push(str(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${length}\n%%EOF\n`));
  return Buffer.concat(parts);
}
