import type { Partner, StatementLine } from "../contracts/reconcile";
import { accountNumberKey } from "./accountNumber";
import type { HistoryIndex } from "./history";
import type { LineText } from "./lineText";
import { nameTokens } from "./nameTokens";

export interface PartnerEvidence {
  /** 0..1: how sure we are the line is from/to this partner, rejections already applied. */
  score: number;
  /** 0..1: how strongly people rejected this partner for similar lines. */
  rejected: number;
  reasons: string[];
}

/** Name words shared by more partners than this do not identify anyone. */
const MAX_NAME_FANOUT = 30;
const PREFIX_LENGTH = 6;
const MAX_NAME_CANDIDATES = 12;
const MIN_TRUNCATED_LENGTH = 10;

/**
 * Who a statement line is from, from every clue: the partner set on the line, the counterparty account number,
 * the counterparty name (exact, truncated by the bank, or as words inside the label, weighted by how rare each
 * word is among partner names) and what history taught (aliases, rejections).
 */
export class PartnerResolver {
  private readonly names = new Map<number, string>();
  private readonly compact = new Map<number, string>();
  private readonly weightOf = new Map<number, number>();
  /** Name word → the partners (dense indices) whose name has it, and its rarity weight. */
  private readonly byWord = new Map<string, { partners: number[]; weight: number }>();
  private readonly byPrefix = new Map<string, number[]>();
  private readonly byCompact = new Map<string, number[]>();
  private readonly byAccount = new Map<string, number[]>();
  /** Per dense partner index: id, name words and their weights. */
  private readonly idByIndex: number[] = [];
  private readonly wordsByIndex: string[][] = [];
  private readonly wordWeightsByIndex: Float64Array[] = [];
  /** Scratch of matchNameWords, reused from line to line. */
  private readonly nameScore: Float64Array;
  private readonly nameStamp: Int32Array;
  private nameRound = 0;
  private readonly touched: number[] = [];

  constructor(partners: readonly Partner[], private readonly history: HistoryIndex) {
    const indexOf = new Map<number, number>();
    for (const partner of partners) {
      this.names.set(partner.id, partner.name);
      let k = indexOf.get(partner.id);
      if (k === undefined) {
        k = this.idByIndex.length;
        indexOf.set(partner.id, k);
        this.idByIndex.push(partner.id);
      }
      const words = [...new Set(nameTokens(partner.name))];
      this.wordsByIndex[k] = words;
      for (const w of words) {
        const entry = this.byWord.get(w);
        if (entry === undefined) this.byWord.set(w, { partners: [k], weight: 0 });
        else entry.partners.push(k);
      }
      const key = words.join("");
      this.compact.set(partner.id, key);
      if (key.length >= 2) push(this.byCompact, key, partner.id);
      if (key.length >= PREFIX_LENGTH) push(this.byPrefix, key.slice(0, PREFIX_LENGTH), partner.id);
      for (const account of partner.bankAccounts) {
        const a = accountNumberKey(account);
        if (a.length >= 6) push(this.byAccount, a, partner.id);
      }
    }
    const total = Math.max(1, partners.length);
    for (const entry of this.byWord.values()) entry.weight = Math.log(1 + total / entry.partners.length);
    for (let k = 0; k < this.idByIndex.length; k++) {
      const words = this.wordsByIndex[k] as string[];
      const weights = Float64Array.from(words, (w) => this.byWord.get(w)?.weight ?? 0);
      this.wordWeightsByIndex[k] = weights;
      this.weightOf.set(this.idByIndex[k] as number, weights.reduce((sum, w) => sum + w, 0));
    }
    this.nameScore = new Float64Array(this.idByIndex.length);
    this.nameStamp = new Int32Array(this.idByIndex.length);
  }

  name(partnerId: number | null): string {
    return partnerId === null ? "" : (this.names.get(partnerId) ?? `#${partnerId}`);
  }

  resolve(line: Pick<StatementLine, "partnerId">, text: LineText): Map<number, PartnerEvidence> {
    const clues = new Map<number, { miss: number; reasons: string[] }>();
    const add = (id: number, strength: number, reason: string): void => {
      if (strength <= 0) return;
      const clue = clues.get(id) ?? { miss: 1, reasons: [] };
      clue.miss *= 1 - Math.min(strength, 0.99);
      clue.reasons.push(reason);
      clues.set(id, clue);
    };
    if (line.partnerId !== null) add(line.partnerId, 0.99, "partner set on the line");
    const byAccount = this.byAccount.get(text.accountKey);
    if (byAccount !== undefined && text.accountKey !== "") {
      for (const id of byAccount) add(id, 0.95 / byAccount.length, `account ${text.accountKey} belongs to '${this.name(id)}'`);
    }
    this.matchCompactName(text, add);
    this.matchNameWords(text, add);
    for (const [id, learned] of this.history.partnerEvidence(text)) add(id, learned.strength, learned.reason);

    const rejected = this.history.rejectedPartners(text);
    const result = new Map<number, PartnerEvidence>();
    for (const [id, clue] of clues) {
      const r = rejected.get(id) ?? 0;
      const reasons = r > 0.2 ? [...clue.reasons, `a suggestion for '${this.name(id)}' was rejected for a similar line`] : clue.reasons;
      result.set(id, { score: (1 - clue.miss) * (1 - 0.9 * r), rejected: r, reasons });
    }
    for (const [id, r] of rejected) {
      if (!result.has(id) && r > 0.2) result.set(id, { score: 0, rejected: r, reasons: [] });
    }
    return result;
  }

  /** The bank's counterparty name against partner names: equal, or cut short by the bank (~35 characters). */
  private matchCompactName(text: LineText, add: (id: number, s: number, r: string) => void): void {
    const key = text.nameKey;
    const equal = this.byCompact.get(key) ?? [];
    for (const id of equal) add(id, 0.95 / equal.length, `'${text.nameDisplay}' ≈ partner '${this.name(id)}'`);
    if (key.length < PREFIX_LENGTH) return;
    for (const id of this.byPrefix.get(key.slice(0, PREFIX_LENGTH)) ?? []) {
      if (equal.includes(id)) continue;
      const partnerKey = this.compact.get(id) ?? "";
      const label = `'${text.nameDisplay}' ≈ partner '${this.name(id)}'`;
      if (partnerKey.startsWith(key) && key.length >= MIN_TRUNCATED_LENGTH) add(id, 0.9, label);
      else if (key.startsWith(partnerKey)) add(id, 0.75, label);
    }
  }

  /**
   * Partner-name words found anywhere in the label or name, weighted by rarity; most of the name must be there.
   * Partners are found through their distinctive words; then every word of their name counts, a word cut short
   * by the bank (CONSULTIN for CONSULTING) included. Scores add up in reused typed arrays indexed by partner.
   */
  private matchNameWords(text: LineText, add: (id: number, s: number, r: string) => void): void {
    const { nameScore, nameStamp, touched } = this;
    const round = ++this.nameRound;
    touched.length = 0;
    for (const word of text.signal) {
      const entry = this.byWord.get(word);
      if (entry === undefined || entry.partners.length > MAX_NAME_FANOUT) continue;
      const w = entry.weight;
      for (const k of entry.partners) {
        if (nameStamp[k] !== round) {
          nameStamp[k] = round;
          nameScore[k] = w;
          touched.push(k);
        } else {
          nameScore[k] = (nameScore[k] as number) + w;
        }
      }
    }
    if (touched.length === 0) return;
    const present = new Set(text.signal);
    // Stable: equal scores stay in the order the words found them.
    if (touched.length > 1) touched.sort((a, b) => (nameScore[b] as number) - (nameScore[a] as number));
    const count = Math.min(touched.length, MAX_NAME_CANDIDATES);
    for (let c = 0; c < count; c++) {
      const k = touched[c] as number;
      const words = this.wordsByIndex[k] as string[];
      const weights = this.wordWeightsByIndex[k] as Float64Array;
      let matched = 0;
      for (let j = 0; j < words.length; j++) {
        const word = words[j] as string;
        const w = weights[j] as number;
        if (present.has(word)) matched += w;
        else if (word.length >= 6 && startsWithAny(word, text.signal)) matched += 0.8 * w;
      }
      const id = this.idByIndex[k] as number;
      const coverage = matched / Math.max(1e-9, this.weightOf.get(id) ?? 1);
      if (coverage >= 0.999) add(id, 0.85, `label names partner '${this.name(id)}'`);
      else if (coverage >= 0.6) add(id, 0.8 * coverage, `label partly names partner '${this.name(id)}'`);
    }
  }
}

/** Does `word` start with one of the tokens of at least 4 characters (a word the bank cut short)? */
function startsWithAny(word: string, toks: readonly string[]): boolean {
  for (const t of toks) if (t.length >= 4 && word.startsWith(t)) return true;
  return false;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}
