import { AUTO_CONFIDENCE, type LineResult, type MatchType, type Suggestion } from "../../../web_src/contracts/reconcile";
import type { ConfidenceOutcome } from "./reliability";

/**
 * What either generator records as the right answer for a line (scenarios.ts's TruthEntry, books_independent's
 * IndependentTruth). The independent generator also says whether the counterparty is absent from the history and
 * whether the label or reference names the items.
 */
export interface GroundTruth {
  scenario: string;
  candidateIds: readonly number[];
  partnerId: number | null;
  accountId: number | null;
  matchType: MatchType | null;
  absentFromHistory?: boolean;
  referenceIdentifies?: boolean;
}

export interface ScenarioScore {
  lines: number;
  top1: number;
  autoLines: number;
  autoCorrect: number;
}

export interface Evaluation {
  lines: number;
  matchable: number;
  top1Correct: number;
  /** Lines whose rank-1 suggestion has confidence ≥ AUTO_CONFIDENCE, and how many of those are right. */
  autoLines: number;
  autoCorrect: number;
  noMatchLines: number;
  noMatchAuto: number;
  noMatchAbove06: number;
  /** No-match lines with any suggestion at all. */
  noMatchWithSuggestion: number;
  /** Lines whose counterparty is absent from the history (when the truth says), those at the auto grade, and those
   * at the auto grade although the reference does not identify the items. */
  absentLines: number;
  absentAuto: number;
  absentAutoUnreferenced: number;
  byScenario: Map<string, ScenarioScore>;
  /** Every suggestion (all ranks) with whether it was right: input of the reliability table. */
  outcomes: ConfidenceOutcome[];
}

/** Is this suggestion what the truth says the line is? */
export function isCorrect(s: Suggestion, truth: GroundTruth): boolean {
  if (truth.matchType === null) return false;
  if (truth.matchType === "expense") return s.matchType === "expense" && s.accountId === truth.accountId;
  if (s.matchType !== truth.matchType) return false;
  if (truth.matchType === "writeoff" && s.accountId !== truth.accountId) return false;
  const ids = [...s.candidateIds].sort((a, b) => a - b);
  return ids.length === truth.candidateIds.length && ids.every((id, k) => id === truth.candidateIds[k]);
}

/** Score engine results against the generator's truth. */
export function evaluate(results: readonly LineResult[], truth: ReadonlyMap<number, GroundTruth>): Evaluation {
  const ev: Evaluation = {
    lines: 0, matchable: 0, top1Correct: 0, autoLines: 0, autoCorrect: 0, noMatchLines: 0, noMatchAuto: 0,
    noMatchAbove06: 0, noMatchWithSuggestion: 0, absentLines: 0, absentAuto: 0, absentAutoUnreferenced: 0,
    byScenario: new Map(), outcomes: [],
  };
  for (const result of results) {
    const t = truth.get(result.lineId);
    if (t === undefined) continue;
    ev.lines++;
    const score = ev.byScenario.get(t.scenario) ?? { lines: 0, top1: 0, autoLines: 0, autoCorrect: 0 };
    ev.byScenario.set(t.scenario, score);
    score.lines++;
    const top = result.suggestions[0];
    const topRight = top !== undefined && isCorrect(top, t);
    for (const s of result.suggestions) ev.outcomes.push({ confidence: s.confidence, correct: isCorrect(s, t) });
    const auto = top !== undefined && top.confidence >= AUTO_CONFIDENCE;
    if (t.absentFromHistory === true) {
      ev.absentLines++;
      if (auto) ev.absentAuto++;
      if (auto && t.referenceIdentifies !== true) ev.absentAutoUnreferenced++;
    }
    if (t.matchType === null) {
      ev.noMatchLines++;
      if (top !== undefined) ev.noMatchWithSuggestion++;
      if (top !== undefined && top.confidence >= AUTO_CONFIDENCE) ev.noMatchAuto++;
      if (top !== undefined && top.confidence >= 0.6) ev.noMatchAbove06++;
    } else {
      ev.matchable++;
      if (topRight) {
        ev.top1Correct++;
        score.top1++;
      }
    }
    if (top !== undefined && top.confidence >= AUTO_CONFIDENCE) {
      ev.autoLines++;
      score.autoLines++;
      if (topRight) {
        ev.autoCorrect++;
        score.autoCorrect++;
      }
    }
  }
  return ev;
}
