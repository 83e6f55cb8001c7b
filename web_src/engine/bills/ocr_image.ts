// A low-resolution scan enlarged before OCR. Tesseract reads print whose letters are some 20 px high; a screenshot,
// a 72-100 dpi fax or a phone's export of a page has letters of 8-12 px, and tesseract then drops boxed values and
// confuses signs ("£240.00" read "2240.00"). The page's first reading tells the print size (its words' median ink
// height); a PNG with small print is decoded here (no image library on the server: zlib and the PNG filters), turned
// grey, enlarged by bilinear interpolation and written as PGM for a second OCR (JPEG and TIFF come here drawn by
// pdftoppm, image_pdf.ts). A page lying on its side or upside down is turned by whole quarter turns (exact) and read
// again upright. Pure functions; the endpoint runs tesseract.
import { inflateSync } from "node:zlib";
import { readingDirection, type Page } from "./layout";

export interface GreyImage {
  width: number;
  height: number;
  /** One byte per pixel, row by row: 0 black … 255 white. */
  grey: Uint8Array;
}

/** Median ink height (px) of a page's words under which the image is enlarged. */
export const SMALL_PRINT_PX = 16;
/** The ink height (px) the enlargement aims at. */
const TARGET_PRINT_PX = 36;
/** At most this factor, and at most this many pixels after enlarging (a 300-dpi A4 page is 8.7 M). */
const MAX_FACTOR = 4;
const MAX_PIXELS = 12_000_000;

/** The median ink height of a page's words (px), or null without words. */
export function printHeight(page: Page): number | null {
  const heights = page.lines.flatMap((l) => l.cells.flatMap((c) => c.words.map((w) => w.y1 - w.y0))).sort((a, b) => a - b);
  return heights.length === 0 ? null : (heights[Math.floor(heights.length / 2)] ?? null);
}

/** The whole factor to enlarge an image whose print is `height` px high by (1: leave it). */
export function enlargement(height: number | null, width: number, imageHeight: number): number {
  if (height === null || height <= 0 || height >= SMALL_PRINT_PX) return 1;
  let k = Math.min(MAX_FACTOR, Math.ceil(TARGET_PRINT_PX / height));
  while (k > 1 && width * imageHeight * k * k > MAX_PIXELS) k--;
  return k;
}

/** A PNG's pixels in grey (transparent pixels over white), or null for what this reader does not handle (interlaced,
 * a damaged file): that image is OCR'd as it is. */
export function decodePng(bytes: Uint8Array): GreyImage | null {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.length < 33 || buf.readUInt32BE(0) !== 0x89504e47) return null;
  let pos = 8;
  let width = 0;
  let height = 0;
  let depth = 0;
  let colour = 0;
  let interlace = 0;
  let palette: Buffer | null = null;
  let alphas: Buffer | null = null;
  const data: Buffer[] = [];
  while (pos + 8 <= buf.length) {
    const length = buf.readUInt32BE(pos);
    const type = buf.toString("latin1", pos + 4, pos + 8);
    const chunk = buf.subarray(pos + 8, pos + 8 + length);
    pos += 12 + length;
    if (type === "IHDR") {
      width = chunk.readUInt32BE(0);
      height = chunk.readUInt32BE(4);
      depth = chunk[8] ?? 0;
      colour = chunk[9] ?? 0;
      interlace = chunk[12] ?? 0;
    } else if (type === "PLTE") palette = chunk;
    else if (type === "tRNS") alphas = chunk;
    else if (type === "IDAT") data.push(chunk);
    else if (type === "IEND") break;
  }
  const channels = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 }[colour];
  if (channels === undefined || interlace !== 0 || width === 0 || height === 0 || ![1, 2, 4, 8, 16].includes(depth)) return null;
  if ((colour === 2 || colour === 4 || colour === 6) && depth < 8) return null;
  if (colour === 3 && palette === null) return null;
  let raw: Buffer;
  try {
    raw = inflateSync(Buffer.concat(data));
  } catch {
    return null;
  }
  const bitsPerPixel = channels * depth;
  const stride = Math.ceil((width * bitsPerPixel) / 8);
  const bpp = Math.max(1, Math.ceil(bitsPerPixel / 8));
  if (raw.length < height * (stride + 1)) return null;
  const rows = Buffer.alloc(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const src = y * (stride + 1) + 1;
    const out = y * stride;
    for (let x = 0; x < stride; x++) {
      const a = x >= bpp ? (rows[out + x - bpp] ?? 0) : 0;
      const b = y > 0 ? (rows[out - stride + x] ?? 0) : 0;
      const c = x >= bpp && y > 0 ? (rows[out - stride + x - bpp] ?? 0) : 0;
      const v = raw[src + x] ?? 0;
      let p: number;
      switch (filter) {
        case 0:
          p = 0;
          break;
        case 1:
          p = a;
          break;
        case 2:
          p = b;
          break;
        case 3:
          p = (a + b) >> 1;
          break;
        case 4: {
          const q = a + b - c;
          const pa = Math.abs(q - a);
          const pb = Math.abs(q - b);
          const pc = Math.abs(q - c);
          p = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
          break;
        }
        default:
          return null;
      }
      rows[out + x] = (v + p) & 0xff;
    }
  }
  const grey = new Uint8Array(width * height);
  const sample = (row: number, index: number): number => {
    // The index-th sample of a row, scaled to 0..255.
    if (depth === 8) return rows[row * stride + index] ?? 0;
    if (depth === 16) return rows[row * stride + index * 2] ?? 0;
    const perByte = 8 / depth;
    const byte = rows[row * stride + Math.floor(index / perByte)] ?? 0;
    const shift = 8 - depth * ((index % perByte) + 1);
    return (byte >> shift) & ((1 << depth) - 1);
  };
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let lum: number;
      let alpha = 255;
      if (colour === 3) {
        const i = sample(y, x);
        lum = 0.299 * (palette?.[i * 3] ?? 0) + 0.587 * (palette?.[i * 3 + 1] ?? 0) + 0.114 * (palette?.[i * 3 + 2] ?? 0);
        alpha = alphas?.[i] ?? 255;
      } else if (colour === 0 || colour === 4) {
        const v = sample(y, x * channels);
        lum = depth < 8 ? (v * 255) / ((1 << depth) - 1) : v;
        if (colour === 4) alpha = sample(y, x * channels + 1);
      } else {
        lum = 0.299 * sample(y, x * channels) + 0.587 * sample(y, x * channels + 1) + 0.114 * sample(y, x * channels + 2);
        if (colour === 6) alpha = sample(y, x * channels + 3);
      }
      grey[y * width + x] = Math.round((lum * alpha + 255 * (255 - alpha)) / 255);
    }
  }
  return { width, height, grey };
}

/** `image` enlarged `k` times, by bilinear interpolation. */
export function upscaleGrey(image: GreyImage, k: number): GreyImage {
  const { width: w, height: h, grey } = image;
  const W = w * k;
  const H = h * k;
  const out = new Uint8Array(W * H);
  for (let Y = 0; Y < H; Y++) {
    const sy = Math.min(h - 1, Math.max(0, (Y + 0.5) / k - 0.5));
    const y0 = Math.floor(sy);
    const y1 = Math.min(h - 1, y0 + 1);
    const fy = sy - y0;
    for (let X = 0; X < W; X++) {
      const sx = Math.min(w - 1, Math.max(0, (X + 0.5) / k - 0.5));
      const x0 = Math.floor(sx);
      const x1 = Math.min(w - 1, x0 + 1);
      const fx = sx - x0;
      const top = (grey[y0 * w + x0] ?? 0) * (1 - fx) + (grey[y0 * w + x1] ?? 0) * fx;
      const bottom = (grey[y1 * w + x0] ?? 0) * (1 - fx) + (grey[y1 * w + x1] ?? 0) * fx;
      out[Y * W + X] = Math.round(top * (1 - fy) + bottom * fy);
    }
  }
  return { width: W, height: H, grey: out };
}

/** A binary PGM (P5) of the image, as tesseract reads it. */
export function pgmOf(image: GreyImage): Buffer {
  return Buffer.concat([Buffer.from(`P5\n${image.width} ${image.height}\n255\n`, "latin1"), Buffer.from(image.grey)]);
}

/** A binary PGM's pixels (P5, 8 bits, as pdftoppm -gray writes it), or null for anything else. */
export function readPgm(bytes: Uint8Array): GreyImage | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 64)).toString("latin1");
  const m = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(head);
  if (m === null || m[3] !== "255") return null;
  const width = Number(m[1]);
  const height = Number(m[2]);
  const offset = m[0].length;
  if (bytes.byteLength < offset + width * height) return null;
  return { width, height, grey: bytes.subarray(offset, offset + width * height) };
}

/** `image` turned clockwise by `quarters` quarter turns (exact, no resampling). */
export function rotateQuarter(image: GreyImage, quarters: number): GreyImage {
  const q = ((quarters % 4) + 4) % 4;
  if (q === 0) return image;
  const { width: w, height: h, grey } = image;
  const W = q === 2 ? w : h;
  const H = q === 2 ? h : w;
  const out = new Uint8Array(W * H);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const v = grey[y * w + x] ?? 255;
      if (q === 1) out[x * W + (h - 1 - y)] = v;
      else if (q === 2) out[(h - 1 - y) * W + (w - 1 - x)] = v;
      else out[(w - 1 - x) * W + y] = v;
    }
  }
  return { width: W, height: H, grey: out };
}

/** Turned by `degrees` (a skewed sheet; positive: clockwise) about the centre, same size, white outside the sheet,
 * bilinear. */
export function rotateSmall(image: GreyImage, degrees: number): GreyImage {
  const { width: w, height: h, grey } = image;
  const a = (degrees * Math.PI) / 180;
  const cos = Math.cos(a);
  const sin = Math.sin(a);
  const cx = w / 2;
  const cy = h / 2;
  const out = new Uint8Array(w * h).fill(255);
  for (let Y = 0; Y < h; Y++) {
    const dy = Y - cy;
    // The source pixel that lands on (X, Y) moves by (cos, -sin) per step of X.
    let sx = -cos * cx + sin * dy + cx;
    let sy = sin * cx + cos * dy + cy;
    for (let X = 0; X < w; X++, sx += cos, sy -= sin) {
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      if (x0 < 0 || y0 < 0 || x0 + 1 >= w || y0 + 1 >= h) continue;
      const fx = sx - x0;
      const fy = sy - y0;
      const i = y0 * w + x0;
      const top = (grey[i] as number) + ((grey[i + 1] as number) - (grey[i] as number)) * fx;
      const bottom = (grey[i + w] as number) + ((grey[i + w + 1] as number) - (grey[i + w] as number)) * fx;
      out[Y * w + X] = (top + (bottom - top) * fy + 0.5) | 0;
    }
  }
  return { width: w, height: h, grey: out };
}

/** The skew of a tesseract reading (TSV), in degrees, positive when lines run down to the right: the median slope
 * between neighbouring words of a line (words of a horizontal line only; a page read sideways has none). 0 with too
 * few words to tell. */
export function skewDegrees(tsv: string): number {
  const slopes: number[] = [];
  let previous: { line: string; x: number; y: number } | null = null;
  for (const row of tsv.split("\n").slice(1)) {
    const cols = row.split("\t");
    if (cols.length < 12 || cols[0] !== "5" || Number(cols[10]) < 50 || (cols[11] ?? "").trim().length < 2) continue;
    const [, page, block, par, line] = cols;
    const [left, top, width, height] = cols.slice(6, 10).map(Number) as [number, number, number, number];
    const here = { line: `${page}.${block}.${par}.${line}`, x: left + width / 2, y: top + height };
    if (previous !== null && previous.line === here.line) {
      const dx = here.x - previous.x;
      const dy = here.y - previous.y;
      if (dx > 4 * height && Math.abs(dy) < 0.2 * dx) slopes.push(dy / dx);
    }
    previous = here;
  }
  if (slopes.length < 8) return 0;
  slopes.sort((a, b) => a - b);
  return (Math.atan(slopes[Math.floor(slopes.length / 2)] ?? 0) * 180) / Math.PI;
}

/** The share of the pixels that are lone specks: a dark pixel on white all round, or a white one in dark all round
 * (a scanner's dust, a fax line's noise, a photo's sensor grain thresholded). A clean page has next to none: a
 * letter's pixels touch one another. */
export function speckShare(image: GreyImage): number {
  const { width: w, height: h, grey } = image;
  let specks = 0;
  let counted = 0;
  // Every other row and column: the share, not each speck, is wanted.
  for (let y = 1; y < h - 1; y += 2) {
    for (let x = 1; x < w - 1; x += 2) {
      const i = y * w + x;
      const v = grey[i] as number;
      const n = [grey[i - 1], grey[i + 1], grey[i - w], grey[i + w]] as number[];
      counted++;
      if ((v < 96 && n.every((u) => u > 160)) || (v > 160 && n.every((u) => u < 96))) specks++;
    }
  }
  return counted === 0 ? 0 : specks / counted;
}

/** `image` without its specks: a dark pixel with at most one dark pixel among its eight neighbours (a speck of one
 * or two pixels) set to the mean of its four neighbours, and so a white pixel alone in dark. Strokes of letters and
 * rules are left as they are (their pixels have two dark neighbours and more). */
export function despeckle(image: GreyImage): GreyImage {
  const { width: w, height: h, grey } = image;
  const out = new Uint8Array(grey);
  for (let y = 1; y < h - 1; y++) {
    for (let x = 1; x < w - 1; x++) {
      const i = y * w + x;
      const v = grey[i] as number;
      const l = grey[i - 1] as number;
      const r = grey[i + 1] as number;
      const u = grey[i - w] as number;
      const d = grey[i + w] as number;
      if (v < 96) {
        let dark = 0;
        for (const j of [i - w - 1, i - w, i - w + 1, i - 1, i + 1, i + w - 1, i + w, i + w + 1]) if ((grey[j] as number) < 128) dark++;
        if (dark <= 1) out[i] = Math.max(l, r, u, d);
      } else if (v > 160 && l < 96 && r < 96 && u < 96 && d < 96) out[i] = (l + r + u + d + 2) >> 2;
    }
  }
  return { width: w, height: h, grey: out };
}

/** The quarter turns (clockwise) that bring upright a page tesseract read sideways (--psm 3 reads lines running down
 * or up the page, its words then in the image's frame): from the direction in which the words of its lines run. 0
 * for a page read upright, and for one too sparsely read to tell. */
export function sidewaysQuarters(tsv: string): number {
  const words: Array<{ text: string; x0: number; y0: number; x1: number; y1: number; conf: number; line: string }> = [];
  for (const row of tsv.split("\n").slice(1)) {
    const cols = row.split("\t");
    if (cols.length < 12 || cols[0] !== "5" || Number(cols[10]) < 50 || (cols[11] ?? "").trim().length < 2) continue;
    const [left, top, width, height] = cols.slice(6, 10).map(Number) as [number, number, number, number];
    words.push({ text: cols[11] ?? "", x0: left, y0: top, x1: left + width, y1: top + height, conf: Number(cols[10]) / 100, line: cols.slice(1, 5).join(".") });
  }
  if (words.length < 8) return 0;
  const direction = readingDirection(words);
  return direction === 90 ? 3 : direction === 270 ? 1 : 0;
}

/** Tesseract's orientation and script detection (--psm 0): the clockwise quarter turns that bring the page upright,
 * or null when it could not tell (too little text, or less sure than `minConfidence`). */
export function osdQuarters(output: string, minConfidence: number): number | null {
  const rotate = /^Rotate:\s*(\d+)/m.exec(output);
  const confidence = /^Orientation confidence:\s*([\d.]+)/m.exec(output);
  if (rotate === null || confidence === null || Number(confidence[1]) < minConfidence) return null;
  const degrees = Number(rotate[1]);
  return degrees % 90 === 0 ? (degrees / 90) % 4 : null;
}

/** The side (px) of the tiles over which the paper's brightness is estimated: larger than a letter at 300 dpi, small
 * enough to follow a lamp's fall-off or the shadow of a hand across a photographed page. */
const LIGHT_TILE = 64;

/** The paper's brightness under each tile of `image` (tile columns × rows, row by row): the 90th percentile of the
 * tile's pixels (most of a page is paper); a tile much darker than the brightest of its eight neighbours (one filled
 * with ink: a black table heading, a logo) takes that neighbour's paper. */
export function paperLight(image: GreyImage): { columns: number; rows: number; light: Float32Array } {
  const { width: w, height: h, grey } = image;
  const columns = Math.max(1, Math.ceil(w / LIGHT_TILE));
  const rows = Math.max(1, Math.ceil(h / LIGHT_TILE));
  const raw = new Float32Array(columns * rows);
  const histogram = new Uint32Array(256);
  for (let ty = 0; ty < rows; ty++) {
    for (let tx = 0; tx < columns; tx++) {
      histogram.fill(0);
      let n = 0;
      const [x0, x1, y0, y1] = [tx * LIGHT_TILE, Math.min(w, (tx + 1) * LIGHT_TILE), ty * LIGHT_TILE, Math.min(h, (ty + 1) * LIGHT_TILE)];
      // Every other pixel: the level, not each pixel, is wanted.
      for (let y = y0; y < y1; y += 2) {
        for (let x = x0; x < x1; x += 2, n++) {
          const v = grey[y * w + x] as number;
          histogram[v] = (histogram[v] ?? 0) + 1;
        }
      }
      let above = Math.ceil(n * 0.1);
      let v = 255;
      while (v > 0 && (above -= histogram[v] as number) > 0) v--;
      raw[ty * columns + tx] = v;
    }
  }
  const light = new Float32Array(columns * rows);
  for (let ty = 0; ty < rows; ty++) {
    for (let tx = 0; tx < columns; tx++) {
      let m = 0;
      for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) {
        const [x, y] = [tx + dx, ty + dy];
        if (x >= 0 && y >= 0 && x < columns && y < rows) m = Math.max(m, raw[y * columns + x] as number);
      }
      const own = raw[ty * columns + tx] as number;
      light[ty * columns + tx] = Math.max(1, own >= 0.8 * m ? own : m);
    }
  }
  return { columns, rows, light };
}

/** Whether a page is lit unevenly or dark (a phone photo under a lamp, in a shadow, a dark grey copy): its paper is
 * darker than 150 somewhere much of the page (the 10th percentile of the tiles' paper), or varies by more than a
 * third across it. A scan's paper is even; tesseract's global threshold then turns the dark part black or the light
 * part's ink white. */
export function unevenlyLit(image: GreyImage): boolean {
  const { light } = paperLight(image);
  const sorted = Array.from(light).sort((a, b) => a - b);
  const low = sorted[Math.floor(sorted.length * 0.1)] ?? 255;
  const high = sorted[Math.floor(sorted.length * 0.9)] ?? 255;
  return low < 150 || low < (2 / 3) * high;
}

/** `image` with its paper made white: each pixel divided by the paper's brightness around it (interpolated between
 * the tiles' centres), so that ink stays as dark against its own paper and a shadow or a lamp's fall-off goes. */
export function evenedLight(image: GreyImage): GreyImage {
  const { width: w, height: h, grey } = image;
  const { columns, rows, light } = paperLight(image);
  const out = new Uint8Array(w * h);
  const at = (tx: number, ty: number) => light[Math.min(rows - 1, Math.max(0, ty)) * columns + Math.min(columns - 1, Math.max(0, tx))] as number;
  for (let y = 0; y < h; y++) {
    const fy = (y + 0.5) / LIGHT_TILE - 0.5;
    const ty = Math.floor(fy);
    const wy = fy - ty;
    for (let x = 0; x < w; x++) {
      const fx = (x + 0.5) / LIGHT_TILE - 0.5;
      const tx = Math.floor(fx);
      const wx = fx - tx;
      const paper = (at(tx, ty) * (1 - wx) + at(tx + 1, ty) * wx) * (1 - wy) + (at(tx, ty + 1) * (1 - wx) + at(tx + 1, ty + 1) * wx) * wy;
      out[y * w + x] = Math.min(255, Math.round(((grey[y * w + x] as number) * 255) / paper));
    }
  }
  return { width: w, height: h, grey: out };
}
