// A one-page PDF for the OCR tests, drawn as a printer would: text runs placed anywhere, in any size and letter
// spacing (a large spaced-out title), and ruled boxes around cells. Rendered by the real pdftoppm and read by the real
// tesseract in the tests, through the bill service's scan path (forceOcr), so each test sees what a scan would give.

import { execFileSync } from "node:child_process";
import { deflateSync } from "node:zlib";
import { writePdf } from "../../../web_src/engine/bills/image_pdf";
import type { GreyImage } from "../../../web_src/engine/bills/ocr_image";
import { encodeGreyPng } from "./png_fixture";

/** Whether a program is installed (it ran, whatever its exit code), to skip the parts of a test that need it. */
export function installed(tool: string, flag: string): boolean {
  try {
    execFileSync(tool, [flag], { stdio: "ignore" });
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== "ENOENT";
  }
}

export interface Run {
  /** Left edge and baseline, in points from the page's top-left corner (A4: 595 × 842). */
  x: number;
  y: number;
  text: string;
  /** Font size in points (default 10). */
  size?: number;
  /** Extra space between letters, in points (PDF's Tc). */
  spacing?: number;
  bold?: boolean;
  /** Grey level of the ink, 0 (black) to 1 (white). */
  grey?: number;
}

/** A rectangle stroked around a cell, in points from the top-left corner. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

function escapeText(text: string): string {
  return text.replace(/\\/g, "\\\\").replace(/\(/g, "\\(").replace(/\)/g, "\\)").replace(/€/g, "\x80");
}

export function makeScanPdf(runs: readonly Run[], boxes: readonly Box[] = []): Buffer {
  const ops: string[] = [];
  for (const b of boxes) ops.push(`1.2 w ${b.x} ${842 - b.y - b.height} ${b.width} ${b.height} re S`);
  for (const r of runs) {
    ops.push(`${r.grey ?? 0} g BT /${r.bold === true ? "F2" : "F1"} ${r.size ?? 10} Tf ${r.spacing ?? 0} Tc ${r.x} ${842 - r.y} Td (${escapeText(r.text)}) Tj ET`);
  }
  const content = ops.join("\n");
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R /F2 5 0 R >> >> /Contents 6 0 R >>",
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>",
    `<< /Length ${Buffer.byteLength(content, "latin1")} >>\nstream\n${content}\nendstream`,
  ];
  let out = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, "latin1"));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, "latin1");
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, "latin1");
}

/** A one-page bill in English whose every header field is printed once: vendor, number, date, £ amounts. */
export const HARBOUR_TOOLS_BILL: readonly Run[] = [
  { x: 50, y: 50, text: "Harbour Tools Ltd", size: 14, bold: true },
  { x: 50, y: 66, text: "12 Quay Street, Bristol BS1 4DJ" },
  { x: 380, y: 110, text: "Invoice No:" },
  { x: 470, y: 110, text: "HT-2024-0137" },
  { x: 380, y: 126, text: "Invoice Date:" },
  { x: 470, y: 126, text: "04/03/2024" },
  { x: 50, y: 200, text: "Description" },
  { x: 470, y: 200, text: "Amount" },
  { x: 50, y: 220, text: "Hydraulic jack, 2 t" },
  { x: 470, y: 220, text: "£240.00" },
  { x: 380, y: 300, text: "Subtotal" },
  { x: 470, y: 300, text: "£240.00" },
  { x: 380, y: 316, text: "VAT 20%" },
  { x: 470, y: 316, text: "£48.00" },
  { x: 380, y: 332, text: "Total" },
  { x: 470, y: 332, text: "£288.00" },
];

/** A bill whose vendor is printed large as a letterhead, the rest in small print, two columns. */
export const LETTERHEAD_BILL: readonly Run[] = [
  { x: 50, y: 70, text: "Kestrel Joinery", size: 30, bold: true },
  { x: 50, y: 92, text: "Unit 4, Mill Lane, Leeds LS2 7EW" },
  { x: 50, y: 106, text: "VAT Reg. GB 293 5521 84" },
  { x: 360, y: 150, text: "Invoice number:" },
  { x: 460, y: 150, text: "KJ-55810" },
  { x: 360, y: 166, text: "Invoice date:" },
  { x: 460, y: 166, text: "17/09/2024" },
  { x: 360, y: 182, text: "Due date:" },
  { x: 460, y: 182, text: "17/10/2024" },
  { x: 50, y: 150, text: "Bill to:" },
  { x: 50, y: 166, text: "Northgate Builders" },
  { x: 50, y: 182, text: "8 Station Road, York" },
  { x: 50, y: 250, text: "Description" },
  { x: 300, y: 250, text: "Qty" },
  { x: 360, y: 250, text: "Unit price" },
  { x: 470, y: 250, text: "Amount" },
  { x: 50, y: 270, text: "Oak door frames, fitted" },
  { x: 300, y: 270, text: "3" },
  { x: 360, y: 270, text: "£150.00" },
  { x: 470, y: 270, text: "£450.00" },
  { x: 50, y: 288, text: "Brass hinges, pair" },
  { x: 300, y: 288, text: "6" },
  { x: 360, y: 288, text: "£12.50" },
  { x: 470, y: 288, text: "£75.00" },
  { x: 360, y: 340, text: "Subtotal" },
  { x: 470, y: 340, text: "£525.00" },
  { x: 360, y: 356, text: "VAT 20%" },
  { x: 470, y: 356, text: "£105.00" },
  { x: 360, y: 372, text: "Total due" },
  { x: 470, y: 372, text: "£630.00" },
  { x: 50, y: 430, text: "Payment by bank transfer within 30 days. Thank you for your business." },
];

// Scanned pages as a scanner or a phone writes them (the OCR tests and the bills bench's degraded scans).

/** An 8-bit grey PNG stating its resolution (pHYs), as a scanner app writes it. */
export function pngOf(image: GreyImage, dpi: number): Buffer {
  return encodeGreyPng(image.width, image.height, image.grey, dpi);
}

/** A PDF of one picture per page, each page as large as the picture at `dpi` (what a scanner's "scan to PDF" gives). */
export function scannedPdf(pages: readonly GreyImage[], dpi: number): Buffer {
  return writePdf(pages.map((image) => {
    const [width, height] = [(image.width * 72) / dpi, (image.height * 72) / dpi].map((v) => Number(v.toFixed(2))) as [number, number];
    const dict = `/Width ${image.width} /Height ${image.height} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode`;
    return { width, height, dpi, pictures: [{ dict, data: deflateSync(Buffer.from(image.grey)), rows: height, top: 0 }] };
  }));
}


/** A deterministic generator (mulberry32), so that each run degrades alike. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), s | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Specks: a share `amount` of the pixels set black or white at random (salt and pepper), plus grain of ±`grain`. */
export function speckled(image: GreyImage, amount: number, grain: number, seed = 1): GreyImage {
  const r = random(seed);
  const out = new Uint8Array(image.grey);
  for (let i = 0; i < out.length; i++) {
    const u = r();
    if (u < amount / 2) out[i] = 0;
    else if (u < amount) out[i] = 255;
    else if (grain > 0) out[i] = Math.max(0, Math.min(255, (out[i] ?? 255) + Math.round((r() * 2 - 1) * grain)));
  }
  return { ...image, grey: out };
}

/** A TIFF of 8-bit grey pages (one image file directory each, little-endian), uncompressed or PackBits-coded, in
 * strips of `rowsPerStrip` rows, stating `dpi` (omitted when null) — what a scanner's "scan to TIFF" writes. */
export function tiffOf(pages: readonly GreyImage[], dpi: number | null, options: { packBits?: boolean; rowsPerStrip?: number } = {}): Buffer {
  const parts: Buffer[] = [Buffer.from([0x49, 0x49, 42, 0, 0, 0, 0, 0])];
  let size = 8;
  const ifdOffsets: number[] = [];
  const links: number[] = [4];
  for (const page of pages) {
    const perStrip = Math.min(page.height, options.rowsPerStrip ?? page.height);
    const offsets: number[] = [];
    const counts: number[] = [];
    for (let top = 0; top < page.height; top += perStrip) {
      const rows = page.grey.subarray(top * page.width, Math.min(page.height, top + perStrip) * page.width);
      const data = options.packBits === true ? packBits(rows, page.width) : Buffer.from(rows);
      offsets.push(size);
      counts.push(data.length);
      parts.push(data);
      size += data.length;
      if (size % 2 === 1) {
        parts.push(Buffer.from([0]));
        size++;
      }
    }
    // Arrays (strip offsets, counts, the resolution) after the strips; the directory after them.
    const array = (values: number[]) => {
      const b = Buffer.alloc(4 * values.length);
      values.forEach((v, i) => b.writeUInt32LE(v, 4 * i));
      const at = size;
      parts.push(b);
      size += b.length;
      return at;
    };
    const offsetsAt = offsets.length > 1 ? array(offsets) : (offsets[0] as number);
    const countsAt = counts.length > 1 ? array(counts) : (counts[0] as number);
    const resolutionAt = array([dpi ?? 1, 1]);
    const entries: Array<[number, number, number, number]> = [
      [256, 4, 1, page.width],
      [257, 4, 1, page.height],
      [258, 3, 1, 8],
      [259, 3, 1, options.packBits === true ? 32773 : 1],
      [262, 3, 1, 1],
      [273, 4, offsets.length, offsetsAt],
      [277, 3, 1, 1],
      [278, 4, 1, perStrip],
      [279, 4, counts.length, countsAt],
      ...(dpi === null ? [] : ([[282, 5, 1, resolutionAt], [283, 5, 1, resolutionAt], [296, 3, 1, 2]] as Array<[number, number, number, number]>)),
    ];
    const ifd = Buffer.alloc(2 + 12 * entries.length + 4);
    ifd.writeUInt16LE(entries.length, 0);
    entries.forEach(([tag, type, count, value], i) => {
      ifd.writeUInt16LE(tag, 2 + 12 * i);
      ifd.writeUInt16LE(type, 4 + 12 * i);
      ifd.writeUInt32LE(count, 6 + 12 * i);
      if (type === 3 && count === 1) ifd.writeUInt16LE(value, 10 + 12 * i);
      else ifd.writeUInt32LE(value, 10 + 12 * i);
    });
    ifdOffsets.push(size);
    links.push(size + 2 + 12 * entries.length);
    parts.push(ifd);
    size += ifd.length;
  }
  const out = Buffer.concat(parts);
  ifdOffsets.forEach((at, i) => out.writeUInt32LE(at, links[i] as number));
  return out;
}

/** PackBits, row by row (a run never crosses a row, as TIFF asks). */
function packBits(grey: Uint8Array, width: number): Buffer {
  const out: number[] = [];
  for (let row = 0; row < grey.length; row += width) {
    const line = grey.subarray(row, row + width);
    let i = 0;
    while (i < line.length) {
      let run = 1;
      while (i + run < line.length && run < 128 && line[i + run] === line[i]) run++;
      if (run >= 2) {
        out.push(257 - run, line[i] as number);
        i += run;
        continue;
      }
      let literal = 1;
      while (i + literal < line.length && literal < 128 && !(i + literal + 1 < line.length && line[i + literal] === line[i + literal + 1])) literal++;
      out.push(literal - 1, ...line.subarray(i, i + literal));
      i += literal;
    }
  }
  return Buffer.from(out);
}
