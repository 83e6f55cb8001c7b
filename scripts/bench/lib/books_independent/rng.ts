// The independent generator's own random source: sfc32 seeded through splitmix32 (not the first generator's
// mulberry32), so that the two generators never draw the same stream from the same seed.
export interface Draw {
  /** Uniform in [0, 1). */
  float(): number;
  /** Integer in [lo, hi], both included. */
  between(lo: number, hi: number): number;
  yes(p: number): boolean;
  one<T>(list: readonly T[]): T;
  /** One of `list`, weighted by `weights` (same length). */
  weighted<T>(list: readonly T[], weights: readonly number[]): T;
  /** `n` distinct elements of `list` (fewer when the list is shorter), in random order. */
  some<T>(list: readonly T[], n: number): T[];
}

function splitmix32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

export function makeDraw(seed: number): Draw {
  const init = splitmix32(seed);
  let a = init();
  let b = init();
  let c = init();
  let d = init();
  const float = (): number => {
    a >>>= 0; b >>>= 0; c >>>= 0; d >>>= 0;
    const t = (a + b + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = ((c << 21) | (c >>> 11)) >>> 0;
    c = (c + t) >>> 0;
    return t / 4294967296;
  };
  for (let k = 0; k < 12; k++) float();
  const one = <T>(list: readonly T[]): T => {
    if (list.length === 0) throw new RangeError("nothing to choose from");
    return list[Math.floor(float() * list.length)] as T;
  };
  return {
    float,
    between: (lo, hi) => lo + Math.floor(float() * (hi - lo + 1)),
    yes: (p) => float() < p,
    one,
    weighted: <T>(list: readonly T[], weights: readonly number[]): T => {
      const total = weights.reduce((s, w) => s + w, 0);
      let r = float() * total;
      for (let k = 0; k < list.length; k++) {
        r -= weights[k] ?? 0;
        if (r < 0) return list[k] as T;
      }
      return list[list.length - 1] as T;
    },
    some: <T>(list: readonly T[], n: number): T[] => {
      const copy = [...list];
      for (let k = copy.length - 1; k > 0; k--) {
        const j = Math.floor(float() * (k + 1));
        [copy[k], copy[j]] = [copy[j] as T, copy[k] as T];
      }
      return copy.slice(0, n);
    },
  };
}
