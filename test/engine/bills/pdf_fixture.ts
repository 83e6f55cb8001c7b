// A tiny PDF writer for tests: text pages (Helvetica, each line's runs of 2+ spaces become separate, positioned
// text runs, so pdftotext sees columns), optional JavaScript, attached files (as Factur-X attaches its XML) and an
// /Encrypt dictionary whose password nobody knows, and grey pictures placed on a page (a letterhead as an image).
// Real PDFs, read by the real poppler in the tests.
import { deflateSync } from "node:zlib";

/** An 8-bit grey picture (0 black … 255 white, rows top to bottom) drawn on page `page` (0-based) at `x`, `top`
 * (points from the page's left and top edges), `width` × `height` points. */
export interface PdfImage {
  page: number;
  x: number;
  top: number;
  width: number;
  height: number;
  pixels: { width: number; height: number; data: Buffer };
}

export interface PdfFixtureOptions {
  /** Each page: its lines of text, top to bottom. */
  pages: string[][];
  /** Adds a document-level JavaScript action (/OpenAction) — it must never run. */
  javascript?: boolean;
  /** Embedded files (name → content), in the catalog's /EmbeddedFiles name tree. */
  attachments?: Array<{ name: string; content: string }>;
  /** Adds a Standard security handler with a user password: readers must refuse without the password. */
  encrypted?: boolean;
  /** Pictures drawn under the text. */
  images?: PdfImage[];
}

function escapeText(text: string): string {
  return text.replace(/\\/g, "\\\\").replace(/\(/g, "\\(").replace(/\)/g, "\\)");
}

/** Latin-1 bytes of the text (Helvetica with WinAnsi covers €, ä, é…): € is 0x80 in WinAnsi. */
function winAnsi(text: string): string {
  return text.replace(/€/g, "\x80");
}

export function makePdf(options: PdfFixtureOptions): Buffer {
  const objects: string[] = [];
  const add = (body: string): number => {
    objects.push(body);
    return objects.length;
  };
  const catalogId = add("");
  const pagesId = add("");
  const fontId = add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
  const pageIds: number[] = [];
  options.pages.forEach((lines, pageIndex) => {
    const ops: string[] = [];
    const xobjects: string[] = [];
    for (const image of (options.images ?? []).filter((i) => i.page === pageIndex)) {
      const data = deflateSync(image.pixels.data).toString("latin1");
      const id = add(
        `<< /Type /XObject /Subtype /Image /Width ${image.pixels.width} /Height ${image.pixels.height} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode /Length ${data.length} >>\nstream\n${data}\nendstream`,
      );
      xobjects.push(`/Im${xobjects.length} ${id} 0 R`);
      ops.push(`q ${image.width} 0 0 ${image.height} ${image.x} ${842 - image.top - image.height} cm /Im${xobjects.length - 1} Do Q`);
    }
    lines.forEach((line, row) => {
      const y = 800 - row * 14;
      for (const m of line.matchAll(/\S+(?: \S+)*/g)) {
        const x = 40 + (m.index ?? 0) * 5;
        ops.push(`BT /F1 9 Tf ${x} ${y} Td (${escapeText(winAnsi(m[0]))}) Tj ET`);
      }
    });
    const content = ops.join("\n");
    const contentId = add(`<< /Length ${Buffer.byteLength(content, "latin1")} >>\nstream\n${content}\nendstream`);
    const images = xobjects.length === 0 ? "" : ` /XObject << ${xobjects.join(" ")} >>`;
    pageIds.push(add(`<< /Type /Page /Parent ${pagesId} 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 ${fontId} 0 R >>${images} >> /Contents ${contentId} 0 R >>`));
  });
  objects[pagesId - 1] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(" ")}] /Count ${pageIds.length} >>`;
  const extras: string[] = [];
  if (options.javascript === true) {
    const js = add("<< /Type /Action /S /JavaScript /JS (app.alert\\('never run'\\);) >>");
    extras.push(`/OpenAction ${js} 0 R`);
  }
  if (options.attachments !== undefined && options.attachments.length > 0) {
    const names: string[] = [];
    for (const a of options.attachments) {
      const file = add(`<< /Type /EmbeddedFile /Subtype /text#2Fxml /Length ${Buffer.byteLength(a.content, "utf8")} >>\nstream\n${a.content}\nendstream`);
      const spec = add(`<< /Type /Filespec /F (${a.name}) /UF (${a.name}) /EF << /F ${file} 0 R >> >>`);
      names.push(`(${a.name}) ${spec} 0 R`);
    }
    extras.push(`/Names << /EmbeddedFiles << /Names [${names.join(" ")}] >> >>`);
  }
  objects[catalogId - 1] = `<< /Type /Catalog /Pages ${pagesId} 0 R ${extras.join(" ")} >>`;
  let encryptId: number | null = null;
  if (options.encrypted === true) {
    // RC4 40-bit, revision 2, with /O and /U that match no password: poppler asks for one and gives up.
    const hex32 = "0123456789abcdef".repeat(4);
    encryptId = add(`<< /Filter /Standard /V 1 /R 2 /O <${hex32}> /U <${hex32}> /P -44 >>`);
  }
  // Objects are written as Latin-1 except attachments, which are UTF-8 text; byte offsets are counted as written.
  const chunks: Buffer[] = [Buffer.from("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "latin1")];
  let offset = chunks[0]!.length;
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    const isUtf8 = body.includes("/Type /EmbeddedFile");
    const chunk = Buffer.from(`${i + 1} 0 obj\n${body}\nendobj\n`, isUtf8 ? "utf8" : "latin1");
    offsets.push(offset);
    chunks.push(chunk);
    offset += chunk.length;
  });
  const xref = [`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`, ...offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`)].join("");
  const id = "<00112233445566778899aabbccddeeff>";
  const trailer = `trailer\n<< /Size ${objects.length + 1} /Root ${catalogId} 0 R${encryptId === null ? "" : ` /Encrypt ${encryptId} 0 R`} /ID [${id} ${id}] >>\nstartxref\n${offset}\n%%EOF\n`;
  chunks.push(Buffer.from(xref + trailer, "latin1"));
  return Buffer.concat(chunks);
}
