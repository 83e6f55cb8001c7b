import type { Partner, StatementLine } from "../../contracts/reconcile";
import { accountNumberKey } from "../shared/account_number_key";
import { nameTokens } from "../shared/name_tokens";
import { sortIndicesByScoreDesc } from "../shared/sort_indices_by_score";
import type { HistoryIndex, LearnedSource } from "./history_index";
import { LearnedOnly, LineEvidence } from "./line_evidence";
import type { LineText } from "./line_text";
import { BY_ACCOUNT, BY_LINE, BY_NAME, finishEvidence, LABEL_NAMES, LABEL_PARTLY_NAMES, LEARNED, PartnerEvidence } from "./partner_evidence";

/** Name words shared by more partners than this do not identify anyone. */
const MAX_NAME_FANOUT = 30;
const PREFIX_LENGTH = 6;
const MAX_NAME_CANDIDATES = 12;
const MIN_TRUNCATED_LENGTH = 10;
/** A name word this long still counts (for 0.8 of its weight) when the label has it cut to MIN_CUT_PREFIX+ characters. */
const MIN_CUT_WORD = 6;
const MIN_CUT_PREFIX = 4;

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
  /** First PREFIX_LENGTH characters of compact names → the partners, and their compact names. */
  private readonly byPrefix = new Map<string, { ids: number[]; keys: string[] | null }>();
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
  /** Per name word: the round of the last line that contains it, or a word it starts. */
  private readonly wordStamp: Int32Array;
  private readonly prefixStamp: Int32Array;
  private readonly byNameScore: (a: number, b: number) => number;
  /** The history-only partners of the line being resolved, reused from line to line. */
  private readonly learned = new LearnedOnly();

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
        if (entry === undefined) this.byWord.set(w, { index: this.byWord.size, partners: [k], weight: 0, startsWords: null });
        else entry.partners.push(k);
      }
      const key = words.join("");
      this.compact.set(partner.id, key);
      if (key.length >= 2) push(this.byCompact, key, partner.id);
      if (key.length >= PREFIX_LENGTH) {
        const prefix = key.slice(0, PREFIX_LENGTH);
        const entry = this.byPrefix.get(prefix);
        if (entry === undefined) this.byPrefix.set(prefix, { ids: [partner.id], keys: null });
        else entry.ids.push(partner.id);
      }
      for (const account of partner.bankAccounts) {
        const a = accountNumberKey(account);
        if (a.length >= 6) push(this.byAccount, a, partner.id);
      }
    }
    // A partner listed twice goes by its last name everywhere.
    for (const entry of this.byPrefix.values()) entry.keys = entry.ids.map((id) => this.compact.get(id) ?? "");
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
    this.prefixStamp = new Int32Array(this.byWord.size);
    // Every prefix of 4+ characters of the long name words, so that "a label word starts this name word" is a
    // lookup rather than a scan of the label per name word.
    const prefixes = new Map<string, number[]>();
    for (const [word, entry] of this.byWord) {
      if (word.length < MIN_CUT_WORD) continue;
      for (let len = MIN_CUT_PREFIX; len <= word.length; len++) push(prefixes, word.slice(0, len), entry.index);
    }
    for (const [prefix, indices] of prefixes) {
      const entry = this.byWord.get(prefix);
      if (entry !== undefined) entry.startsWords = indices;
      else this.byWord.set(prefix, { index: -1, partners: [], weight: 0, startsWords: indices });
    }
    this.byNameScore = (a, b) => (nameScore[b] as number) - (nameScore[a] as number);
  }

  name(partnerId: number | null): string {
    return partnerId === null ? "" : (this.names.get(partnerId) ?? `#${partnerId}`);
  }

  /** Every partner the line points at, in the order the clues found them, with their scores. */
  resolve(line: Pick<StatementLine, "partnerId">, text: LineText): Map<number, PartnerEvidence> {
    return this.resolveLine(line, text).toMap();
  }

  /**
   * resolve() as the collector reads it: partners known only from history's word votes (a dozen weak ones per
   * line, most never proposed) are kept as numbers and made into evidence only when asked for. The answer reads
   * scratch space of the resolver: use it before resolving the next line.
   */
  resolveLine(line: Pick<StatementLine, "partnerId">, text: LineText): LineEvidence {
    const clues = new Map<number, PartnerEvidence>();
    if (line.partnerId !== null) addClue(clues, text, line.partnerId, 0.99, BY_LINE);
    const byAccount = text.accountKey === "" ? undefined : this.byAccount.get(text.accountKey);
    if (byAccount !== undefined) {
      for (const id of byAccount) addClue(clues, text, id, 0.95 / byAccount.length, BY_ACCOUNT);
    }
    this.matchCompactName(text, clues);
    this.matchNameWords(text, clues);
    const learned = this.learned;
    learned.clear();
    this.learnFromHistory(text, clues, learned);

    const rejected = this.history.rejectedPartners(text);
    for (const [id, ev] of clues) finishEvidence(ev, rejected.size === 0 ? 0 : (rejected.get(id) ?? 0));
    return new LineEvidence(clues, learned, rejected, text);
  }

  /**
   * Partners that past lines like this one were reconciled with: by counterparty name, account number and label
   * words, the strongest per partner. Weighed after every other clue, as the last factor of its miss.
   */
  private learnFromHistory(text: LineText, clues: Map<number, PartnerEvidence>, learned: LearnedOnly): void {
    const history = this.history;
    const byName = history.partnerNameShares(text.nameKey);
    if (byName !== null) for (let j = 0; j < byName.keys.length; j++) learn(clues, learned, byName.keys[j] as number, 0.9 * (byName.shares[j] as number), 0, "");
    const byAccount = history.partnerAccountShares(text.accountKey);
    if (byAccount !== null) for (let j = 0; j < byAccount.keys.length; j++) learn(clues, learned, byAccount.keys[j] as number, 0.93 * (byAccount.shares[j] as number), 1, "");
    // Word votes name each partner once: only the few partners learned above can be met again.
    learned.shared = learned.size;
    const votes = history.partnerWordVotes(text);
    for (let i = 0; i < votes.size; i++) {
      const strength = 0.85 * votes.similarity(i);
      if (strength > 0) learn(clues, learned, votes.key(i), strength, 2, votes.bestToken(i));
    }
  }

  /** The bank's counterparty name against partner names: equal, or cut short by the bank (~35 characters). */
  private matchCompactName(text: LineText, clues: Map<number, PartnerEvidence>): void {
    const key = text.nameKey;
    if (key === "") return;
    const equal = this.byCompact.get(key) ?? EMPTY_IDS;
    for (const id of equal) addClue(clues, text, id, 0.95 / equal.length, BY_NAME);
    if (key.length < PREFIX_LENGTH) return;
    const byPrefix = this.byPrefix.get(key.slice(0, PREFIX_LENGTH));
    if (byPrefix === undefined) return;
    const keys = byPrefix.keys as string[];
    for (let j = 0; j < byPrefix.ids.length; j++) {
      const id = byPrefix.ids[j] as number;
      if (equal.includes(id)) continue;
      const partnerKey = keys[j] as string;
      if (partnerKey.startsWith(key) && key.length >= MIN_TRUNCATED_LENGTH) addClue(clues, text, id, 0.9, BY_NAME);
      else if (key.startsWith(partnerKey)) addClue(clues, text, id, 0.75, BY_NAME);
    }
  }

  /**
   * Partner-name words found anywhere in the label or name, weighted by rarity; most of the name must be there.
   * Partners are found through their distinctive words; then every word of their name counts, a word cut short
   * by the bank (CONSULTIN for CONSULTING) included. Scores add up in reused typed arrays indexed by partner, and
   * the words of the line are marked in a reused typed array indexed by word.
   */
  private matchNameWords(text: LineText, clues: Map<number, PartnerEvidence>): void {
    const { nameScore, nameStamp, touched, wordStamp, prefixStamp } = this;
    const round = ++this.nameRound;
    // The touched partners are [0, count) of a reused array (setting its length to 0 would drop its storage).
    let count = 0;
    const signal = text.signal;
    for (let t = 0; t < signal.length; t++) {
      const entry = this.byWord.get(signal[t] as string);
      if (entry === undefined) continue;
      const starts = entry.startsWords;
      if (starts !== null) for (let j = 0; j < starts.length; j++) prefixStamp[starts[j] as number] = round;
      if (entry.index < 0) continue;
      wordStamp[entry.index] = round;
      if (entry.partners.length > MAX_NAME_FANOUT) continue;
      const w = entry.weight;
      const partners = entry.partners;
      for (let j = 0; j < partners.length; j++) {
        const k = partners[j] as number;
        if (nameStamp[k] !== round) {
          nameStamp[k] = round;
          nameScore[k] = w;
          touched[count++] = k;
        } else {
          nameScore[k] = (nameScore[k] as number) + w;
        }
      }
    }
    if (count === 0) return;
    // Stable: equal scores stay in the order the words found them.
    if (count > 32) {
      touched.length = count;
      touched.sort(this.byNameScore);
    } else {
      sortIndicesByScoreDesc(touched, count, nameScore);
    }
    const candidates = Math.min(count, MAX_NAME_CANDIDATES);
    for (let c = 0; c < candidates; c++) {
      const k = touched[c] as number;
      const words = this.wordsByIndex[k] as string[];
      const wordIds = this.wordIdsByIndex[k] as Int32Array;
      const weights = this.wordWeightsByIndex[k] as Float64Array;
      let matched = 0;
      for (let j = 0; j < words.length; j++) {
        const w = weights[j] as number;
        const wordId = wordIds[j] as number;
        if (wordStamp[wordId] === round) matched += w;
        else if (prefixStamp[wordId] === round) matched += 0.8 * w;
      }
      const id = this.idByIndex[k] as number;
      const coverage = matched / Math.max(1e-9, this.weightByIndex[k] as number);
      if (coverage >= 0.999) addClue(clues, text, id, 0.85, LABEL_NAMES);
      else if (coverage >= 0.6) addClue(clues, text, id, 0.8 * coverage, LABEL_PARTLY_NAMES);
    }
  }
}

/** Weighs one clue (strength 0..1) about a partner: the chance that all clues are wrong shrinks. */
function addClue(clues: Map<number, PartnerEvidence>, text: LineText, id: number, strength: number, clue: number): void {
  if (strength <= 0) return;
  let ev = clues.get(id);
  if (ev === undefined) {
    ev = new PartnerEvidence(id, text);
    clues.set(id, ev);
  }
  ev.miss *= 1 - Math.min(strength, 0.99);
  ev.clues |= clue;
}

/** Keeps the strongest lesson from history per partner (a partner first seen here joins the clues in that order). */
function learn(clues: Map<number, PartnerEvidence>, learned: LearnedOnly, id: number, strength: number, source: LearnedSource, token: string): void {
  const ev = clues.get(id);
  if (ev === undefined) {
    learned.keep(id, strength, source, token);
    return;
  }
  if (strength <= ev.learned) return;
  ev.learned = strength;
  ev.learnedSource = source;
  ev.learnedToken = token;
  ev.clues |= LEARNED;
}

const EMPTY_IDS: readonly number[] = [];

/** A partner-name word (index ≥ 0), or only the start of some (index -1, no partners). */
interface NameWord {
  index: number;
  partners: number[];
  weight: number;
  /** The name words of MIN_CUT_WORD+ characters that start with this text (a word the bank cut short). */
  startsWords: number[] | null;
}


function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}
