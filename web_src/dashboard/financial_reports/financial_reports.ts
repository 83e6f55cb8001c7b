import { Component, onWillStart, useState } from "@odoo/owl";
import { useService, type ActionService, type OrmService } from "@web/core/utils/hooks";
import { formatMonetary } from "@web/views/fields/formatters";
import {
  FinancialReportViewSchema,
  REPORT_KEYS,
  ServerActionSchema,
  type FinancialReportView,
  type ReportKey,
  type ReportRow,
  type Sentence,
} from "../../contracts/financial_report_view";
import { errorMessage } from "../error_message";
import { _t } from "../l10n";
import { parseReply } from "../parse_reply";
import { trendChart, type Chart, type SeriesKey } from "./trend_chart";

const MODEL = "ai.financial.report";

interface State {
  loading: boolean;
  error: string | null;
  view: FinancialReportView | null;
  active: ReportKey;
  dateFrom: string;
  dateTo: string;
  includeDraft: boolean;
}

/**
 * Accounting › Reporting › Financial reports (client action `ai_bookkeeping.financial_reports`): profit and loss,
 * balance sheet and cash flow with their comparison columns, each figure opening its journal items, the narrative
 * with links to the findings that explain it, and a 12-month chart per report.
 */
export class FinancialReports extends Component {
  static override template = "ai_bookkeeping.FinancialReports";
  static override props = ["*"];

  state!: State;
  private orm!: OrmService;
  private action!: ActionService;

  override setup(): void {
    this.orm = useService("orm");
    this.action = useService("action");
    this.state = useState<State>({
      loading: true, error: null, view: null, active: "pnl", dateFrom: "", dateTo: "", includeDraft: false,
    });
    onWillStart(() => this.load());
  }

  get tabs(): { key: ReportKey; label: string }[] {
    const labels: Record<ReportKey, string> = {
      pnl: _t("Profit and loss"), balance_sheet: _t("Balance sheet"), cash_flow: _t("Cash flow"),
    };
    return REPORT_KEYS.map((key) => ({ key, label: labels[key] }));
  }

  get rows(): ReportRow[] {
    return this.state.view?.reports[this.state.active] ?? [];
  }

  get columns(): { key: string; label: string }[] {
    const columns = this.state.view?.columns ?? [];
    if (this.state.active === "balance_sheet" && this.state.view?.balance_sheet_columns) {
      return this.state.view.balance_sheet_columns;
    }
    return this.state.active === "pnl" ? columns : columns.filter((c) => c.key !== "budget");
  }

  get sentences(): Sentence[] {
    return this.state.view?.narrative[this.state.active] ?? [];
  }

  get chart(): Chart {
    const series: SeriesKey[] = this.state.active === "pnl" ? ["revenue", "expenses", "margin"] : ["cash"];
    return trendChart(this.state.view?.trend ?? [], series);
  }

  get chartTitle(): string {
    return this.state.active === "pnl" ? _t("Revenue, expenses and margin, 12 months") : _t("Cash balance, 12 months");
  }

  amount(row: ReportRow, column: string): string {
    const value = row.values[column];
    if (value === undefined || !this.state.view) return "";
    return formatMonetary(value, { currencyId: this.state.view.currency_id });
  }

  hasDraft(row: ReportRow, column: string): boolean {
    return (row.draft[column] ?? 0) !== 0;
  }

  async load(reportId?: number): Promise<void> {
    this.state.loading = true;
    this.state.error = null;
    try {
      const options = this.state.dateFrom
        ? { date_from: this.state.dateFrom, date_to: this.state.dateTo || this.state.dateFrom, include_draft: this.state.includeDraft }
        : { include_draft: this.state.includeDraft };
      const reply = await this.orm.call(MODEL, "get_view_data", [], { report_id: reportId ?? null, options });
      const view = parseReply("get_view_data", FinancialReportViewSchema, reply);
      this.state.view = view;
      this.state.dateFrom = view.date_from;
      this.state.dateTo = view.date_to;
      this.state.includeDraft = view.include_draft;
    } catch (error) {
      this.state.error = errorMessage(error);
    } finally {
      this.state.loading = false;
    }
  }

  select(key: ReportKey): void {
    this.state.active = key;
  }

  onDate(which: "dateFrom" | "dateTo", event: Event): void {
    this.state[which] = (event.target as HTMLInputElement).value;
  }

  onDraft(event: Event): void {
    this.state.includeDraft = (event.target as HTMLInputElement).checked;
  }

  async run(method: string, args: unknown[]): Promise<void> {
    const view = this.state.view;
    if (!view) return;
    try {
      const reply = await this.orm.call(MODEL, method, [[view.id], ...args]);
      await this.action.doAction(parseReply(method, ServerActionSchema, reply));
    } catch (error) {
      this.state.error = errorMessage(error);
    }
  }

  drill(row: ReportRow, column: string): void {
    void this.run("action_drill_down", [this.state.active, row.key, column]);
  }

  openLink(model: string, id: number): void {
    void this.action.doAction({ type: "ir.actions.act_window", res_model: model, res_id: id, views: [[false, "form"]] });
  }
}
