// JPEG and TIFF uploads copied into a PDF for pdftoppm (engine/bills/image_pdf.ts): the pages poppler draws from it
// pixel for pixel (-r 72) must be the file's own pixels as poppler draws them — TIFFs written here (uncompressed, PackBits, in strips, several
// pages) and by pdftoppm itself (LZW, Deflate; JPEG), as scanners write them.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { imagePdf } from "../../../web_src/engine/bills/image_pdf";
import { readPgm, type GreyImage } from "../../../web_src/engine/bills/ocr_image";
import { installed, scannedPdf, tiffOf } from "./ocr_fixture";

const TOOLS = installed("pdftoppm", "-v");
const skipped = TOOLS ? "" : " — SKIPPED: poppler-utils not installed";
if (!TOOLS) console.warn(`SKIPPED parts of test/engine/bills/image_pdf.test.ts:${skipped}`);

/** A grey picture with edges, flat areas and a gradient (runs and literals for PackBits). */
function picture(width: number, height: number, seed: number): GreyImage {
  const grey = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) grey[y * width + x] = (x + seed) % 17 < 3 ? 0 : y % 23 < 4 ? 255 : (x * 3 + y * 5 + seed * 40) % 256;
  }
  return { width, height, grey };
}

/** The pages poppler draws from `pdf` at one pixel per point. */
function drawn(pdf: Buffer): GreyImage[] {
  const dir = mkdtempSync(path.join(tmpdir(), "aib-test-imagepdf-"));
  try {
    writeFileSync(path.join(dir, "in.pdf"), pdf);
    execFileSync("pdftoppm", ["-r", "72", "-gray", path.join(dir, "in.pdf"), path.join(dir, "page")]);
    return readdirSync(dir).filter((f) => f.endsWith(".pgm")).sort().map((f) => readPgm(readFileSync(path.join(dir, f))) as GreyImage);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `image` written by pdftoppm as a TIFF or JPEG file (from a PDF holding it at `dpi`). */
function viaPoppler(image: GreyImage, dpi: number, options: string[], ext: string): Buffer {
  const dir = mkdtempSync(path.join(tmpdir(), "aib-test-imagepdf-"));
  try {
    writeFileSync(path.join(dir, "src.pdf"), scannedPdf([image], dpi));
    execFileSync("pdftoppm", ["-r", String(dpi), "-gray", "-singlefile", ...options, path.join(dir, "src.pdf"), path.join(dir, "out")]);
    return readFileSync(path.join(dir, `out.${ext}`));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Size and the number of pixels differing from `b` by more than `tolerance` (0: equal pictures). */
function compared(a: GreyImage | undefined, b: GreyImage, tolerance = 0): [number, number, number] {
  let differing = 0;
  for (let i = 0; i < b.grey.length; i++) if (Math.abs((a?.grey[i] ?? -999) - (b.grey[i] ?? 0)) > tolerance) differing++;
  return [a?.width ?? 0, a?.height ?? 0, differing];
}

describe.skipIf(!TOOLS)(`JPEG and TIFF uploads drawn by pdftoppm${skipped}`, () => {
  it("copies a multi-page TIFF's pages, uncompressed or PackBits, whole or in strips, pixel for pixel", () => {
    const pages = [picture(130, 90, 1), picture(97, 61, 2), picture(64, 40, 3)];
    // The standard: poppler's drawing of the same pixels put into a PDF as they are (its grey is not the identity).
    const standard = drawn(scannedPdf(pages, 72));
    for (const options of [{}, { packBits: true }, { rowsPerStrip: 16 }, { packBits: true, rowsPerStrip: 7 }]) {
      const read = imagePdf(tiffOf(pages, 150, options));
      expect(read?.pages).toEqual(pages.map((p) => ({ width: p.width, height: p.height, dpi: 150 })));
      const out = drawn(read?.pdf as Buffer);
      expect(standard.map((p, i) => compared(out[i], p))).toEqual(pages.map((p) => [p.width, p.height, 0]));
    }
    expect(imagePdf(tiffOf(pages.slice(0, 1), null))?.pages).toEqual([{ width: 130, height: 90, dpi: null }]);
  });

  it("copies pdftoppm's LZW and Deflate TIFFs pixel for pixel, and its JPEGs with their size and resolution", () => {
    const image = picture(300, 200, 4);
    // pdftoppm's own drawing of the picture is the standard (its TIFF writer is given what it drew); at this size
    // its TIFFs come in several strips.
    let standard: GreyImage | undefined;
    for (const compression of ["none", "lzw", "deflate", "packbits"]) {
      const read = imagePdf(viaPoppler(image, 150, ["-tiff", "-tiffcompression", compression], "tif"));
      expect([compression, read?.pages]).toEqual([compression, [{ width: 300, height: 200, dpi: 150 }]]);
      const [page] = drawn(read?.pdf as Buffer);
      standard ??= page;
      expect([compression, compared(page, standard as GreyImage)]).toEqual([compression, [300, 200, 0]]);
    }
    const jpeg = imagePdf(viaPoppler(image, 200, ["-jpeg", "-jpegopt", "quality=90"], "jpg"));
    expect(jpeg?.pages).toEqual([{ width: 300, height: 200, dpi: 200 }]);
    const [page] = drawn(jpeg?.pdf as Buffer);
    const [width, height, differing] = compared(page, standard as GreyImage, 24);
    expect([width, height]).toEqual([300, 200]);
    expect(differing).toBeLessThan(image.grey.length / 20);
  });

  it("leaves what it does not copy to tesseract: other files, tiled or fax-coded TIFFs", () => {
    expect(imagePdf(Buffer.from("%PDF-1.4\n"))).toBeNull();
    const tiff = tiffOf([picture(20, 10, 1)], 150);
    // Compression 4 (CCITT group 4) in place of 1.
    const at = tiff.indexOf(Buffer.from([3, 1, 3, 0, 1, 0, 0, 0, 1, 0]));
    expect(at).toBeGreaterThan(0);
    tiff.writeUInt16LE(4, at + 8);
    expect(imagePdf(tiff)).toBeNull();
  });
});
