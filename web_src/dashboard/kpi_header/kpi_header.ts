import { Component } from "@odoo/owl";
import { _t } from "../l10n";
import type { DashboardKpis } from "../../contracts/dashboard";
import { formatFloat } from "@web/views/fields/formatters";
import { formatRate, formatServerDate } from "../format";

export interface KpiHeaderProps {
  kpis: DashboardKpis | null;
  error: string | null;
}

interface Kpi {
  key: string;
  label: string;
  value: string;
  detail: string;
}

/** The numbers a reviewer checks first: what is waiting, what went through today, how much the AI is trusted. */
export class KpiHeader extends Component<KpiHeaderProps> {
  static override template = "ai_bookkeeping.KpiHeader";
  static override props = {
    kpis: { type: [Object, { value: null }] },
    error: { type: [String, { value: null }] },
  };

  get items(): Kpi[] {
    const k = this.props.kpis;
    if (!k) return [];
    const hours = Math.floor(k.minutesSaved / 60);
    const minutes = Math.round(k.minutesSaved % 60);
    return [
      { key: "pending", label: _t("Pending"), value: String(k.pending), detail: "" },
      {
        key: "applied",
        label: _t("Applied today"),
        value: String(k.appliedToday),
        detail: _t("%(auto)s automatic, %(reviewed)s reviewed", { auto: k.appliedTodayAuto, reviewed: k.appliedTodayReviewed }),
      },
      {
        key: "acceptance",
        label: _t("Accepted (30 days)"),
        value: k.acceptanceRate30d === null ? "—" : formatRate(k.acceptanceRate30d),
        detail: k.acceptanceRate30d === null ? _t("Nothing decided yet") : "",
      },
      {
        key: "oldest",
        label: _t("Oldest pending"),
        value: k.oldestPendingDate ? formatServerDate(k.oldestPendingDate) : "—",
        detail: "",
      },
      {
        key: "saved",
        label: _t("Time saved (30 days)"),
        value: hours ? _t("%(hours)s h %(minutes)s min", { hours, minutes }) : _t("%(minutes)s min", { minutes }),
        detail: _t("estimated"),
      },
      ...this.llmItems(k),
    ];
  }

  /** Language model tokens and cost this month: shown once the LLM has been used (absent or 0: offline only). */
  llmItems(k: DashboardKpis): Kpi[] {
    if (!k.llmTokensMonth) return [];
    return [
      {
        key: "llm",
        label: _t("Language model (this month)"),
        value: _t("%(tokens)s tokens", { tokens: formatFloat(k.llmTokensMonth, { digits: [69, 0] }) }),
        detail: _t("â %(cost)s USD", { cost: formatFloat(k.llmCostMonth ?? 0, { digits: [69, 2] }) }),
      },
    ];
  }
}
