import type { HistoryEntry } from "../contracts/reconcile";
import { lineText, type LineText } from "./lineText";
import { TokenVotes } from "./tokenVotes";

export interface LearnedEvidence {
  /** 0..1 */
  strength: number;
  reason: string;
}

export interface ExpenseOption {
  accountId: number;
  taxIds: number[];
  similarity: number;
  reason: string;
}

type Sign = "in" | "out";
const signOf = (amount: number): Sign => (amount >= 0 ? "in" : "out");

/**
 * What past outcomes teach, aggregated once per request: which partner lines with these words, this counterparty
 * name or this account number were reconciled with; which accounts similar lines were coded to; and which
 * suggestions people rejected for similar lines. Lookups are per token, never a scan of the history.
 */
export class HistoryIndex {
  private readonly partnerWords = new TokenVotes<number>();
  private readonly partnerByName = new Map<string, Map<number, number>>();
  private readonly partnerByAccount = new Map<string, Map<number, number>>();
  private readonly rejectedWords = new TokenVotes<number>();
  private readonly rejectedByName = new Map<string, Map<number, number>>();
  private readonly rejectedByAccount = new Map<string, Map<number, number>>();
  private readonly codedWords: Record<Sign, TokenVotes<string>> = { in: new TokenVotes(), out: new TokenVotes() };
  private readonly codedByAccount = new Map<string, Map<string, number>>();
  private readonly rejectedAccountWords = new TokenVotes<number>();
  private readonly codings = new Map<string, { accountId: number; taxIds: number[]; example: string }>();

  constructor(history: readonly HistoryEntry[]) {
    for (const entry of history) {
      const text = lineText({ label: entry.label, ref: "", partnerName: entry.partnerName, accountNumber: entry.accountNumber }, false);
      if (entry.outcome === "reconciled" && entry.partnerId !== null) {
        this.partnerWords.add(text.signal, entry.partnerId);
        if (text.nameKey.length >= 3) count(this.partnerByName, text.nameKey, entry.partnerId);
        if (text.accountKey.length >= 6) count(this.partnerByAccount, text.accountKey, entry.partnerId);
      } else if (entry.outcome === "coded" && entry.accountId !== null) {
        const taxIds = [...entry.taxIds].sort((a, b) => a - b);
        const key = `${entry.accountId}|${taxIds.join(",")}`;
        if (!this.codings.has(key)) {
          this.codings.set(key, { accountId: entry.accountId, taxIds, example: text.tokens.slice(0, 6).join(" ") });
        }
        this.codedWords[signOf(entry.amount)].add(text.signal, key);
        if (text.accountKey.length >= 6) count(this.codedByAccount, `${signOf(entry.amount)}${text.accountKey}`, key);
      } else if (entry.outcome === "rejected") {
        if (entry.rejectedPartnerId !== null) {
          this.rejectedWords.add(text.signal, entry.rejectedPartnerId);
          if (text.nameKey.length >= 3) count(this.rejectedByName, text.nameKey, entry.rejectedPartnerId);
          if (text.accountKey.length >= 6) count(this.rejectedByAccount, text.accountKey, entry.rejectedPartnerId);
        }
        if (entry.rejectedAccountId !== null) this.rejectedAccountWords.add(text.signal, entry.rejectedAccountId);
      }
    }
  }

  /** Partners that past lines like this one were reconciled with. */
  partnerEvidence(text: LineText): Map<number, LearnedEvidence> {
    const found = new Map<number, LearnedEvidence>();
    const keep = (id: number, strength: number, reason: string): void => {
      if (strength > (found.get(id)?.strength ?? 0)) found.set(id, { strength, reason });
    };
    for (const [id, share] of shares(this.partnerByName.get(text.nameKey))) {
      keep(id, 0.9 * share, `past payments from '${text.nameDisplay}' were reconciled with this partner`);
    }
    for (const [id, share] of shares(this.partnerByAccount.get(text.accountKey))) {
      keep(id, 0.93 * share, `past payments from account ${text.accountKey} were reconciled with this partner`);
    }
    const votes = this.partnerWords.vote(text.signal);
    for (let i = 0; i < votes.size; i++) {
      const id = votes.key(i);
      const strength = 0.85 * votes.similarity(i);
      if (strength > (found.get(id)?.strength ?? 0)) {
        found.set(id, { strength, reason: `past payments labelled like '${votes.bestToken(i)}' were reconciled with this partner` });
      }
    }
    return found;
  }

  /** Partners whose suggestion people rejected for lines like this one: 0..1 per partner. */
  rejectedPartners(text: LineText): Map<number, number> {
    const found = new Map<number, number>();
    const keep = (id: number, strength: number): void => {
      if (strength > (found.get(id) ?? 0)) found.set(id, strength);
    };
    for (const [id, share] of shares(this.rejectedByName.get(text.nameKey))) keep(id, share);
    for (const [id, share] of shares(this.rejectedByAccount.get(text.accountKey))) keep(id, share);
    const votes = this.rejectedWords.vote(text.signal);
    for (let i = 0; i < votes.size; i++) keep(votes.key(i), votes.similarity(i));
    return found;
  }

  /** Accounts (with taxes) that similar past lines of the same direction were coded to, best first. */
  expenseOptions(text: LineText, amount: number): ExpenseOption[] {
    const sign = signOf(amount);
    const scored = new Map<string, { similarity: number; reason: string }>();
    const votes = this.codedWords[sign].vote(text.signal);
    for (let i = 0; i < votes.size; i++) {
      const key = votes.key(i);
      const example = this.codings.get(key)?.example ?? "";
      scored.set(key, { similarity: votes.similarity(i), reason: `similar past lines ('${votes.bestToken(i)}', e.g. '${example}') were coded to this account` });
    }
    for (const [key, share] of shares(this.codedByAccount.get(`${sign}${text.accountKey}`))) {
      const similarity = 0.95 * share;
      if (similarity > (scored.get(key)?.similarity ?? 0)) {
        scored.set(key, { similarity, reason: `past lines from account ${text.accountKey} were coded to this account` });
      }
    }
    const options: ExpenseOption[] = [];
    for (const [key, { similarity, reason }] of scored) {
      const coding = this.codings.get(key);
      if (coding !== undefined) options.push({ accountId: coding.accountId, taxIds: coding.taxIds, similarity, reason });
    }
    return options.sort((a, b) => b.similarity - a.similarity).slice(0, 3);
  }

  /** Accounts whose coding people rejected for lines like this one: 0..1 per account. */
  rejectedAccounts(text: LineText): Map<number, number> {
    return this.rejectedAccountWords.vote(text.signal).similarities();
  }
}

const NO_SHARES: ReadonlyMap<never, number> = new Map<never, number>();

function shares<K>(counts: Map<K, number> | undefined): ReadonlyMap<K, number> {
  if (counts === undefined) return NO_SHARES;
  const out = new Map<K, number>();
  let total = 0;
  for (const c of counts.values()) total += c;
  for (const [key, c] of counts) out.set(key, (c / total) * (1 - Math.exp(-c)));
  return out;
}

function count<K, V>(map: Map<K, Map<V, number>>, key: K, value: V): void {
  let byValue = map.get(key);
  if (byValue === undefined) {
    byValue = new Map();
    map.set(key, byValue);
  }
  byValue.set(value, (byValue.get(value) ?? 0) + 1);
}
