// What one statement line says about one partner: the clues found (flags), the lessons from history, the
// rejections, and the score they add up to (see PartnerResolver).
import { learnedReason, type LearnedSource } from "./history_index";
import type { LineText } from "./line_text";

/** Why a partner is suspected, as flags: the reasons are only worded for the proposals that are shown. */
export const BY_LINE = 1;
export const BY_ACCOUNT = 2;
export const BY_NAME = 4;
export const LABEL_NAMES = 8;
export const LABEL_PARTLY_NAMES = 16;
export const LEARNED = 32;
export const REJECTED = 64;

/**
 * What one line says about one partner. The clues are gathered as numbers and flags; `reasons` words them, in
 * the order the clues are weighed (the line, the account, the name, the label, history, rejections).
 */
export class PartnerEvidence {
  /** 0..1: how sure we are the line is from/to this partner, rejections already applied. */
  score = 0;
  /** 0..1: how strongly people rejected this partner for similar lines. */
  rejected = 0;
  /** Chance that every clue so far is wrong (while resolving). */
  miss = 1;
  /** Strongest lesson from history (0 = none), its source (see HistoryIndex) and the label word it came from. */
  learned = 0;
  learnedSource: LearnedSource = 0;
  learnedToken = "";
  clues = 0;

  constructor(readonly partnerId: number, private readonly text: LineText) {}

  reasons(partnerName: (partnerId: number) => string): string[] {
    const out: string[] = [];
    const { clues, text } = this;
    if (clues === 0) return out;
    const name = partnerName(this.partnerId);
    if ((clues & BY_LINE) !== 0) out.push("partner set on the line");
    if ((clues & BY_ACCOUNT) !== 0) out.push(`account ${text.accountKey} belongs to '${name}'`);
    if ((clues & BY_NAME) !== 0) out.push(`'${text.nameDisplay}' ≈ partner '${name}'`);
    if ((clues & LABEL_NAMES) !== 0) out.push(`label names partner '${name}'`);
    if ((clues & LABEL_PARTLY_NAMES) !== 0) out.push(`label partly names partner '${name}'`);
    if ((clues & LEARNED) !== 0) out.push(learnedReason(this.learnedSource, this.learnedToken, text));
    if ((clues & REJECTED) !== 0) out.push(`a suggestion for '${name}' was rejected for a similar line`);
    return out;
  }
}

/** Applies the lesson from history (the last factor of the miss) and the rejections: the final score. */
export function finishEvidence(ev: PartnerEvidence, rejected: number): void {
  if (ev.learned > 0) ev.miss *= 1 - Math.min(ev.learned, 0.99);
  if (rejected > 0.2) ev.clues |= REJECTED;
  ev.score = (1 - ev.miss) * (1 - 0.9 * rejected);
  ev.rejected = rejected;
}
