// The LLM's tokens and cost in the dashboard's key figures (ai.llm.usage → dashboard_kpis → KpiHeader).
import { describe, expect, it } from "vitest";
import { DashboardKpisSchema, type DashboardKpis } from "../../web_src/contracts/dashboard";
import { KpiHeader } from "../../web_src/dashboard/kpi_header/kpi_header";
import { parseReply } from "../../web_src/dashboard/parse_reply";

const parseDashboardKpis = (value: unknown): DashboardKpis => parseReply("dashboard_kpis", DashboardKpisSchema, value);

const base: DashboardKpis = {
  pending: 3, appliedToday: 2, appliedTodayAuto: 1, appliedTodayReviewed: 1, acceptanceRate30d: null,
  oldestPendingDate: null, minutesSaved: 3,
};

describe("LLM key figures", () => {
  it("are read when the server sends them and optional for older servers", () => {
    expect(parseDashboardKpis({ ...base, llmTokensMonth: 12_345, llmCostMonth: 0.0185 })).toEqual({
      ...base, llmTokensMonth: 12_345, llmCostMonth: 0.0185,
    });
    expect(parseDashboardKpis(base)).toEqual(base);
    expect(() => parseDashboardKpis({ ...base, llmTokensMonth: "many" })).toThrow(/llmTokensMonth should be an integer/);
  });

  it("show tokens and cost once the model has been used, nothing otherwise", () => {
    const items = KpiHeader.prototype.llmItems({ ...base, llmTokensMonth: 12_345, llmCostMonth: 0.0185 });
    expect(items).toHaveLength(1);
    expect(items[0]?.key).toBe("llm");
    expect(items[0]?.value).toMatch(/12.?345 tokens/);
    expect(items[0]?.detail).toMatch(/0[.,]02 USD/);
    expect(KpiHeader.prototype.llmItems(base)).toEqual([]);
    expect(KpiHeader.prototype.llmItems({ ...base, llmTokensMonth: 0, llmCostMonth: 0 })).toEqual([]);
  });
});
