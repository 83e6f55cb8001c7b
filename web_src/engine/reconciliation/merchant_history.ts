import { merchantVariant as merchantVariantOf } from "../shared/merchant_words";

// What the coded past lines of one direction (money out or in) say about a merchant: which words name which
// merchant, how distinctive each word is (IDF over merchants, not over lines), and how each merchant was coded.

/** Fewest past lines of one merchant, coded alike, for a coding learned from history alone to reach the auto grade. */
export const MIN_CODING_SUPPORT = 3;
/**
 * The same for past lines from the line's own counterparty account number: an IBAN names one counterparty (a
 * merchant's words may be shared by others), so two past lines from it, coded alike and never otherwise, suffice.
 */
export const MIN_ACCOUNT_CODING_SUPPORT = 2;
/** Smallest share of a merchant's past lines that must agree on its coding for it to count as consistent. */
export const MIN_CODING_CONSISTENCY = 0.8;
/**
 * Share of a line's distinctive evidence that must point at the merchant for a coding to reach the auto grade: a
 * known name next to as many words history never saw is as likely someone new.
 */
export const MIN_CODING_SHARE = 0.55;
/** Merchant words shorter than this that history never saw are noise (abbreviations, cut words), not evidence. */
const MIN_UNKNOWN_LENGTH = 4;

/** The coding learned for one line. */
export interface MerchantCoding {
  codingKey: string;
  /** 0..1: how surely the line is this merchant's, times how consistently the merchant was coded so. */
  similarity: number;
  /** Past lines of the merchant coded this way (0 when the line names no known merchant). */
  support: number;
  /** Past lines of the merchant in all. */
  lines: number;
  /** The line names a merchant of history by its key (first merchant word, in any of its spellings). */
  keyed: boolean;
  /** The known word that weighed most, for the explanation. */
  token: string;
  /** 0..1: share of the line's distinctive evidence (its words history never saw included) that points at the coding. */
  share: number;
}

interface WordStats {
  merchants: Set<string>;
  df: number;
  codings: Map<string, number>;
  idf: number;
}

export class MerchantHistory {
  private readonly words = new Map<string, WordStats>();
  /**
   * Merchant key → coding key → past lines. A merchant goes by its first merchant word (DEUTSCHE) and by its first
   * two (DEUTSCHE TELEKOM, DEUTSCHE BAHN): the longer key tells apart merchants that share a first word.
   */
  private readonly merchants = new Map<string, Map<string, number>>();
  /** Acronym of a merchant's first words (AWS for AMAZON WEB SERVICES) → its key. */
  private readonly acronyms = new Map<string, string>();
  private sorted: string[] = [];
  private frozen = false;
  private unknownIdf = 0;
  private readonly isKnown = (w: string): boolean => this.words.has(w);
  private readonly startingWith = (prefix: string): string[] => this.wordsStartingWith(prefix);

  /** One coded past line: its merchant words (merchantWords) and its coding. */
  add(words: readonly string[], codingKey: string): void {
    const key = words[0];
    if (key === undefined) return;
    this.frozen = false;
    this.count(key, codingKey);
    if (words.length >= 2) this.count(`${key} ${words[1] as string}`, codingKey);
    for (let len = 3; len <= 4 && len <= words.length; len++) {
      let acronym = "";
      for (let k = 0; k < len; k++) acronym += (words[k] as string).charAt(0);
      if (!this.acronyms.has(acronym)) this.acronyms.set(acronym, key);
    }
    for (const word of words) {
      let stats = this.words.get(word);
      if (stats === undefined) this.words.set(word, (stats = { merchants: new Set(), df: 0, codings: new Map(), idf: 0 }));
      stats.merchants.add(key);
      stats.df++;
      stats.codings.set(codingKey, (stats.codings.get(codingKey) ?? 0) + 1);
    }
  }

  private count(key: string, codingKey: string): void {
    let codings = this.merchants.get(key);
    if (codings === undefined) this.merchants.set(key, (codings = new Map()));
    codings.set(codingKey, (codings.get(codingKey) ?? 0) + 1);
  }

  /**
   * The codings a line's merchant words point at, best first (at most `limit`). A word weighs by how few
   * merchants use it; words history never saw weigh as much as a merchant's own word, for nobody: a line made
   * mostly of unknown words is unknown, whatever its generic words share with known merchants.
   */
  codings(lineWords: readonly string[], limit = 3): MerchantCoding[] {
    if (lineWords.length === 0 || this.merchants.size === 0) return [];
    if (!this.frozen) this.freeze();
    let total = 0;
    const evidence = new Map<string, { weight: number; best: number; token: string }>();
    for (const word of lineWords) {
      const known = this.variantOf(word);
      if (known === null) {
        if (word.length >= MIN_UNKNOWN_LENGTH) total += this.unknownIdf;
        continue;
      }
      const stats = this.words.get(known) as WordStats;
      total += stats.idf;
      for (const [codingKey, n] of stats.codings) {
        const w = (stats.idf * n) / stats.df;
        const e = evidence.get(codingKey);
        if (e === undefined) evidence.set(codingKey, { weight: w, best: w, token: known });
        else {
          e.weight += w;
          if (w > e.best) {
            e.best = w;
            e.token = known;
          }
        }
      }
    }
    const keyed = this.keyedMerchant(lineWords);
    const out: MerchantCoding[] = [];
    if (keyed !== null) {
      const codings = this.merchants.get(keyed) as Map<string, number>;
      let lines = 0;
      for (const n of codings.values()) lines += n;
      for (const [codingKey, support] of codings) {
        const share = total > 0 ? (evidence.get(codingKey)?.weight ?? 0) / total : 0;
        out.push({
          codingKey, support, lines, keyed: true, token: evidence.get(codingKey)?.token ?? keyed, share,
          similarity: (support / lines) * (0.5 + 0.5 * Math.min(1, share)),
        });
      }
    }
    for (const [codingKey, e] of evidence) {
      if (out.some((c) => c.codingKey === codingKey)) continue;
      // No merchant of history is named: a hint from shared words at most.
      const share = total > 0 ? e.weight / total : 0;
      out.push({ codingKey, support: 0, lines: 0, keyed: false, token: e.token, share, similarity: 0.45 * share });
    }
    out.sort((a, b) => b.similarity - a.similarity);
    if (out.length > limit) out.length = limit;
    return out;
  }

  /**
   * The merchant of history the line names by its key: its first merchant word (a known name after a word history
   * never saw may be part of someone else's name), or the acronym of its first words.
   */
  private keyedMerchant(lineWords: readonly string[]): string | null {
    for (let k = 0; k < Math.min(1, lineWords.length); k++) {
      const word = lineWords[k] as string;
      const known = this.variantOf(word);
      if (known !== null && this.merchants.has(known)) {
        const next = lineWords[k + 1];
        const second = next === undefined ? null : this.variantOf(next);
        const longer = second === null ? undefined : `${known} ${second}`;
        return longer !== undefined && this.merchants.has(longer) ? longer : known;
      }
      const expanded = this.acronyms.get(word);
      if (expanded !== undefined) return expanded;
    }
    for (let len = 3; len <= 4 && len <= lineWords.length; len++) {
      let acronym = "";
      for (let k = 0; k < len; k++) acronym += (lineWords[k] as string).charAt(0);
      if (this.merchants.has(acronym)) return acronym;
    }
    return null;
  }

  private variantOf(word: string): string | null {
    if (this.words.has(word)) return word;
    return word.length < MIN_UNKNOWN_LENGTH ? null : merchantVariantOf(word, this.isKnown, this.startingWith);
  }

  private wordsStartingWith(prefix: string): string[] {
    const sorted = this.sorted;
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((sorted[mid] as string) < prefix) lo = mid + 1;
      else hi = mid;
    }
    const found: string[] = [];
    for (let k = lo; k < sorted.length && found.length < 3 && (sorted[k] as string).startsWith(prefix); k++) found.push(sorted[k] as string);
    return found;
  }

  private freeze(): void {
    let m = 0;
    for (const key of this.merchants.keys()) if (!key.includes(" ")) m++;
    for (const stats of this.words.values()) stats.idf = Math.log(1 + m / stats.merchants.size);
    this.unknownIdf = Math.log(1 + m);
    this.sorted = [...this.words.keys()].sort();
    this.frozen = true;
  }
}
