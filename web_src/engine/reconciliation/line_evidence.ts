// What one statement line says about every partner it points at (PartnerResolver.resolveLine), and the partners
// known to it only from history.
import type { LearnedSource } from "./history_index";
import type { LineText } from "./line_text";
import { finishEvidence, LEARNED, PartnerEvidence } from "./partner_evidence";

/** Partners known to a line only from history, in the order first learned, with their strongest lesson. */
export class LearnedOnly {
  size = 0;
  /** Entries [0, shared) came from name and account shares; later ones (word votes) are distinct partners. */
  shared = Number.MAX_SAFE_INTEGER;
  readonly ids: number[] = [];
  readonly strengths: number[] = [];
  readonly sources: LearnedSource[] = [];
  readonly tokens: string[] = [];

  /** Forgets the last line's partners; the arrays keep their storage ([0, size) is what counts). */
  clear(): void {
    this.size = 0;
    this.shared = Number.MAX_SAFE_INTEGER;
  }

  keep(id: number, strength: number, source: LearnedSource, token: string): void {
    const known = this.indexOf(id, Math.min(this.size, this.shared));
    if (known < 0) {
      if (strength <= 0) return;
      const at = this.size++;
      this.ids[at] = id;
      this.strengths[at] = strength;
      this.sources[at] = source;
      this.tokens[at] = token;
    } else if (strength > (this.strengths[known] as number)) {
      this.strengths[known] = strength;
      this.sources[known] = source;
      this.tokens[known] = token;
    }
  }

  indexOf(id: number, end = this.size): number {
    for (let k = 0; k < end; k++) if (this.ids[k] === id) return k;
    return -1;
  }
}

/**
 * What one line says about every partner it points at, in the order found: the partners with a clue of their
 * own, then those known only from history, then those only rejected. The history-only ones become evidence when
 * asked for.
 */
export class LineEvidence {
  constructor(
    private readonly clues: Map<number, PartnerEvidence>,
    private readonly learned: LearnedOnly,
    private readonly rejections: ReadonlyMap<number, number>,
    private readonly text: LineText,
  ) {}

  get(id: number): PartnerEvidence | undefined {
    const ev = this.clues.get(id);
    if (ev !== undefined) return ev;
    const k = this.learned.indexOf(id);
    if (k >= 0) return this.learnedEvidence(k);
    const r = this.rejections.size === 0 ? 0 : (this.rejections.get(id) ?? 0);
    return r > 0.2 ? this.rejectedEvidence(id, r) : undefined;
  }

  /** Partners scored at least `minScore`, in the order found. */
  scoredAtLeast(minScore: number): Array<[number, PartnerEvidence]> {
    const found: Array<[number, PartnerEvidence]> = [];
    for (const entry of this.clues) if (entry[1].score >= minScore) found.push(entry);
    const { learned, rejections } = this;
    for (let k = 0; k < learned.size; k++) {
      const id = learned.ids[k] as number;
      const r = rejections.size === 0 ? 0 : (rejections.get(id) ?? 0);
      // The score finishEvidence() gives, without making the evidence.
      if ((1 - (1 - Math.min(learned.strengths[k] as number, 0.99))) * (1 - 0.9 * r) >= minScore) found.push([id, this.learnedEvidence(k)]);
    }
    if (minScore <= 0) for (const [id, ev] of this.rejectedOnly()) found.push([id, ev]);
    return found;
  }

  /** Every partner with its evidence, in the order found (what PartnerResolver.resolve returns). */
  toMap(): Map<number, PartnerEvidence> {
    const all = new Map(this.clues);
    for (let k = 0; k < this.learned.size; k++) all.set(this.learned.ids[k] as number, this.learnedEvidence(k));
    for (const [id, ev] of this.rejectedOnly()) all.set(id, ev);
    return all;
  }

  private learnedEvidence(k: number): PartnerEvidence {
    const { learned, rejections } = this;
    const id = learned.ids[k] as number;
    const ev = new PartnerEvidence(id, this.text);
    ev.learned = learned.strengths[k] as number;
    ev.learnedSource = learned.sources[k] as LearnedSource;
    ev.learnedToken = learned.tokens[k] as string;
    ev.clues = LEARNED;
    finishEvidence(ev, rejections.size === 0 ? 0 : (rejections.get(id) ?? 0));
    return ev;
  }

  private rejectedEvidence(id: number, r: number): PartnerEvidence {
    const ev = new PartnerEvidence(id, this.text);
    ev.rejected = r;
    return ev;
  }

  private rejectedOnly(): Array<[number, PartnerEvidence]> {
    const found: Array<[number, PartnerEvidence]> = [];
    if (this.rejections.size === 0) return found;
    for (const [id, r] of this.rejections) {
      if (r > 0.2 && !this.clues.has(id) && this.learned.indexOf(id) < 0) found.push([id, this.rejectedEvidence(id, r)]);
    }
    return found;
  }
}
