import { Component, useEffect, useExternalListener, useRef, useState } from "@odoo/owl";
import { ConfirmationDialog } from "@web/core/confirmation_dialog/confirmation_dialog";
import { Pager, type PagerUpdate } from "@web/core/pager/pager";
import { useService, type ActionService, type DialogService } from "@web/core/utils/hooks";
import type { CandidateChoice, DashboardRow } from "../../contracts/dashboard";
import { BulkToolbar } from "../bulk_toolbar/bulk_toolbar";
import { CandidatePicker } from "../candidate_picker/candidate_picker";
import { FilterBar } from "../filter_bar/filter_bar";
import type { FilterState } from "../filter_state";
import { formatAmount } from "../format";
import { commandForKey, type KeyCommand } from "../keyboard";
import { KpiHeader } from "../kpi_header/kpi_header";
import { _t } from "../l10n";
import { QueueTable } from "../queue_table/queue_table";
import { RejectDialog } from "../reject_dialog/reject_dialog";
import { MODEL, THRESHOLDS, type ReviewQueueModel } from "../review_queue_model";
import { ShortcutHelp } from "../shortcut_help/shortcut_help";

export interface ReconciliationPanelProps {
  model: ReviewQueueModel;
}

/**
 * The bank-reconciliation panel of the review page: key figures, filters, bulk actions, the queue and its pager, and
 * the keyboard. A view over ReviewQueueModel (state and calls); what is here is what needs the page: dialogs, the
 * form view, the DOM focus and the keys.
 */
export class ReconciliationPanel extends Component<ReconciliationPanelProps> {
  static override template = "ai_bookkeeping.ReconciliationPanel";
  static components = { KpiHeader, FilterBar, BulkToolbar, QueueTable, Pager, ShortcutHelp };
  static override props = { model: Object };

  model!: ReviewQueueModel;
  ui = useState({ showHelp: false });
  // Services are taken in setup(): useService reads the component's env, which does not exist yet while fields are
  // initialised.
  private action!: ActionService;
  private dialog!: DialogService;
  /** The panel's first element; its parent is the page, where the keys and the rows are. */
  private header = useRef("header");
  /** Set when the keyboard moved the cursor: the row then takes the DOM focus. */
  private focusCursor = false;

  override setup(): void {
    this.model = useState(this.props.model);
    this.action = useService("action");
    this.dialog = useService("dialog");
    useExternalListener(window, "keydown", (ev: Event) => {
      if (ev instanceof KeyboardEvent) this.onKeydown(ev);
    });
    useEffect(
      (cursor: number) => {
        if (!this.focusCursor) return;
        this.focusCursor = false;
        this.page?.querySelector<HTMLElement>(`.o_ai_bookkeeping_row[data-row-index="${cursor}"]`)?.focus();
      },
      () => [this.model.state.cursor],
    );
  }

  private get page(): HTMLElement | null {
    return this.header.el?.parentElement ?? null;
  }

  get thresholds(): readonly number[] {
    return THRESHOLDS;
  }

  onFiltersChange(patch: Partial<FilterState>): Promise<void> {
    return this.model.setFilters(patch);
  }

  onPagerUpdate({ offset, limit }: PagerUpdate): Promise<void> {
    return this.model.setPage(offset, limit);
  }

  totalLabel(): string {
    return this.model.selectionTotals.map((t) => formatAmount(t.amount, t.currency, t.currencyId)).join(" + ");
  }

  // ------------------------------------------------------------------------------------------ actions

  approveRow(row: DashboardRow): Promise<void> {
    return this.model.runBulk("approve", [row.id]);
  }

  confirmBulkApprove(): void {
    const ids = [...this.model.selection.keys()];
    if (!ids.length || this.model.state.run) return;
    this.dialog.add(ConfirmationDialog, {
      title: _t("Approve %s suggestions?", ids.length),
      body: _t("%(count)s bank lines for a total of %(total)s will be reconciled as proposed.", { count: ids.length, total: this.totalLabel() }),
      confirmLabel: _t("Approve"),
      confirm: () => {
        void this.model.runBulk("approve", ids);
      },
      cancel: () => {},
    });
  }

  openReject(ids: number[], total: string): void {
    if (!ids.length || this.model.state.run) return;
    this.dialog.add(RejectDialog, {
      title: ids.length === 1 ? _t("Reject this suggestion?") : _t("Reject %s suggestions?", ids.length),
      body: _t("%(count)s bank lines (%(total)s) stay unreconciled; the AI will learn from the rejection.", { count: ids.length, total }),
      onConfirm: (reason: string | null) => {
        void this.model.runBulk("reject", ids, reason);
      },
    });
  }

  rejectRow(row: DashboardRow): void {
    this.openReject([row.id], formatAmount(row.line.amount, row.line.currency, row.line.currencyId));
  }

  rejectSelection(): void {
    this.openReject([...this.model.selection.keys()], this.totalLabel());
  }

  rerunSelection(): Promise<void> {
    return this.model.runBulk("rerun", [...this.model.selection.keys()]);
  }

  editRow(row: DashboardRow): void {
    if (this.model.state.run) return;
    this.dialog.add(CandidatePicker, {
      title: _t("Another match for “%(label)s” (%(amount)s)", {
        label: row.line.label,
        amount: formatAmount(row.line.amount, row.line.currency, row.line.currencyId),
      }),
      load: () => this.model.loadCandidates(row),
      onChoose: (choice: CandidateChoice) => {
        void this.model.chooseAndApprove(row, choice);
      },
      describeError: (error: unknown) => this.model.describeError(error),
    });
  }

  openRow(row: DashboardRow): void {
    void this.action.doAction({ type: "ir.actions.act_window", res_model: MODEL, res_id: row.id, views: [[false, "form"]], target: "current" });
  }

  toggleHelp(): void {
    this.ui.showHelp = !this.ui.showHelp;
  }

  // ------------------------------------------------------------------------------------------ keyboard

  onKeydown(ev: KeyboardEvent): void {
    const target = ev.target;
    // Keys pressed in a dialog or elsewhere in Odoo are theirs; ours are those on the page itself.
    // A dialog of Odoo's dialog service is open (it marks the body): the keys are the dialog's.
    if (document.body.classList.contains("modal-open")) return;
    const onPage = target === document.body || target === document.documentElement || (target instanceof Node && !!this.page?.contains(target));
    if (!onPage) return;
    const command = commandForKey({ key: ev.key, ctrlKey: ev.ctrlKey, altKey: ev.altKey, metaKey: ev.metaKey, inEditable: isEditable(target) });
    if (!command) return;
    // Enter on a button or link is that control's own click.
    if (command === "open" && (target instanceof HTMLButtonElement || target instanceof HTMLAnchorElement)) return;
    if (this.ui.showHelp && command !== "help" && command !== "closeHelp") return;
    if (this.runCommand(command)) ev.preventDefault();
  }

  /** Returns whether the command applied (then the key's default is prevented). */
  runCommand(command: KeyCommand): boolean {
    const row = this.model.currentRow;
    switch (command) {
      case "help":
        this.toggleHelp();
        return true;
      case "closeHelp":
        if (!this.ui.showHelp) return false;
        this.ui.showHelp = false;
        return true;
      case "next":
      case "previous":
        this.focusCursor = true;
        this.model.moveCursor(command === "next" ? 1 : -1);
        return true;
    }
    if (!row) return false;
    switch (command) {
      case "toggleSelect":
        this.model.toggleRow(row);
        return true;
      case "approve":
        void this.approveRow(row);
        return true;
      case "reject":
        this.rejectRow(row);
        return true;
      case "edit":
        this.editRow(row);
        return true;
      case "open":
        this.openRow(row);
        return true;
    }
  }
}

function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !["checkbox", "radio", "button", "submit"].includes(target.type);
}
