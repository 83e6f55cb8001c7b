/** Tokens shared by more keys than this say nothing about any one of them and are skipped (also bounds work). */
const MAX_FANOUT = 24;
/** Words of a line that history never saw count against every key from this length on (shorter: abbreviations). */
const MIN_UNKNOWN_LENGTH = 4;

/** What one token says, precomputed when the first vote is asked for: idf and idf × count / df per key. */
interface TokenPosting {
  idf: number;
  keys: Int32Array;
  weights: Float64Array;
}

/**
 * What the history says about one token: in how many documents it appears, and with which keys (dense indices,
 * in the order first seen) how often — null once more than MAX_FANOUT keys share it; then its posting.
 */
interface TokenCounts {
  df: number;
  keys: number[] | null;
  counts: number[];
  posting: TokenPosting | null;
}

const NO_WORDS: readonly string[] = [];

/** Does tokens[t] occur earlier in the list? (Lists are short: a linear scan beats building a set.) */
function seenBefore(tokens: readonly string[], t: number): boolean {
  const token = tokens[t] as string;
  if (t > 64) return tokens.indexOf(token) < t;
  for (let j = 0; j < t; j++) if (tokens[j] === token) return true;
  return false;
}

/** Token → a small dense id, shared by the votes of one history so that a line's words are looked up once. */
export class TokenDictionary {
  private readonly ids = new Map<string, number>();

  intern(token: string): number {
    let id = this.ids.get(token);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(token, id);
    }
    return id;
  }

  idOf(token: string): number {
    return this.ids.get(token) ?? -1;
  }

  /** Ids of the tokens, -1 for a token never added (written to [0, tokens.length) of `into`, which may be longer). */
  idsOf(tokens: readonly string[], into: number[] = []): number[] {
    for (let t = 0; t < tokens.length; t++) into[t] = this.ids.get(tokens[t] as string) ?? -1;
    return into;
  }
}

/**
 * The outcome of one vote, keys in the order the evidence first named them. Owned by the TokenVotes that produced
 * it and overwritten by its next vote: read it before voting again.
 */
export class VoteResult<K> {
  /** Number of keys that received a vote; read them as key(i), share(i) … for i < size. */
  size = 0;
  known = 0;

  constructor(
    private readonly keyOf: readonly K[],
    private readonly weightOf: Float64Array,
    private readonly bestOf: string[],
    /** The keys voted for are [0, size) of this array, shared with (and rewritten by) the TokenVotes. */
    private readonly touched: readonly number[],
  ) {}

  key(i: number): K {
    return this.keyOf[this.touched[i] as number] as K;
  }

  /** Share of the evidence, 0..1, weighted by how rare each token is. */
  share(i: number): number {
    return this.known > 0 ? (this.weightOf[this.touched[i] as number] as number) / this.known : 0;
  }

  /** Absolute weight (sum of idf × share): how much evidence there is, not only how it splits. */
  weight(i: number): number {
    return this.weightOf[this.touched[i] as number] as number;
  }

  /** Share × saturation: a split vote or a single common word is weak evidence; a rare word seen often is strong. */
  similarity(i: number): number {
    return this.share(i) * (1 - Math.exp(-this.weight(i) / 1.5));
  }

  /** The token that contributed most, for the explanation. */
  bestToken(i: number): string {
    return this.bestOf[this.touched[i] as number] as string;
  }

  /** key → similarity, for callers that want a map. */
  similarities(): Map<K, number> {
    const out = new Map<K, number>();
    for (let i = 0; i < this.size; i++) out.set(this.key(i), this.similarity(i));
    return out;
  }

  reset(size: number, known: number): void {
    this.size = size;
    this.known = known;
  }
}

/**
 * Token → key votes learned from past outcomes (which partner or account lines with this word ended up with).
 * A lookup is one map access per token plus at most MAX_FANOUT keys each, accumulated in reused typed arrays.
 */
export class TokenVotes<K> {
  /** Per token id (see TokenDictionary): in how many documents it appears, how often with each key (dense index). */
  private readonly votes: Array<TokenCounts | undefined> = [];
  private readonly keyIndex = new Map<K, number>();
  private readonly keys: K[] = [];
  private frozen = false;
  /** Weight of a word no key ever had: as distinctive as a word of one key, for nobody. */
  private unknownIdf = 0;
  private weights = new Float64Array(0);
  private bestWeights = new Float64Array(0);
  private bestTokens: string[] = [];
  private stamp = new Int32Array(0);
  private round = 0;
  private result: VoteResult<K> | null = null;
  private readonly touched: number[] = [];

  /** Votes that share a dictionary can be asked with token ids looked up once for all of them (voteIds). */
  constructor(readonly dictionary: TokenDictionary = new TokenDictionary()) {}

  add(tokens: readonly string[], key: K): void {
    this.frozen = false;
    let k = this.keyIndex.get(key);
    if (k === undefined) {
      k = this.keys.length;
      this.keyIndex.set(key, k);
      this.keys.push(key);
    }
    for (let t = 0; t < tokens.length; t++) {
      const token = tokens[t] as string;
      if (seenBefore(tokens, t)) continue;
      const id = this.dictionary.intern(token);
      const counts = this.votes[id];
      if (counts === undefined) this.votes[id] = { df: 1, keys: [k], counts: [1], posting: null };
      else {
        counts.df++;
        const keys = counts.keys;
        if (keys === null) continue;
        const at = keys.indexOf(k);
        if (at >= 0) counts.counts[at] = (counts.counts[at] as number) + 1;
        else if (keys.length === MAX_FANOUT) counts.keys = null; // shared by too many keys: says nothing
        else {
          keys.push(k);
          counts.counts.push(1);
        }
      }
    }
  }

  vote(tokens: readonly string[]): VoteResult<K> {
    return this.voteIds(this.dictionary.idsOf(tokens), tokens);
  }

  /**
   * vote() with the tokens' ids in this votes' dictionary already looked up (-1: unknown). `distinctive` are the
   * line's words that can name a counterparty (merchantWords): those that no key ever had count in the evidence
   * as pointing at nobody, so that a line made mostly of new words is no one's, whatever else it shares.
   */
  voteIds(ids: ArrayLike<number>, tokens: readonly string[], distinctive: readonly string[] = NO_WORDS): VoteResult<K> {
    if (!this.frozen) this.freeze();
    const votes = this.votes;
    const result = this.result as VoteResult<K>;
    const { weights, bestWeights, bestTokens, stamp, touched } = this;
    const round = ++this.round;
    // Keys voted for are [0, count) of a reused array (setting its length to 0 would drop its storage).
    let count = 0;
    let known = 0;
    for (let t = 0; t < tokens.length; t++) {
      const id = ids[t] as number;
      if (id < 0) continue;
      const posting = votes[id]?.posting;
      if (posting === undefined || posting === null) continue;
      const token = tokens[t] as string;
      known += posting.idf;
      const { keys, weights: ws } = posting;
      for (let j = 0; j < keys.length; j++) {
        const k = keys[j] as number;
        const w = ws[j] as number;
        if (stamp[k] !== round) {
          stamp[k] = round;
          touched[count++] = k;
          weights[k] = w;
          bestWeights[k] = w;
          bestTokens[k] = token;
          continue;
        }
        weights[k] = (weights[k] as number) + w;
        if (w > (bestWeights[k] as number)) {
          bestWeights[k] = w;
          bestTokens[k] = token;
        }
      }
    }
    if (count > 0) {
      for (let k = 0; k < distinctive.length; k++) {
        const word = distinctive[k] as string;
        if (word.length < MIN_UNKNOWN_LENGTH) continue;
        const id = this.dictionary.idOf(word);
        if (id < 0 || votes[id] === undefined) known += this.unknownIdf;
      }
    }
    result.reset(count, known);
    return result;
  }

  private freeze(): void {
    for (const counts of this.votes) {
      if (counts === undefined) continue;
      const { df, keys } = counts;
      if (keys === null) {
        counts.posting = null;
        continue;
      }
      // Rarity among keys (partners, merchants), not among lines: a word of every partner's payments is no one's.
      const idf = Math.log(1 + this.keys.length / keys.length);
      const ws = new Float64Array(keys.length);
      for (let j = 0; j < keys.length; j++) ws[j] = (idf * (counts.counts[j] as number)) / df;
      counts.posting = { idf, keys: Int32Array.from(keys), weights: ws };
    }
    const n = this.keys.length;
    this.unknownIdf = Math.log(1 + n);
    this.weights = new Float64Array(n);
    this.bestWeights = new Float64Array(n);
    this.bestTokens = new Array<string>(n).fill("");
    this.stamp = new Int32Array(n);
    this.round = 0;
    this.result = new VoteResult(this.keys, this.weights, this.bestTokens, this.touched);
    this.frozen = true;
  }
}
