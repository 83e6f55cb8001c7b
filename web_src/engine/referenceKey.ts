/**
 * A normalized reference found in a text. Kinds, strongest first:
 *  - `C:` the whole reference compacted (INV202600042, RF18539007547034, 123456789012);
 *  - `YM:` year, month and sequence of a monthly numbered entry (BILL/2026/11/0007);
 *  - `Y:` year and sequence (INV/2026/00042 = INV 2026 42 = 2026/00042);
 *  - `N:` a bare number after an invoice word ("invoice 42") — weak, needs other evidence.
 */
export interface ReferenceKey {
  key: string;
  /** 0..1, how specific the key is. */
  strength: number;
  /** The text the key was read from, normalized (safe to quote in an explanation). */
  snippet: string;
  /** Shaped like one of our entry numbers: if it matches no open item, the line is probably about another one. */
  invoiceLike: boolean;
}

/** Strength of a compact key: short pure numbers (a card number, a date) are weak. */
export function compactStrength(compact: string): number {
  return compact.length < 8 && /^\d+$/.test(compact) ? 0.5 : 1;
}
