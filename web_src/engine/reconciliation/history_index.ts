import type { HistoryEntry } from "../../contracts/reconcile";
import { lineText, type LineText } from "./line_text";
import { MerchantHistory } from "./merchant_history";
import { TokenDictionary, TokenVotes, type VoteResult } from "../shared/token_votes";

export interface ExpenseOption {
  accountId: number;
  taxIds: number[];
  similarity: number;
  /** Past lines of this merchant (or account number) coded this way; 0 when no known merchant is named. */
  support: number;
  /** Past lines of this merchant in all. */
  lines: number;
  /** The line names a merchant (or comes from an account number) of history, not only words others share. */
  keyed: boolean;
  /** Share of the line's distinctive words that point at this coding (1 for an account number). */
  share: number;
  /** Past lines from the line's counterparty account number coded this way, and coded at all (0 when none). */
  accountSupport: number;
  accountLines: number;
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
  /** One dictionary for every vote below: a line's words are looked up once (see signalIds). */
  private readonly dictionary = new TokenDictionary();
  private readonly partnerWords = new TokenVotes<number>(this.dictionary);
  private readonly partnerByName = new Map<string, Tally<number>>();
  private readonly partnerByAccount = new Map<string, Tally<number>>();
  private readonly rejectedWords = new TokenVotes<number>(this.dictionary);
  private readonly rejectedByName = new Map<string, Tally<number>>();
  private readonly rejectedByAccount = new Map<string, Tally<number>>();
  private readonly codedMerchants: Record<Sign, MerchantHistory> = { in: new MerchantHistory(), out: new MerchantHistory() };
  private readonly codedByAccount = new Map<string, Tally<string>>();
  private readonly rejectedAccountWords = new TokenVotes<number>(this.dictionary);
  /** The ids of the last line's signal words, and that line. */
  private idsText: LineText | null = null;
  private readonly ids: number[] = [];
  private readonly codings = new Map<string, Coding>();
  /** Past lines reconciled with each partner: whom this company has been paid by or has paid before. */
  private readonly partnerLines = new Map<number, number>();

  constructor(history: readonly HistoryEntry[]) {
    for (const entry of history) {
      const teaches = (entry.outcome === "reconciled" && entry.partnerId !== null) || (entry.outcome === "coded" && entry.accountId !== null)
        || (entry.outcome === "rejected" && (entry.rejectedPartnerId !== null || entry.rejectedAccountId !== null));
      if (!teaches) continue;
      const text = lineText({ label: entry.label, ref: "", partnerName: entry.partnerName, accountNumber: entry.accountNumber }, false);
      if (entry.outcome === "reconciled" && entry.partnerId !== null) {
        this.partnerLines.set(entry.partnerId, (this.partnerLines.get(entry.partnerId) ?? 0) + 1);
        this.partnerWords.add(text.signal, entry.partnerId);
        if (text.nameKey.length >= 3) count(this.partnerByName, text.nameKey, entry.partnerId);
        if (text.accountKey.length >= 6) count(this.partnerByAccount, text.accountKey, entry.partnerId);
      } else if (entry.outcome === "coded" && entry.accountId !== null) {
        const taxIds = entry.taxIds.length <= 1 ? [...entry.taxIds] : [...entry.taxIds].sort(ascending);
        const key = `${entry.accountId}|${taxIds.join(",")}`;
        if (!this.codings.has(key)) {
          this.codings.set(key, { accountId: entry.accountId, taxIds, example: text.tokens.slice(0, 6).join(" ") });
        }
        this.codedMerchants[signOf(entry.amount)].add(text.merchant, key);
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

  /** How many past lines were reconciled with this partner (0: a counterparty absent from history). */
  pastLinesOf(partnerId: number): number {
    return this.partnerLines.get(partnerId) ?? 0;
  }

  /** Partners that past lines from this counterparty name were reconciled with, and their shares. */
  partnerNameShares(nameKey: string): Shares<number> | null {
    return this.sharesOf(this.partnerByName, nameKey);
  }

  /** Partners that past lines from this account number were reconciled with, and their shares. */
  partnerAccountShares(accountKey: string): Shares<number> | null {
    return this.sharesOf(this.partnerByAccount, accountKey);
  }

  /** Partners that past lines with these words were reconciled with (read before the next vote). */
  partnerWordVotes(text: LineText): VoteResult<number> {
    return this.partnerWords.voteIds(this.signalIds(text), text.signal, text.merchant);
  }

  /** The dictionary ids of a line's signal words, looked up once per line for all the votes. */
  private signalIds(text: LineText): number[] {
    if (this.idsText !== text) {
      this.dictionary.idsOf(text.signal, this.ids);
      this.idsText = text;
    }
    return this.ids;
  }

  /** Partners whose suggestion people rejected for lines like this one: 0..1 per partner. */
  rejectedPartners(text: LineText): ReadonlyMap<number, number> {
    let found: Map<number, number> | null = null;
    const byName = this.sharesOf(this.rejectedByName, text.nameKey);
    if (byName !== null) for (let j = 0; j < byName.keys.length; j++) found = keepMax(found, byName.keys[j] as number, byName.shares[j] as number);
    const byAccount = this.sharesOf(this.rejectedByAccount, text.accountKey);
    if (byAccount !== null) for (let j = 0; j < byAccount.keys.length; j++) found = keepMax(found, byAccount.keys[j] as number, byAccount.shares[j] as number);
    const votes = this.rejectedWords.voteIds(this.signalIds(text), text.signal);
    for (let i = 0; i < votes.size; i++) found = keepMax(found, votes.key(i), votes.similarity(i));
    return found ?? NO_REJECTIONS;
  }

  /**
   * How past lines from or to this account number were coded, both directions together (a transfer between own
   * accounts goes both ways): the most frequent coding, its past lines and the account's coded lines in all.
   */
  accountCoding(accountKey: string): { accountId: number; taxIds: number[]; support: number; lines: number } | null {
    const tallies = [this.codedByAccount.get(`in${accountKey}`), this.codedByAccount.get(`out${accountKey}`)];
    const counts = new Map<string, number>();
    let lines = 0;
    for (const tally of tallies) {
      if (tally === undefined) continue;
      for (const [key, n] of tally.counts) {
        counts.set(key, (counts.get(key) ?? 0) + n);
        lines += n;
      }
    }
    let best: string | null = null;
    for (const [key, n] of counts) if (best === null || n > (counts.get(best) ?? 0)) best = key;
    const coding = best === null ? undefined : this.codings.get(best);
    if (coding === undefined) return null;
    return { accountId: coding.accountId, taxIds: coding.taxIds, support: counts.get(best as string) ?? 0, lines };
  }

  /** Accounts (with taxes) that similar past lines of the same direction were coded to, best first. */
  expenseOptions(text: LineText, amount: number): ExpenseOption[] {
    const scored = this.scoreCodings(text, amount);
    if (scored === null) return [];
    const ranked: Array<{ key: string; coding: Coding; found: Learned }> = [];
    for (const [key, found] of scored) {
      const coding = this.codings.get(key);
      if (coding !== undefined) ranked.push({ key, coding, found });
    }
    ranked.sort(bySimilarityDesc);
    if (ranked.length > 3) ranked.length = 3;
    return ranked.map(({ coding, found }) => expenseOption(coding, found, text));
  }

  /** The first of expenseOptions, or null: what a line's expense proposal is made of. */
  bestExpenseOption(text: LineText, amount: number): ExpenseOption | null {
    const scored = this.scoreCodings(text, amount);
    if (scored === null) return null;
    let best: Learned | null = null;
    let bestCoding: Coding | null = null;
    for (const [key, found] of scored) {
      // The first of the most similar, as the stable ranking of expenseOptions has it.
      if (best !== null && !(found.strength > best.strength)) continue;
      const coding = this.codings.get(key);
      if (coding === undefined) continue;
      best = found;
      bestCoding = coding;
    }
    return best === null ? null : expenseOption(bestCoding as Coding, best, text);
  }

  /** Codings (account|taxes) of similar past lines of the same direction, with their similarity; null if none. */
  private scoreCodings(text: LineText, amount: number): Map<string, Learned> | null {
    const sign = signOf(amount);
    const codings = this.codedMerchants[sign].codings(text.merchant);
    const byAccount = text.accountKey === "" ? undefined : this.codedByAccount.get(`${sign}${text.accountKey}`);
    if (codings.length === 0 && byAccount === undefined) return null;
    const scored = new Map<string, Learned>();
    for (const c of codings) {
      scored.set(c.codingKey, { strength: c.similarity, source: 2, token: c.token, support: c.support, lines: c.lines, keyed: c.keyed, share: c.share });
    }
    if (byAccount !== undefined) {
      const shares = (byAccount.shares ??= sharesOfTally(byAccount));
      let lines = 0;
      for (const n of byAccount.counts.values()) lines += n;
      for (let j = 0; j < shares.keys.length; j++) {
        const key = shares.keys[j] as string;
        const similarity = 0.95 * (shares.shares[j] as number);
        const support = byAccount.counts.get(key) ?? 0;
        const known = scored.get(key);
        if (known === undefined) {
          if (similarity > 0) {
            scored.set(key, { strength: similarity, source: 1, token: "", support, lines, keyed: true, share: 1, accountSupport: support, accountLines: lines });
          }
        } else if (similarity > known.strength) {
          Object.assign(known, {
            strength: similarity, source: 1, support: Math.max(support, known.support ?? 0), lines, keyed: true, share: 1,
            accountSupport: support, accountLines: lines,
          });
        } else {
          // The merchant's words and the account number agree: the account's own support counts too.
          known.accountSupport = support;
          known.accountLines = lines;
        }
      }
    }
    return scored.size === 0 ? null : scored;
  }

  /** Accounts whose coding people rejected for lines like this one: 0..1 per account. */
  rejectedAccounts(text: LineText): Map<number, number> {
    return this.rejectedAccountWords.voteIds(this.signalIds(text), text.signal).similarities();
  }

  /** Shares of a name or account key, computed once per key and kept (the counts no longer change). */
  private sharesOf(map: Map<string, Tally<number>>, key: string): Shares<number> | null {
    if (key === "") return null;
    const tally = map.get(key);
    if (tally === undefined) return null;
    return (tally.shares ??= sharesOfTally(tally));
  }
}

/** Where a learned strength came from: 0 the counterparty name, 1 the account number, 2 the label words. */
export type LearnedSource = 0 | 1 | 2;

/** How a lesson from history about a partner reads in an explanation. */
export function learnedReason(source: LearnedSource, token: string, text: LineText): string {
  if (source === 0) return `past payments from '${text.nameDisplay}' were reconciled with this partner`;
  if (source === 1) return `past payments from account ${text.accountKey} were reconciled with this partner`;
  return `past payments labelled like '${token}' were reconciled with this partner`;
}

/** A learned strength while options are compared. */
interface Learned {
  strength: number;
  source: LearnedSource;
  token: string;
  /** For codings: past lines of the merchant coded so, its past lines in all, and whether the line names it. */
  support?: number;
  lines?: number;
  keyed?: boolean;
  share?: number;
  accountSupport?: number;
  accountLines?: number;
}

const NO_REJECTIONS: ReadonlyMap<number, number> = new Map<number, number>();

/** Keys of a name or account key's counts, with their shares (see `sharesOfTally`). */
export interface Shares<K> {
  keys: K[];
  shares: Float64Array;
}

/** How often each key went with one name or account, and (once asked for) the shares. */
interface Tally<K> {
  counts: Map<K, number>;
  shares: Shares<K> | null;
}

interface Coding {
  accountId: number;
  taxIds: number[];
  example: string;
}

/** Keeps the strongest value per key; the map is made on the first value worth keeping. */
function keepMax(found: Map<number, number> | null, id: number, strength: number): Map<number, number> | null {
  if (found === null) return strength > 0 ? new Map([[id, strength]]) : null;
  if (strength > (found.get(id) ?? 0)) found.set(id, strength);
  return found;
}

function expenseOption(coding: Coding, found: Learned, text: LineText): ExpenseOption {
  const support = found.support ?? 0;
  const keyed = found.keyed ?? false;
  let reason: string;
  if (found.source === 1) reason = `coded like ${support} past ${support === 1 ? "line" : "lines"} from account ${text.accountKey}`;
  else if (keyed) reason = `coded like ${support} past ${support === 1 ? "line" : "lines"} of this merchant ('${found.token}', e.g. '${coding.example}')`;
  else reason = `no known merchant named; only the word '${found.token}' is shared with past lines coded to this account (e.g. '${coding.example}')`;
  return {
    accountId: coding.accountId, taxIds: coding.taxIds, similarity: found.strength, support, lines: found.lines ?? 0, keyed,
    share: found.share ?? 0, accountSupport: found.accountSupport ?? 0, accountLines: found.accountLines ?? 0, reason,
  };
}

function ascending(a: number, b: number): number {
  return a - b;
}

function bySimilarityDesc(a: { found: Learned }, b: { found: Learned }): number {
  return b.found.strength - a.found.strength;
}

/** Each key's share of a tally, damped when seen only a few times: (count / total) × (1 − e^−count). */
function sharesOfTally<K>(tally: Tally<K>): Shares<K> {
  let total = 0;
  for (const c of tally.counts.values()) total += c;
  const keys: K[] = [];
  const values = new Float64Array(tally.counts.size);
  for (const [key, c] of tally.counts) {
    values[keys.length] = (c / total) * (1 - Math.exp(-c));
    keys.push(key);
  }
  return { keys, shares: values };
}

function count<K, V>(map: Map<K, Tally<V>>, key: K, value: V): void {
  const tally = map.get(key);
  if (tally === undefined) map.set(key, { counts: new Map([[value, 1]]), shares: null });
  else tally.counts.set(value, (tally.counts.get(value) ?? 0) + 1);
}
