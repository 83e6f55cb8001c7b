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
  /** Name word → its dense index, the partners (dense indices) whose name has it, and its rarity weight. */
  private readonly byWord = new Map<string, NameWord>();
  private readonly byPrefix = new Map<string, number[]>();
  private readonly byCompact = new Map<string, number[]>();
  private readonly byAccount = new Map<string, number[]>();
  /** Per dense partner index: id, name words and their weights. */
  private readonly idByIndex: number[] = [];
  private readonly wordsByIndex: string[][] = [];
  private readonly wordIdsByIndex: Int32Array[] = [];
  private readonly wordWeightsByIndex: Float64Array[] = [];
  private readonly weightByIndex: Float64Array;
  /** Scratch of matchNameWords, reused from line to line. */
  private readonly nameScore: Float64Array;
  private readonly nameStamp: Int32Array;
  private nameRound = 0;
  private readonly touched: number[] = [];
  /** Per name word: the round of the last line that contains it. */
  private readonly wordStamp: Int32Array;
  private readonly byNameScore: (a: number, b: number) => number;

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
        if (entry === undefined) this.byWord.set(w, { index: this.byWord.size, partners: [k], weight: 0 });
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
    this.weightByIndex = new Float64Array(this.idByIndex.length);
    for (let k = 0; k < this.idByIndex.length; k++) {
      const words = this.wordsByIndex[k] as string[];
      const weights = new Float64Array(words.length);
      const ids = new Int32Array(words.length);
      let sum = 0;
      for (let j = 0; j < words.length; j++) {
        const entry = this.byWord.get(words[j] as string) as NameWord;
        weights[j] = entry.weight;
        ids[j] = entry.index;
        sum += entry.weight;
      }
      this.wordWeightsByIndex[k] = weights;
      this.wordIdsByIndex[k] = ids;
      this.weightByIndex[k] = sum;
    }
    const nameScore = new Float64Array(this.idByIndex.length);
    this.nameScore = nameScore;
    this.nameStamp = new Int32Array(this.idByIndex.length);
    this.wordStamp = new Int32Array(this.byWord.size);
    this.byNameScore = (a, b) => (nameScore[b] as number) - (nameScore[a] as number);
  }

  name(partnerId: number | null): string {
    return partnerId === null ? "" : (this.names.get(partnerId) ?? `#${partnerId}`);
  }

  resolve(line: Pick<StatementLine, "partnerId">, text: LineText): Map<number, PartnerEvidence> {
    const clues = new Map<number, Clue>();
    if (line.partnerId !== null) addClue(clues, line.partnerId, 0.99, "partner set on the line");
    const byAccount = this.byAccount.get(text.accountKey);
    if (byAccount !== undefined && text.accountKey !== "") {
      for (const id of byAccount) addClue(clues, id, 0.95 / byAccount.length, `account ${text.accountKey} belongs to '${this.name(id)}'`);
    }
    this.matchCompactName(text, clues);
    this.matchNameWords(text, clues);
    for (const [id, learned] of this.history.partnerEvidence(text)) addClue(clues, id, learned.strength, learned.reason);

    const rejected = this.history.rejectedPartners(text);
    const result = new Map<number, PartnerEvidence>();
    for (const [id, clue] of clues) {
      const r = rejected.get(id) ?? 0;
      const reasons = r > 0.2 ? [...clue.reasons, `a suggestion for '${this.name(id)}' was rejected for a similar line`] : clue.reasons;
      result.set(id, { score: (1 - clue.miss) * (1 - 0.9 * r), rejected: r, reasons });
    }
    if (rejected.size > 0) {
      for (const [id, r] of rejected) {
        if (r > 0.2 && !result.has(id)) result.set(id, { score: 0, rejected: r, reasons: [] });
      }
    }
    return result;
  }

  /** The bank's counterparty name against partner names: equal, or cut short by the bank (~35 characters). */
  private matchCompactName(text: LineText, clues: Map<number, Clue>): void {
    const key = text.nameKey;
    if (key === "") return;
    const equal = this.byCompact.get(key) ?? EMPTY_IDS;
    for (const id of equal) addClue(clues, id, 0.95 / equal.length, `'${text.nameDisplay}' ≈ partner '${this.name(id)}'`);
    if (key.length < PREFIX_LENGTH) return;
    const byPrefix = this.byPrefix.get(key.slice(0, PREFIX_LENGTH));
    if (byPrefix === undefined) return;
    for (const id of byPrefix) {
      if (equal.includes(id)) continue;
      const partnerKey = this.compact.get(id) ?? "";
      if (partnerKey.startsWith(key) && key.length >= MIN_TRUNCATED_LENGTH) addClue(clues, id, 0.9, `'${text.nameDisplay}' ≈ partner '${this.name(id)}'`);
      else if (key.startsWith(partnerKey)) addClue(clues, id, 0.75, `'${text.nameDisplay}' ≈ partner '${this.name(id)}'`);
    }
  }

  /**
   * Partner-name words found anywhere in the label or name, weighted by rarity; most of the name must be there.
   * Partners are found through their distinctive words; then every word of their name counts, a word cut short
   * by the bank (CONSULTIN for CONSULTING) included. Scores add up in reused typed arrays indexed by partner, and
   * the words of the line are marked in a reused typed array indexed by word.
   */
  private matchNameWords(text: LineText, clues: Map<number, Clue>): void {
    const { nameScore, nameStamp, touched, wordStamp } = this;
    const round = ++this.nameRound;
    touched.length = 0;
    const signal = text.signal;
    for (let t = 0; t < signal.length; t++) {
      const entry = this.byWord.get(signal[t] as string);
      if (entry === undefined) continue;
      wordStamp[entry.index] = round;
      if (entry.partners.length > MAX_NAME_FANOUT) continue;
      const w = entry.weight;
      const partners = entry.partners;
      for (let j = 0; j < partners.length; j++) {
        const k = partners[j] as number;
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
    // Stable: equal scores stay in the order the words found them.
    if (touched.length > 1) touched.sort(this.byNameScore);
    const count = Math.min(touched.length, MAX_NAME_CANDIDATES);
    for (let c = 0; c < count; c++) {
      const k = touched[c] as number;
      const words = this.wordsByIndex[k] as string[];
      const wordIds = this.wordIdsByIndex[k] as Int32Array;
      const weights = this.wordWeightsByIndex[k] as Float64Array;
      let matched = 0;
      for (let j = 0; j < words.length; j++) {
        const w = weights[j] as number;
        if (wordStamp[wordIds[j] as number] === round) matched += w;
        else {
          const word = words[j] as string;
          if (word.length >= 6 && startsWithAny(word, signal)) matched += 0.8 * w;
        }
      }
      const id = this.idByIndex[k] as number;
      const coverage = matched / Math.max(1e-9, this.weightByIndex[k] as number);
      if (coverage >= 0.999) addClue(clues, id, 0.85, `label names partner '${this.name(id)}'`);
      else if (coverage >= 0.6) addClue(clues, id, 0.8 * coverage, `label partly names partner '${this.name(id)}'`);
    }
  }
}

/** What the clues about one partner add up to while a line is resolved: the chance all of them are wrong. */
interface Clue {
  miss: number;
  reasons: string[];
}

const EMPTY_IDS: readonly number[] = [];

interface NameWord {
  index: number;
  partners: number[];
  weight: number;
}

function addClue(clues: Map<number, Clue>, id: number, strength: number, reason: string): void {
  if (strength <= 0) return;
  const clue = clues.get(id);
  if (clue === undefined) clues.set(id, { miss: 1 - Math.min(strength, 0.99), reasons: [reason] });
  else {
    clue.miss *= 1 - Math.min(strength, 0.99);
    clue.reasons.push(reason);
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
