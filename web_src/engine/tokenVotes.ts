/** Tokens shared by more keys than this say nothing about any one of them and are skipped (also bounds work). */
const MAX_FANOUT = 24;

export interface VoteResult<K> {
  /** Key → share of the evidence, 0..1, weighted by how rare each token is. */
  shares: Map<K, number>;
  /** Key → absolute weight (sum of idf × share): how much evidence there is, not only how it splits. */
  weights: Map<K, number>;
  /** Key → the token that contributed most, for the explanation. */
  bestToken: Map<K, string>;
}

/**
 * Token → key votes learned from past outcomes (which partner or account lines with this word ended up with).
 * A lookup is one map access per token plus at most MAX_FANOUT keys each.
 */
export class TokenVotes<K> {
  private readonly votes = new Map<string, Map<K, number>>();
  private readonly df = new Map<string, number>();
  private documents = 0;

  add(tokens: readonly string[], key: K): void {
    this.documents++;
    for (const token of new Set(tokens)) {
      this.df.set(token, (this.df.get(token) ?? 0) + 1);
      let byKey = this.votes.get(token);
      if (byKey === undefined) {
        byKey = new Map();
        this.votes.set(token, byKey);
      }
      byKey.set(key, (byKey.get(key) ?? 0) + 1);
    }
  }

  vote(tokens: readonly string[]): VoteResult<K> {
    const weights = new Map<K, number>();
    const bestToken = new Map<K, string>();
    const bestWeight = new Map<K, number>();
    let known = 0;
    for (const token of tokens) {
      const byKey = this.votes.get(token);
      if (byKey === undefined || byKey.size > MAX_FANOUT) continue;
      const df = this.df.get(token) ?? 1;
      const idf = Math.log(1 + this.documents / df);
      known += idf;
      for (const [key, count] of byKey) {
        const w = (idf * count) / df;
        weights.set(key, (weights.get(key) ?? 0) + w);
        if (w > (bestWeight.get(key) ?? 0)) {
          bestWeight.set(key, w);
          bestToken.set(key, token);
        }
      }
    }
    const shares = new Map<K, number>();
    for (const [key, w] of weights) shares.set(key, known > 0 ? w / known : 0);
    return { shares, weights, bestToken };
  }
}
