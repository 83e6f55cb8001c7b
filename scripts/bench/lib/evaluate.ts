import { AUTO_CONFIDENCE, type LineResult, type Suggestion } from "../../../web_src/contracts/reconcile";
import type { ConfidenceOutcome } from "./reliability";
import type { Scenario, TruthEntry } from "./scenarios";

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
  byScenario: Map<Scenario, ScenarioScore>;
  /** Every suggestion (all ranks) with whether it was right: input of the reliability table. */
  outcomes: ConfidenceOutcome[];
}

/** Is this suggestion what the truth says the line is? */
export function isCorrect(s: Suggestion, truth: TruthEntry): boolean {
  if (truth.matchType === null) return false;
  if (truth.matchType === "expense") return s.matchType === "expense" && s.accountId === truth.accountId;
  if (s.matchType !== truth.matchType) return false;
  if (truth.matchType === "writeoff" && s.accountId !== truth.accountId) return false;
  const ids = [...s.candidateIds].sort((a, b) => a - b);
  return ids.length === truth.candidateIds.length && ids.every((id, k) => id === truth.candidateIds[k]);
}

/** Score engine results against the generator's truth. */
export function evaluate(results: readonly LineResult[], truth: ReadonlyMap<number, TruthEntry>): Evaluation {
  const ev: Evaluation = {
    lines: 0, matchable: 0, top1Correct: 0, autoLines: 0, autoCorrect: 0, noMatchLines: 0, noMatchAuto: 0,
    noMatchAbove06: 0, byScenario: new Map(), outcomes: [],
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
    if (t.matchType === null) {
      ev.noMatchLines++;
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
