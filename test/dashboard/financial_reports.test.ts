// @vitest-environment jsdom
// The financial reports' client action: the three reports with their comparison columns, the narrative with its
// links, a chart per report, drill-down from a figure to its journal items; and the chart's pure geometry.
import { afterEach, describe, expect, it } from "vitest";
import type { FinancialReportView } from "../../web_src/contracts/financial_report_view";
import { FinancialReports } from "../../web_src/dashboard/financial_reports/financial_reports";
import { trendChart } from "../../web_src/dashboard/financial_reports/trend_chart";
import { $, $$, mountWithServices, until, type Mounted } from "./fakes/mount";
import { FakeOrm, makeServices } from "./fakes/services";

let mounted: Mounted | undefined;
afterEach(() => {
  mounted?.destroy();
  mounted = undefined;
  document.body.innerHTML = "";
});

const row = (key: string, label: string, kind: "line" | "section" | "total", current: number, previous: number) => ({
  key, label, kind, values: { current, previous, last_year: 0 }, draft: key === "account_1" ? { current: 50 } : {},
});

function view(): FinancialReportView {
  const trend = Array.from({ length: 12 }, (_, i) => ({
    month: `2025-${String(i + 1).padStart(2, "0")}`, revenue: 1000 + i * 10, expenses: 800, margin: 200 + i * 10, cash: 5000 + i,
  }));
  return {
    id: 7, name: "Financial report 2026-02-01 – 2026-02-28", company: "Acme", currency_id: 1,
    date_from: "2026-02-01", date_to: "2026-02-28", include_draft: false,
    columns: [{ key: "current", label: "This period" }, { key: "previous", label: "Previous period" },
      { key: "last_year", label: "Same period last year" }],
    balance_sheet_columns: [{ key: "current", label: "At 02/28/2026" }, { key: "previous", label: "At 01/31/2026" },
      { key: "last_year", label: "At 02/28/2025" }],
    reports: {
      pnl: [row("account_1", "400000 Sales", "line", 2200, 1000), row("revenue", "Revenue", "section", 2200, 1000),
        row("net_profit", "Net profit", "total", 1800, 600)],
      balance_sheet: [row("cash", "Bank and cash", "section", 5000, 4000)],
      cash_flow: [row("cf_net_change", "Net change in cash", "total", 1000, 0)],
    },
    trend,
    narrative: {
      pnl: [{ text: "Revenue rose 120.0 % (+1,200 €) compared with the previous period.", facts: ["a"], links: [] },
        { text: "Vendor Rapid Travel added +900 €, 30 points of it.", facts: ["b"],
          links: [{ model: "ai.suggestion", id: 91, name: "Unusual amount", kind: "anomaly" }] }],
      balance_sheet: [{ text: "At 28 February 2026, bank and cash was 5,000 €.", facts: [], links: [] }],
      cash_flow: [{ text: "Cash rose by 1,000 €.", facts: [], links: [] }],
    },
    narrative_text: "", narrative_source: "offline", llm_note: "",
  };
}

function reportOrm(): FakeOrm {
  const orm = new FakeOrm([]);
  orm.overrides.set("get_view_data", () => view());
  orm.overrides.set("action_drill_down", (call) => ({
    type: "ir.actions.act_window", res_model: "account.move.line", views: [[false, "list"]],
    domain: [["account_id", "in", [1]]], args: call.args,
  }));
  return orm;
}

describe("financial reports client action", () => {
  it("shows the reports with their columns, the narrative with links, and a chart", async () => {
    const orm = reportOrm();
    mounted = await mountWithServices(FinancialReports, makeServices(orm));
    const m = mounted;
    await until(() => expect($(m.target, ".o_ai_bookkeeping_fr_table").textContent).toContain("400000 Sales"));
    expect($$(m.target, ".o_ai_bookkeeping_fr_table thead th").map((th) => th.textContent)).toEqual(
      ["Line", "This period", "Previous period", "Same period last year"]);
    expect($(m.target, ".o_ai_bookkeeping_fr_narrative").textContent).toContain("Revenue rose 120.0 %");
    expect($$(m.target, ".o_ai_bookkeeping_fr_series")).toHaveLength(3);
    expect($$(m.target, ".o_ai_bookkeeping_fr_table sup")).toHaveLength(1); // the draft mark

    $(m.target, ".o_ai_bookkeeping_fr_link").click();
    await until(() => expect(m.services.action.actions.at(-1)).toMatchObject({ res_model: "ai.suggestion", res_id: 91 }));

    $(m.target, ".o_ai_bookkeeping_fr_tab_balance_sheet").click();
    await until(() => expect($(m.target, ".o_ai_bookkeeping_fr_table").textContent).toContain("Bank and cash"));
    expect($$(m.target, ".o_ai_bookkeeping_fr_table thead th").map((th) => th.textContent)).toEqual(
      ["Line", "At 02/28/2026", "At 01/31/2026", "At 02/28/2025"]);
    expect($$(m.target, ".o_ai_bookkeeping_fr_series")).toHaveLength(1);
  });

  it("drills down from a figure to its journal items", async () => {
    const orm = reportOrm();
    mounted = await mountWithServices(FinancialReports, makeServices(orm));
    const m = mounted;
    await until(() => expect($$(m.target, ".o_ai_bookkeeping_fr_figure").length).toBeGreaterThan(0));
    $(m.target, '.o_ai_bookkeeping_fr_figure[data-row="revenue"][data-column="previous"]').click();
    await until(() => expect(orm.callsTo("action_drill_down")).toHaveLength(1));
    expect(orm.callsTo("action_drill_down")[0]?.args).toEqual([[7], "pnl", "revenue", "previous"]);
    await until(() => expect(m.services.action.actions.at(-1)).toMatchObject({ res_model: "account.move.line" }));
  });

  it("says what went wrong when the server answers another shape", async () => {
    const orm = new FakeOrm([]);
    orm.overrides.set("get_view_data", () => ({ id: 1 }));
    mounted = await mountWithServices(FinancialReports, makeServices(orm));
    const m = mounted;
    await until(() => expect($(m.target, ".o_ai_bookkeeping_fr_error").textContent).toContain("get_view_data"));
  });
});

describe("trendChart", () => {
  it("scales the series into the box with the zero line", () => {
    const points = [
      { month: "2026-01", revenue: 100, expenses: 50, margin: 50, cash: 0 },
      { month: "2026-02", revenue: 0, expenses: 150, margin: -150, cash: 0 },
    ];
    const chart = trendChart(points, ["revenue", "margin"], 100, 50);
    expect(chart.min).toBe(-150);
    expect(chart.max).toBe(100);
    expect(chart.lines[0]).toEqual({ key: "revenue", points: "8,8 92,21.6" });
    expect(chart.lines[1]?.points).toBe("8,14.8 92,42");
    expect(chart.zeroY).toBe(21.6);
    expect(chart.ticks.map((t) => t.label)).toEqual(["01", "02"]);
  });
});
