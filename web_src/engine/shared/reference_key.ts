/**
 * A normalized reference found in a text. Kinds, strongest first:
 *  - `C:` the whole reference compacted (INV202600042, RF18539007547034, 123456789012);
 *  - `YM:` year, month and sequence of a monthly numbered entry (BILL/2026/11/0007);
 *  - `Y:` year and sequence (INV/2026/00042 = INV 2026 42 = 2026/00042);
 *  - `N:` a bare number after an invoice word ("invoice 42") — weak, needs other evidence.
 * A `C:` key is held as its compact text; the numbered kinds as one integer code (see yearCode), so that looking
 * them up costs no string building or hashing. `referenceKeyName` spells either one out.
 */
export interface KeyOf {
  /** The compacted reference of a `C:` key; "" for a numbered key. */
  compact: string;
  /** The code of a `YM:`, `Y:` or `N:` key; NO_CODE for a compact key. */
  code: number;
}

export interface ReferenceKey extends KeyOf {
  /** 0..1, how specific the key is. */
  strength: number;
  /** Tokens [snippetStart, snippetEnd) of the text the key was read from (see `snippetOf`). */
  snippetStart: number;
  snippetEnd: number;
  /** Shaped like one of our entry numbers: if it matches no open item, the line is probably about another one. */
  invoiceLike: boolean;
}

export const NO_CODE = -1;

/** Codes: N:n is n (n < 10^7); Y:year:n and YM:year:month:n live above, years 2000–2099, n < 10^6. */
const Y_BASE = 10_000_000;
const YM_BASE = 200_000_000;
const SEQUENCE = 1_000_000;

export function numberCode(n: number): number {
  return n;
}

export function yearCode(year: number, n: number): number {
  return Y_BASE + (year - 2000) * SEQUENCE + n;
}

export function yearMonthCode(year: number, month: number, n: number): number {
  return YM_BASE + ((year - 2000) * 12 + (month - 1)) * SEQUENCE + n;
}

/** Is this code a Y: key (whose sequence number also makes an N: key)? */
export function isYearCode(code: number): boolean {
  return code >= Y_BASE && code < YM_BASE;
}

/** The sequence number of a Y: or YM: code. */
export function sequenceOf(code: number): number {
  return code % SEQUENCE;
}

/** The key spelled out as text (C:INV202600042, YM:2026:3:7, Y:2026:42, N:42), for tests and debugging. */
export function referenceKeyName(key: KeyOf): string {
  if (key.code === NO_CODE) return `C:${key.compact}`;
  if (key.code < Y_BASE) return `N:${key.code}`;
  const n = key.code % SEQUENCE;
  if (key.code < YM_BASE) return `Y:${2000 + Math.floor((key.code - Y_BASE) / SEQUENCE)}:${n}`;
  const yearMonth = Math.floor((key.code - YM_BASE) / SEQUENCE);
  return `YM:${2000 + Math.floor(yearMonth / 12)}:${(yearMonth % 12) + 1}:${n}`;
}

/** The text a key was read from, normalized (safe to quote in an explanation). */
export function snippetOf(toks: readonly string[], key: Pick<ReferenceKey, "snippetStart" | "snippetEnd">): string {
  if (key.snippetEnd - key.snippetStart === 1) return toks[key.snippetStart] as string;
  return toks.slice(key.snippetStart, key.snippetEnd).join(" ");
}

/** Strength of a compact key: short pure numbers (a card number, a date) are weak. */
export function compactStrength(compact: string): number {
  return compact.length < 8 && /^\d+$/.test(compact) ? 0.5 : 1;
}
