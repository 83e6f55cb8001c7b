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
  private readonly byWord = new Map<string, number[]>();
  private readonly byPrefix = new Map<string, number[]>();
  private readonly byCompact = new Map<string, number[]>();
  private readonly byAccount = new Map<string, number[]>();
  private readonly wordWeight = new Map<string, number>();
  private readonly wordsOf = new Map<number, string[]>();

  constructor(partners: readonly Partner[], private readonly history: HistoryIndex) {
    const wordsOf = this.wordsOf;
    for (const partner of partners) {
      this.names.set(partner.id, partner.name);
      const words = [...new Set(nameTokens(partner.name))];
      wordsOf.set(partner.id, words);
      for (const w of words) push(this.byWord, w, partner.id);
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
    for (const [w, ids] of this.byWord) this.wordWeight.set(w, Math.log(1 + total / ids.length));
    for (const [id, words] of wordsOf) {
      this.weightOf.set(id, words.reduce((s, w) => s + (this.wordWeight.get(w) ?? 0), 0));
    }
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
   * by the bank (CONSULTIN for CONSULTING) included.
   */
  private matchNameWords(text: LineText, add: (id: number, s: number, r: string) => void): void {
    const found = new Map<number, number>();
    for (const word of text.signal) {
      const ids = this.byWord.get(word);
      if (ids === undefined || ids.length > MAX_NAME_FANOUT) continue;
      const w = this.wordWeight.get(word) ?? 0;
      for (const id of ids) found.set(id, (found.get(id) ?? 0) + w);
    }
    if (found.size === 0) return;
    const present = new Set(text.signal);
    const candidates = [...found].sort((a, b) => b[1] - a[1]).slice(0, MAX_NAME_CANDIDATES);
    for (const [id] of candidates) {
      let matched = 0;
      for (const word of this.wordsOf.get(id) ?? []) {
        const w = this.wordWeight.get(word) ?? 0;
        if (present.has(word)) matched += w;
        else if (word.length >= 6 && text.signal.some((t) => t.length >= 4 && word.startsWith(t))) matched += 0.8 * w;
      }
      const coverage = matched / Math.max(1e-9, this.weightOf.get(id) ?? 1);
      if (coverage >= 0.999) add(id, 0.85, `label names partner '${this.name(id)}'`);
      else if (coverage >= 0.6) add(id, 0.8 * coverage, `label partly names partner '${this.name(id)}'`);
    }
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}
