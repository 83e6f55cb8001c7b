import { describe, expect, it } from "vitest";
import { HistoryIndex } from "../../../web_src/engine/reconciliation/history_index";
import { lineText } from "../../../web_src/engine/reconciliation/line_text";
import { PartnerResolver } from "../../../web_src/engine/reconciliation/partner_resolver";
import { history } from "./factories";

const partners = [
  { id: 1, name: "Müller Maschinenbau Vertriebsgesellschaft mbH", bankAccounts: ["DE89 3704 0044 0532 0130 00"] },
  { id: 2, name: "Müller Logistik GmbH", bankAccounts: [] },
  { id: 3, name: "Acme Trading Ltd", bankAccounts: [] },
];
const text = (fields: { label?: string; partnerName?: string; accountNumber?: string }) =>
  lineText({ label: fields.label ?? "", ref: "", partnerName: fields.partnerName ?? "", accountNumber: fields.accountNumber ?? "" });

describe("PartnerResolver", () => {
  const resolver = new PartnerResolver(partners, new HistoryIndex([]));
  const best = (t: ReturnType<typeof text>, partnerId: number | null = null) =>
    [...resolver.resolve({ partnerId }, t)].sort((a, b) => b[1].score - a[1].score)[0];

  it("resolves a truncated, transliterated, upper-case name", () => {
    const found = best(text({ partnerName: "MUELLER MASCHINENBAU VERTRIEBSGES" }));
    expect(found?.[0]).toBe(1);
    expect(found?.[1].score).toBeGreaterThan(0.85);
  });

  it("resolves from the counterparty account number, whatever its spacing", () => {
    expect(best(text({ accountNumber: "de89370400440532013000" }))?.[0]).toBe(1);
  });

  it("resolves a name inside the label, without legal form", () => {
    const found = best(text({ label: "VIR SEPA RECU /DE ACME TRADING /MOTIF PAYMENT" }));
    expect(found?.[0]).toBe(3);
    expect(found?.[1].score).toBeGreaterThan(0.8);
  });

  it("does not resolve a shared surname alone with confidence", () => {
    const scores = resolver.resolve({ partnerId: null }, text({ label: "MULLER" }));
    for (const ev of scores.values()) expect(ev.score).toBeLessThan(0.5);
  });

  it("counts a name word the bank cut to four or more characters, not shorter", () => {
    const score = (label: string): number => resolver.resolve({ partnerId: null }, text({ label })).get(3)?.score ?? 0;
    expect(score("ACME TRADING")).toBeGreaterThan(score("ACME TRADI"));
    expect(score("ACME TRADI")).toBe(score("ACME TRAD"));
    expect(score("ACME TRAD")).toBeGreaterThan(score("ACME TRA"));
    expect(score("ACME TRADX")).toBe(score("ACME TRA"));
  });

  it("words its reasons from the clues only when asked", () => {
    const found = resolver.resolve({ partnerId: 3 }, text({ label: "ACME TRADING", accountNumber: "DE89370400440532013000" }));
    const name = (id: number): string => `partner ${id}`;
    expect(found.get(3)?.reasons(name)).toEqual(["partner set on the line", "label names partner 'partner 3'"]);
    expect(found.get(1)?.reasons(name)).toEqual(["account DE89370400440532013000 belongs to 'partner 1'"]);
  });

  it("keeps history-only partners as numbers until asked, with the same evidence", () => {
    const learned = new PartnerResolver(partners, new HistoryIndex([
      history({ label: "ZAHLUNG MUELLER", partnerName: "ZENTRALKASSE NORD", partnerId: 3 }),
      history({ label: "ZAHLUNG MUELLER", partnerId: 7 }),
      history({ label: "MUELLER LOGISTIK", partnerId: 2 }),
      ...Array.from({ length: 3 }, () => history({ label: "ZAHLUNG MUELLER LOGISTIK", outcome: "rejected", rejectedPartnerId: 9 })),
      history({ label: "MUELLER", outcome: "rejected", rejectedPartnerId: 7 }),
    ]));
    const line = text({ label: "ZAHLUNG MUELLER LOGISTIK", partnerName: "Zentralkasse Nord" });
    const all = learned.resolve({ partnerId: null }, line);
    const lazy = learned.resolveLine({ partnerId: null }, line);
    // A name clue (2), history only (3 by name, 7 by words), rejected only (9).
    expect([...all.keys()]).toEqual([2, 3, 7, 9]);
    expect(all.get(9)?.score).toBe(0);
    expect(all.get(9)?.rejected).toBeGreaterThan(0.2);
    for (const id of [1, 2, 3, 7, 9, 42]) expect(lazy.get(id), `partner ${id}`).toEqual(all.get(id));
    expect(lazy.scoredAtLeast(0.5)).toEqual([...all].filter(([, ev]) => ev.score >= 0.5));
    expect(lazy.scoredAtLeast(0)).toEqual([...all]);
  });

  it("learns aliases from reconciled history and demotes rejected partners", () => {
    const learned = new PartnerResolver(partners, new HistoryIndex([
      history({ label: "ZAHLUNG", partnerName: "ZENTRALKASSE NORD", partnerId: 3 }),
      history({ label: "ZAHLUNG", partnerName: "ZENTRALKASSE NORD", partnerId: 3 }),
      history({ label: "ACME TRADING", outcome: "rejected", rejectedPartnerId: 3 }),
    ]));
    const alias = [...learned.resolve({ partnerId: null }, text({ partnerName: "Zentralkasse Nord" }))];
    expect(alias[0]?.[0]).toBe(3);
    expect(learned.resolve({ partnerId: null }, text({ label: "ACME TRADING" })).get(3)?.score ?? 0).toBeLessThan(0.5);
  });
});
