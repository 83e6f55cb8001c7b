// Property (issue 10): a merchant that does not appear in history never gets a proposal at the auto grade, however
// its label is shuffled or the merchant renamed — whatever generic words, cities, legal forms, store numbers or
// words of known merchants the label also carries. Seeded, so a failure names its case and replays.
import { describe, expect, it } from "vitest";
import { AUTO_CONFIDENCE, type HistoryEntry, type OpenItem, type StatementLine } from "../../../web_src/contracts/reconcile";
import { suggestReconciliations } from "../../../web_src/engine/reconciliation/suggest_reconciliations";
import { history, item, line, request } from "./factories";

/** mulberry32: a small seeded PRNG, enough for test cases. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const KNOWN_SYLLABLES = ["KA", "RO", "MI", "TE", "LU", "SAN", "BER", "DO", "VI", "NA"];
const UNSEEN_SYLLABLES = ["QUO", "ZYX", "WEP", "YFF", "JOQ", "XAV", "UZZ", "KWY", "FYJ", "OXQ"];
const GENERIC = [
  "CARD", "DD", "SEPA", "DIRECT", "DEBIT", "TRANSFER", "TRF", "STANDING", "ORDER", "FEE", "PAYMENT", "LASTSCHRIFT",
  "KARTENZAHLUNG", "POS", "VISA", "PRLV", "BERLIN", "PARIS", "LONDON", "MUENCHEN", "GMBH", "LTD", "SA", "BV", "AG",
];
const ACCOUNTS = [6300, 6400, 6500, 6600, 6700, 6800];

function word(rnd: () => number, syllables: readonly string[], parts = 2 + Math.floor(rnd() * 2)): string {
  let out = "";
  for (let k = 0; k < parts; k++) out += syllables[Math.floor(rnd() * syllables.length)] as string;
  return out;
}

const pick = <T>(rnd: () => number, list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T;

function shuffled<T>(rnd: () => number, list: readonly T[]): T[] {
  const out = [...list];
  for (let k = out.length - 1; k > 0; k--) {
    const j = Math.floor(rnd() * (k + 1));
    [out[k], out[j]] = [out[j] as T, out[k] as T];
  }
  return out;
}

interface Case {
  history: HistoryEntry[];
  candidates: OpenItem[];
  partners: Array<{ id: number; name: string; bankAccounts: string[] }>;
  known: string[][];
}

function books(rnd: () => number): Case {
  const known: string[][] = [];
  const entries: HistoryEntry[] = [];
  for (let m = 0; m < 12; m++) {
    const words = [word(rnd, KNOWN_SYLLABLES), word(rnd, KNOWN_SYLLABLES)];
    known.push(words);
    const accountId = pick(rnd, ACCOUNTS);
    for (let k = 1 + Math.floor(rnd() * 6); k > 0; k--) {
      const label = `${pick(rnd, GENERIC)} ${words.join(" ")} ${pick(rnd, GENERIC)} ${Math.floor(rnd() * 9999)}`;
      entries.push(history({ label, amount: -(5 + Math.round(rnd() * 50_000) / 100), accountId, taxIds: [], outcome: "coded" }));
    }
  }
  const partners = [];
  const candidates: OpenItem[] = [];
  for (let p = 1; p <= 6; p++) {
    const name = `${word(rnd, KNOWN_SYLLABLES)} ${pick(rnd, ["Energie", "Leasing", "Versicherung", "Telecom"])} GmbH`;
    partners.push({ id: p, name, bankAccounts: [] });
    for (let k = 0; k < 3; k++) {
      entries.push(history({ label: `SEPA DIRECT DEBIT ${pick(rnd, GENERIC)} ${pick(rnd, GENERIC)}`, partnerName: name, amount: -50, partnerId: p }));
    }
    candidates.push(item({ id: 1_000 + p, moveName: `BILL/2026/04/${String(p).padStart(4, "0")}`, amountResidual: -(10 + p * 7.35), partnerId: p }));
  }
  return { history: entries, candidates, partners, known };
}

/** A label for a merchant history never saw: its own name, generic words, maybe a word of a known merchant. */
function unseenLabel(rnd: () => number, c: Case): string[] {
  const parts = [word(rnd, UNSEEN_SYLLABLES)];
  if (rnd() < 0.5) parts.push(word(rnd, UNSEEN_SYLLABLES));
  for (let k = Math.floor(rnd() * 4); k > 0; k--) parts.push(pick(rnd, GENERIC));
  if (rnd() < 0.5) parts.push(pick(rnd, c.known)[1] as string); // a known merchant's second word
  if (rnd() < 0.4) parts.push(String(Math.floor(rnd() * 99_999)));
  return parts;
}

describe("property: merchants absent from history are never at the auto grade", () => {
  it("holds for shuffled and renamed labels over many seeded cases", () => {
    const failures: string[] = [];
    for (let seed = 1; seed <= 60; seed++) {
      const rnd = prng(seed);
      const c = books(rnd);
      const lines: StatementLine[] = [];
      for (let k = 0; k < 12; k++) {
        const parts = unseenLabel(rnd, c);
        // The same line as printed, shuffled, and with the merchant renamed to another unseen name.
        const renamed = [word(rnd, UNSEEN_SYLLABLES), ...parts.slice(1)];
        // Some lines have the amount of an open bill: a coincidence, not evidence.
        const amount = rnd() < 0.3 ? (pick(rnd, c.candidates).amountResidual) : -(1 + Math.round(rnd() * 30_000) / 100);
        for (const label of [parts, shuffled(rnd, parts), renamed, shuffled(rnd, renamed)]) {
          lines.push(line({ amount, label: label.join(" ") }));
        }
      }
      const results = suggestReconciliations(request({ lines, candidates: c.candidates, partners: c.partners, history: c.history }));
      results.forEach((r, k) => {
        const top = r.suggestions[0];
        if (top !== undefined && top.confidence >= AUTO_CONFIDENCE) {
          failures.push(`seed ${seed}: '${(lines[k] as StatementLine).label}' → ${top.matchType} ${top.confidence}: ${top.explanation}`);
        }
      });
    }
    expect(failures).toEqual([]);
  });
});
