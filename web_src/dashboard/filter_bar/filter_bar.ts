import { Component, onWillUnmount } from "@odoo/owl";
import { _t } from "../l10n";
import type { DashboardGroupBy, DashboardLabels, DashboardOrder, IdName } from "../../contracts/dashboard";
import { GROUP_BYS } from "../grouping";
import { clearedFilters, ORDERS, type FilterState } from "../filter_state";


export interface FilterBarProps {
  filters: FilterState;
  journals: IdName[];
  /** Called with the fields that changed; the dashboard reloads from the first page. */
  onChange: (patch: Partial<FilterState>) => void;
  /** Shown under the partner box, e.g. "No partner matches". */
  partnerHint: string;
  /** The server's match types and confidence bands, with their labels: the kind and confidence choices. */
  labels: DashboardLabels;
}

const SEARCH_DELAY_MS = 300;

type TextField = "minAmount" | "maxAmount" | "dateFrom" | "dateTo" | "partner";

/** Kind, journal, confidence band, amount range, partner, dates, free text and sort: one row that wraps on laptops. */
export class FilterBar extends Component<FilterBarProps> {
  static override template = "ai_bookkeeping.FilterBar";
  static override props = {
    filters: Object,
    journals: Array,
    onChange: Function,
    partnerHint: String,
    labels: Object,
  };

  private searchTimer: ReturnType<typeof setTimeout> | undefined;

  override setup(): void {
    onWillUnmount(() => clearTimeout(this.searchTimer));
  }

  get orderOptions(): Array<{ value: DashboardOrder; label: string }> {
    const labels: Record<DashboardOrder, string> = {
      "confidence desc": _t("Most confident first"),
      "confidence asc": _t("Least confident first"),
      "date desc": _t("Newest first"),
      "date asc": _t("Oldest first"),
      "amount desc": _t("Largest amount first"),
      "amount asc": _t("Smallest amount first"),
    };
    return ORDERS.map((value) => ({ value, label: labels[value] }));
  }

  get groupByOptions(): Array<{ value: DashboardGroupBy; label: string }> {
    const labels: Record<DashboardGroupBy, string> = {
      partner: _t("Partner"),
      journal: _t("Journal"),
      kind: _t("Kind"),
      band: _t("Confidence band"),
      month: _t("Month"),
    };
    return GROUP_BYS.map((value) => ({ value, label: labels[value] }));
  }

  onGroupBy(ev: Event): void {
    const value = selectValue(ev);
    this.props.onChange({ groupBy: GROUP_BYS.find((g) => g === value) ?? "" });
  }

  onMatchType(ev: Event): void {
    const value = selectValue(ev);
    const matchType = this.props.labels.matchTypes.find((t) => t.value === value)?.value ?? "";
    this.props.onChange({ matchType });
  }

  onJournal(ev: Event): void {
    const id = Number.parseInt(selectValue(ev), 10);
    this.props.onChange({ journalId: Number.isInteger(id) ? id : null });
  }

  onBand(ev: Event): void {
    const value = selectValue(ev);
    const band = this.props.labels.bands.find((b) => b.value === value)?.value ?? "";
    this.props.onChange({ band });
  }

  onOrder(ev: Event): void {
    const value = selectValue(ev);
    const order = ORDERS.find((o) => o === value);
    if (order) this.props.onChange({ order });
  }

  onText(field: TextField, ev: Event): void {
    const patch: Partial<FilterState> = {};
    patch[field] = inputValue(ev);
    this.props.onChange(patch);
  }

  /** Search as you type, after a short pause; Enter or leaving the box searches at once. */
  onSearchInput(ev: Event): void {
    const value = inputValue(ev);
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => this.commitSearch(value), SEARCH_DELAY_MS);
  }

  onSearchChange(ev: Event): void {
    clearTimeout(this.searchTimer);
    this.commitSearch(inputValue(ev));
  }

  private commitSearch(value: string): void {
    if (value !== this.props.filters.search) this.props.onChange({ search: value });
  }

  onReset(): void {
    clearTimeout(this.searchTimer);
    this.props.onChange(clearedFilters());
  }
}

function selectValue(ev: Event): string {
  return ev.target instanceof HTMLSelectElement ? ev.target.value : "";
}

function inputValue(ev: Event): string {
  return ev.target instanceof HTMLInputElement ? ev.target.value : "";
}
