// A one-page PDF for the OCR tests, drawn as a printer would: text runs placed anywhere, in any size and letter
// spacing (a large spaced-out title), and ruled boxes around cells. Rendered by the real pdftoppm and read by the real
// tesseract in the tests, through the bill service's scan path (forceOcr), so each test sees what a scan would give.

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
