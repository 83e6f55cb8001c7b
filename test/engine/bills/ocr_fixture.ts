// A one-page PDF for the OCR tests, drawn as a printer would: text runs placed anywhere, in any size and letter
// spacing (a large spaced-out title), and ruled boxes around cells. Rendered by the real pdftoppm and read by the real
// tesseract in the tests, through the bill service's scan path (forceOcr), so each test sees what a scan would give.

import { execFileSync } from "node:child_process";

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
