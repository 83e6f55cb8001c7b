// What the dashboard accepts from the server (the zod schemas of web_src/contracts/dashboard.ts read by parseReply),
// and the messages it shows when an older server answers differently.
import { describe, expect, it } from "vitest";
import {
  BulkOutcomesSchema,
  CandidateChoicesSchema,
  DashboardKpisSchema,
  DashboardPageSchema,
  IdNamesSchema,
  NameSearchSchema,
} from "../../web_src/contracts/dashboard";
import { errorMessage } from "../../web_src/dashboard/error_message";
import { RpcShapeError, parseReply } from "../../web_src/dashboard/parse_reply";

const parseDashboardPage = (value: unknown) => parseReply("dashboard_rows", DashboardPageSchema, value);
const parseDashboardKpis = (value: unknown) => parseReply("dashboard_kpis", DashboardKpisSchema, value);
const parseBulkOutcomes = (method: string, value: unknown) => parseReply(method, BulkOutcomesSchema, value);
const parseCandidates = (value: unknown) => parseReply("dashboard_candidates", CandidateChoicesSchema, value);
const parseIdNames = (method: string, value: unknown) => parseReply(method, IdNamesSchema, value);
const parseNameSearch = (value: unknown) => parseReply("name_search", NameSearchSchema, value);

// As ai_reconciliation_dashboard.py's _dashboard_row() builds it (Odoo's JSON turns None into null).
const serverRow = {
  id: 7,
  state: "pending",
  matchType: "full",
  confidence: 0.97,
  rank: 1,
  explanation: "Reference found",
  reasons: ["reference"],
  line: { id: 70, date: "2026-02-01", label: "ACME INV 42", amount: 1200, currency: "EUR", currencyId: 1, journal: "Bank" },
  proposal: { moveNames: ["INV/2026/00042"], partner: "Acme", account: null, writeoffAmount: 0 },
  willPost: "400000 INV/2026/00042 1,200.00 €",
  error: null,
};

describe("parseDashboardPage", () => {
  it("accepts the server's page", () => {
    expect(parseDashboardPage({ rows: [serverRow], total: 1 })).toEqual({ rows: [serverRow], total: 1 });
  });

  it("accepts a row without currencyId (older server) and Odoo's false for empty texts", () => {
    const { currencyId: _drop, ...line } = serverRow.line;
    const page = parseDashboardPage({ rows: [{ ...serverRow, line: { ...line, label: false }, explanation: false }], total: 1 });
    expect(page.rows[0]!.line).toEqual({ ...line, label: "" });
    expect("currencyId" in page.rows[0]!.line).toBe(false);
    expect(page.rows[0]!.explanation).toBe("");
  });

  it("names the method and the path of what is wrong", () => {
    const bad = { rows: [serverRow, { ...serverRow, line: { ...serverRow.line, amount: "12" } }], total: 2 };
    expect(() => parseDashboardPage(bad)).toThrow(new RpcShapeError("dashboard_rows", "rows[1].line.amount", "a number"));
    expect(() => parseDashboardPage({ rows: [{ ...serverRow, state: "draft" }], total: 1 })).toThrow(/rows\[0\]\.state should be one of pending/);
    expect(() => parseDashboardPage([serverRow])).toThrow("dashboard_rows: result should be an object");
    expect(() => parseDashboardPage({ rows: [], total: 1.5 })).toThrow("dashboard_rows: total should be an integer");
  });
});

describe("other answers", () => {
  it("parses the KPIs, with null rate and date", () => {
    const kpis = { pending: 3, appliedToday: 2, appliedTodayAuto: 1, appliedTodayReviewed: 1, acceptanceRate30d: null, oldestPendingDate: null, minutesSaved: 3 };
    expect(parseDashboardKpis(kpis)).toEqual(kpis);
    expect(() => parseDashboardKpis({ ...kpis, pending: undefined })).toThrow("dashboard_kpis: pending should be an integer");
  });

  it("parses bulk outcomes, candidates, journals and name_search", () => {
    expect(parseBulkOutcomes("bulk_approve", [{ id: 1, ok: false, state: "pending", error: "paid" }])).toEqual([
      { id: 1, ok: false, state: "pending", error: "paid" },
    ]);
    expect(() => parseBulkOutcomes("bulk_reject", [{ id: 1, ok: "yes", state: "pending", error: null }])).toThrow("bulk_reject: [0].ok should be true or false");
    expect(parseCandidates([{ kind: "account", id: 6, label: "626000 Bank fees" }])).toEqual([{ kind: "account", id: 6, label: "626000 Bank fees" }]);
    expect(() => parseCandidates({})).toThrow("dashboard_candidates: result should be a list");
    expect(parseIdNames("account.journal", [{ id: 1, name: "Bank", type: "bank" }])).toEqual([{ id: 1, name: "Bank" }]);
    expect(parseNameSearch([[3, "Acme"]])).toEqual([{ id: 3, name: "Acme" }]);
    expect(() => parseNameSearch([["3", "Acme"]])).toThrow("name_search: [0][0] should be an integer");
  });
});

describe("errorMessage", () => {
  it("prefers the server's sentence of an Odoo RPCError", () => {
    expect(errorMessage(Object.assign(new Error("RPC_ERROR"), { data: { message: "Only pending suggestions can be edited." } }))).toBe(
      "Only pending suggestions can be edited.",
    );
    expect(errorMessage(new Error("Connection lost"))).toBe("Connection lost");
    expect(errorMessage("boom")).toBe("boom");
    expect(errorMessage(null)).toBe("null");
  });
});
