import { Component, onWillStart, useEffect, useExternalListener, useRef, useState } from "@odoo/owl";
import { ConfirmationDialog } from "@web/core/confirmation_dialog/confirmation_dialog";
import { _t } from "../l10n";
import { Pager, type PagerUpdate } from "@web/core/pager/pager";
import {
  useService,
  type ActionService,
  type DialogService,
  type NotificationService,
  type OrmService,
} from "@web/core/utils/hooks";
import {
  BulkOutcomesSchema,
  CandidateChoicesSchema,
  DashboardGroupsSchema,
  DashboardKpisSchema,
  DashboardPageSchema,
  IdNamesSchema,
  NameSearchSchema,
  type BulkOutcome,
  type CandidateChoice,
  type DashboardKpis,
  type DashboardRow,
  type IdName,
} from "../../contracts/dashboard";
import { BulkToolbar, type BulkRun } from "../bulk_toolbar/bulk_toolbar";
import { CandidatePicker } from "../candidate_picker/candidate_picker";
import { FilterBar } from "../filter_bar/filter_bar";
import { formatAmount } from "../format";
import {
  MAX_GROUP_SELECTION,
  groupId,
  groupMemberIds,
  groupSelected,
  toGroupView,
  visibleGroupRows,
  withGroupKey,
  type GroupView,
} from "../grouping";
import { KpiHeader } from "../kpi_header/kpi_header";
import { OtherSuggestions } from "../other_suggestions/other_suggestions";
import { QueueTable } from "../queue_table/queue_table";
import {
  HIGH_CONFIDENCE,
  MEDIUM_CONFIDENCE,
  PAGE_SIZE,
  SELECT_PAGE_SIZE,
  allSelected,
  commandForKey,
  initialFilters,
  moveCursor,
  rowsArgs,
  runInChunks,
  selectAtOrAbove,
  toRpcFilters,
  toggleSelected,
  totalsByCurrency,
  withMinConfidence,
  type FilterState,
  type KeyCommand,
  type SelectedRow,
} from "../queue_state";
import { RejectDialog } from "../reject_dialog/reject_dialog";
import { errorMessage } from "../error_message";
import { RpcShapeError, parseReply } from "../parse_reply";
import { ShortcutHelp } from "../shortcut_help/shortcut_help";

export const MODEL = "ai.reconciliation.suggestion";
const THRESHOLDS = [0.99, HIGH_CONFIDENCE, 0.9, MEDIUM_CONFIDENCE];

type BulkKind = "approve" | "reject" | "rerun";
const BULK_METHODS: Record<BulkKind, string> = { approve: "bulk_approve", reject: "bulk_reject", rerun: "bulk_rerun" };

interface DashboardState {
  rows: DashboardRow[];
  total: number;
  /** The groups when the queue is grouped (filters.groupBy), else null. */
  groups: GroupView[] | null;
  /** Groups the server left out (over its limit of 200). */
  groupsMore: number;
  offset: number;
  limit: number;
  loading: boolean;
  error: string | null;
  kpis: DashboardKpis | null;
  kpiError: string | null;
  filters: FilterState;
  partnerHint: string;
  journals: IdName[];
  cursor: number;
  threshold: number;
  run: BulkRun | null;
  showHelp: boolean;
}

/**
 * The AI review queue (client action `ai_bookkeeping.review_dashboard`): a reviewer pages through pending
 * reconciliation suggestions, approves, corrects or rejects them one by one from the keyboard or in bulk.
 */
export class ReviewDashboard extends Component {
  static override template = "ai_bookkeeping.ReviewDashboard";
  static components = { KpiHeader, FilterBar, BulkToolbar, QueueTable, Pager, ShortcutHelp, OtherSuggestions };
  static override props = ["*"];

  // Services are taken in setup(): useService reads the component's env, which does not exist yet while fields
  // are initialised.
  private orm!: OrmService;
  private action!: ActionService;
  private notification!: NotificationService;
  private dialog!: DialogService;
  private root = useRef("root");

  state = useState<DashboardState>({
    rows: [],
    total: 0,
    groups: null,
    groupsMore: 0,
    offset: 0,
    limit: PAGE_SIZE,
    loading: true,
    error: null,
    kpis: null,
    kpiError: null,
    filters: initialFilters(this.props.action?.context),
    partnerHint: "",
    journals: [],
    cursor: -1,
    threshold: HIGH_CONFIDENCE,
    run: null,
    showHelp: false,
  });
  /** Selected suggestions, kept across pages with what is needed to total them. */
  selection = useState(new Map<number, SelectedRow>());
  /** Failures from this session's actions, by suggestion id, shown on their rows. */
  rowErrors = useState(new Map<number, string>());

  /** Only the answer to the latest dashboard_rows call is shown (filters may change faster than the server). */
  private rowsRequest = 0;
  /** Set when the keyboard moved the cursor: the row then takes the DOM focus. */
  private focusCursor = false;

  override setup(): void {
    this.orm = useService("orm");
    this.action = useService("action");
    this.notification = useService("notification");
    this.dialog = useService("dialog");
    onWillStart(() => {
      // Not awaited: the page shows at once with its loading state, and a failure shows in place.
      void this.loadJournals();
      void this.loadRows();
      void this.loadKpis();
    });
    useExternalListener(window, "keydown", (ev: Event) => {
      if (ev instanceof KeyboardEvent) this.onKeydown(ev);
    });
    useEffect(
      (cursor: number) => {
        if (!this.focusCursor) return;
        this.focusCursor = false;
        const row = this.root.el?.querySelector<HTMLElement>(`.o_ai_bookkeeping_row[data-row-index="${cursor}"]`);
        row?.focus();
      },
      () => [this.state.cursor],
    );
  }

  // ------------------------------------------------------------------------------------------ loading

  describeError(error: unknown): string {
    if (error instanceof RpcShapeError) {
      return _t("The server sent an answer this page does not understand (%s). Is the AI Bookkeeping module up to date?", error.message);
    }
    return errorMessage(error);
  }

  /** The rows the cursor, j/k and "select the page" work on: the page, or the rows of the expanded groups. */
  get visibleRows(): DashboardRow[] {
    return this.state.groups ? visibleGroupRows(this.state.groups) : this.state.rows;
  }

  async loadRows(): Promise<void> {
    if (this.state.filters.groupBy) return this.loadGroups();
    const request = ++this.rowsRequest;
    const filters = toRpcFilters(this.state.filters);
    this.state.groups = null;
    this.state.loading = true;
    try {
      const page = filters
        ? parseReply("dashboard_rows", DashboardPageSchema,
            await this.orm.call(MODEL, "dashboard_rows", rowsArgs(filters, this.state.offset, this.state.limit, this.state.filters.order)),
          )
        : { rows: [], total: 0 };
      if (request !== this.rowsRequest) return;
      this.state.rows = page.rows;
      this.state.total = page.total;
      this.state.error = null;
      this.state.cursor = page.rows.length ? Math.min(Math.max(this.state.cursor, 0), page.rows.length - 1) : -1;
      if (!page.rows.length && page.total > 0 && this.state.offset >= page.total) {
        // The last page emptied (its rows were approved): step back one page.
        this.state.offset = Math.max(0, this.state.offset - this.state.limit);
        await this.loadRows();
      }
    } catch (error) {
      if (request !== this.rowsRequest) return;
      this.state.error = this.describeError(error);
    } finally {
      if (request === this.rowsRequest) this.state.loading = false;
    }
  }

  /** Loads the groups; the groups that were open stay open and reload their rows (as many as were shown). */
  async loadGroups(): Promise<void> {
    const request = ++this.rowsRequest;
    const groupBy = this.state.filters.groupBy;
    const filters = toRpcFilters(this.state.filters);
    this.state.loading = true;
    try {
      const result = filters
        ? parseReply("dashboard_groups", DashboardGroupsSchema, await this.orm.call(MODEL, "dashboard_groups", [filters, groupBy]))
        : { groups: [], more: 0 };
      if (request !== this.rowsRequest) return;
      const previous = new Map((this.state.groups ?? []).map((g) => [g.id, g]));
      this.state.groups = result.groups.map((group) => toGroupView(group, previous.get(groupId(group.key))));
      this.state.groupsMore = result.more;
      this.state.total = result.groups.reduce((sum, g) => sum + g.count, 0);
      this.state.rows = [];
      this.state.error = null;
      const open = this.state.groups.filter((g) => g.expanded);
      await Promise.all(open.map((g) => this.loadGroupRows(g.id, 0, Math.max(PAGE_SIZE, g.rows.length))));
      if (request !== this.rowsRequest) return;
      const length = this.visibleRows.length;
      this.state.cursor = length ? Math.min(Math.max(this.state.cursor, 0), length - 1) : -1;
    } catch (error) {
      if (request !== this.rowsRequest) return;
      this.state.error = this.describeError(error);
    } finally {
      if (request === this.rowsRequest) this.state.loading = false;
    }
  }

  private findGroup(id: string): GroupView | undefined {
    return this.state.groups?.find((g) => g.id === id);
  }

  /** Loads rows of one group: from `offset` (0 replaces what was loaded, more appends). */
  async loadGroupRows(id: string, offset: number, limit = PAGE_SIZE): Promise<void> {
    const filters = toRpcFilters(this.state.filters);
    const group = this.findGroup(id);
    if (!filters || !group) return;
    group.loading = true;
    try {
      const page = parseReply("dashboard_rows", DashboardPageSchema,
        await this.orm.call(MODEL, "dashboard_rows", rowsArgs(withGroupKey(filters, group.group.key), offset, limit, this.state.filters.order)),
      );
      const current = this.findGroup(id); // the groups may have been reloaded meanwhile
      if (!current) return;
      current.rows = offset ? [...current.rows, ...page.rows.filter((r) => !current.rows.some((x) => x.id === r.id))] : page.rows;
      current.total = page.total;
      current.error = null;
    } catch (error) {
      const current = this.findGroup(id);
      if (current) current.error = this.describeError(error);
    } finally {
      const current = this.findGroup(id);
      if (current) current.loading = false;
    }
  }

  /** Opens or closes a group; opening loads its first page of rows. */
  async toggleGroup(id: string): Promise<void> {
    const group = this.findGroup(id);
    if (!group) return;
    group.expanded = !group.expanded;
    const length = this.visibleRows.length;
    this.state.cursor = length ? Math.min(Math.max(this.state.cursor, 0), length - 1) : -1;
    if (group.expanded && !group.rows.length) await this.loadGroupRows(id, 0);
  }

  moreGroupRows(id: string): Promise<void> {
    const group = this.findGroup(id);
    return group ? this.loadGroupRows(id, group.rows.length) : Promise.resolve();
  }

  /**
   * The header checkbox: selects every row of the group (those not loaded are fetched, at most MAX_GROUP_SELECTION),
   * or unselects them when they all are.
   */
  async toggleGroupSelection(id: string): Promise<void> {
    const group = this.findGroup(id);
    const filters = toRpcFilters(this.state.filters);
    if (!group || !filters || this.state.run) return;
    if (groupSelected(this.selection, group)) {
      for (const memberId of groupMemberIds(group) ?? []) this.selection.delete(memberId);
      return;
    }
    if (group.rows.length >= group.total) {
      selectAtOrAbove(this.selection, group.rows, -Infinity);
      group.memberIds = group.rows.map((r) => r.id);
      return;
    }
    const narrowed = withGroupKey(filters, group.group.key);
    const memberIds: number[] = [];
    this.state.run = { label: _t("Selecting"), done: 0, total: Math.min(group.total, MAX_GROUP_SELECTION) };
    try {
      for (let offset = 0; offset < MAX_GROUP_SELECTION; offset += SELECT_PAGE_SIZE) {
        const limit = Math.min(SELECT_PAGE_SIZE, MAX_GROUP_SELECTION - offset);
        const page = parseReply("dashboard_rows", DashboardPageSchema,
          await this.orm.call(MODEL, "dashboard_rows", rowsArgs(narrowed, offset, limit, this.state.filters.order)),
        );
        selectAtOrAbove(this.selection, page.rows, -Infinity);
        memberIds.push(...page.rows.map((r) => r.id));
        this.state.run.total = Math.min(page.total, MAX_GROUP_SELECTION);
        this.state.run.done = memberIds.length;
        if (page.rows.length < limit || offset + limit >= page.total) {
          if (page.total > MAX_GROUP_SELECTION) this.notifyPartialGroup(page.total);
          break;
        }
      }
      const current = this.findGroup(id);
      if (current) current.memberIds = memberIds;
    } catch (error) {
      this.notification.add(this.describeError(error), { title: _t("Could not select every row"), type: "danger" });
    } finally {
      this.state.run = null;
    }
  }

  private notifyPartialGroup(total: number): void {
    this.notification.add(
      _t("The first %(count)s of %(total)s suggestions of this group are selected; approve them, then select the rest.", {
        count: MAX_GROUP_SELECTION,
        total,
      }),
      { type: "warning" },
    );
  }

  async loadKpis(): Promise<void> {
    try {
      this.state.kpis = parseReply("dashboard_kpis", DashboardKpisSchema, await this.orm.call(MODEL, "dashboard_kpis", []));
      this.state.kpiError = null;
    } catch (error) {
      this.state.kpiError = _t("Key figures unavailable: %s", this.describeError(error));
    }
  }

  async loadJournals(): Promise<void> {
    try {
      const journals = await this.orm.searchRead("account.journal", [["type", "in", ["bank", "cash", "credit"]]], ["name"], {
        order: "sequence, name",
      });
      this.state.journals = parseReply("account.journal", IdNamesSchema, journals);
    } catch {
      // The journal filter is a convenience: without it the queue still works, with "All" as the only choice.
      this.state.journals = [];
    }
  }

  reload(): Promise<unknown> {
    return Promise.all([this.loadRows(), this.loadKpis()]);
  }

  // ------------------------------------------------------------------------------------------ filters & paging

  async onFiltersChange(patch: Partial<FilterState>): Promise<void> {
    Object.assign(this.state.filters, patch);
    // Another grouping: the groups (and which were open) start again.
    if (patch.groupBy !== undefined) this.state.groups = null;
    if (patch.partner !== undefined && patch.partnerIds === undefined) {
      await this.resolvePartner(patch.partner);
    } else if (patch.partner !== undefined) {
      this.state.partnerHint = "";
    }
    this.state.offset = 0;
    this.state.cursor = 0;
    // What is selected under other filters is out of sight: never approve rows the reviewer cannot see.
    this.selection.clear();
    await this.loadRows();
  }

  private async resolvePartner(name: string): Promise<void> {
    const term = name.trim();
    this.state.partnerHint = "";
    if (!term) {
      this.state.filters.partnerIds = null;
      return;
    }
    try {
      const partners = parseReply("name_search", NameSearchSchema, await this.orm.call("res.partner", "name_search", [], { name: term, limit: 80 }));
      this.state.filters.partnerIds = partners.map((p) => p.id);
      this.state.partnerHint = partners.length
        ? _t("%s partners match", partners.length)
        : _t("No partner matches “%s”", term);
    } catch (error) {
      this.state.filters.partnerIds = null;
      this.state.partnerHint = _t("Partner filter ignored: %s", this.describeError(error));
    }
  }

  async onPagerUpdate({ offset, limit }: PagerUpdate): Promise<void> {
    this.state.offset = offset;
    this.state.limit = limit;
    this.state.cursor = 0;
    await this.loadRows();
  }

  // ------------------------------------------------------------------------------------------ selection

  get selectionTotals() {
    return totalsByCurrency(this.selection.values());
  }

  totalLabel(): string {
    return this.selectionTotals.map((t) => formatAmount(t.amount, t.currency, t.currencyId)).join(" + ");
  }

  toggleRow(row: DashboardRow): void {
    toggleSelected(this.selection, row);
  }

  togglePage(): void {
    const rows = this.visibleRows;
    if (allSelected(this.selection, rows)) {
      for (const row of rows) this.selection.delete(row.id);
    } else {
      selectAtOrAbove(this.selection, rows, -Infinity);
    }
  }

  onThreshold(threshold: number): void {
    this.state.threshold = threshold;
  }

  /** Selects every row matching the filters at or above the threshold, on this page and on the others. */
  async selectAbove(): Promise<void> {
    const threshold = this.state.threshold;
    const filters = toRpcFilters(this.state.filters);
    if (!filters || this.state.run) return;
    if (this.state.total <= this.state.rows.length) {
      selectAtOrAbove(this.selection, this.state.rows, threshold);
      return;
    }
    const narrowed = withMinConfidence(filters, threshold);
    this.state.run = { label: _t("Selecting"), done: 0, total: 0 };
    try {
      for (let offset = 0; ; offset += SELECT_PAGE_SIZE) {
        const page = parseReply("dashboard_rows", DashboardPageSchema,
          await this.orm.call(MODEL, "dashboard_rows", rowsArgs(narrowed, offset, SELECT_PAGE_SIZE, "confidence desc")),
        );
        selectAtOrAbove(this.selection, page.rows, threshold);
        this.state.run.total = page.total;
        this.state.run.done = Math.min(page.total, offset + page.rows.length);
        if (page.rows.length < SELECT_PAGE_SIZE || offset + SELECT_PAGE_SIZE >= page.total) break;
      }
    } catch (error) {
      this.notification.add(this.describeError(error), { title: _t("Could not select every row"), type: "danger" });
    } finally {
      this.state.run = null;
    }
  }

  clearSelection(): void {
    this.selection.clear();
  }

  // ------------------------------------------------------------------------------------------ actions

  /**
   * Runs a bulk_* method over `ids` in chunks with a progress bar. A row that fails keeps its error on screen and the
   * others go on; then the page and the key figures reload.
   */
  async runBulk(kind: BulkKind, ids: number[], reason: string | null = null): Promise<void> {
    if (this.state.run || !ids.length) return;
    const labels: Record<BulkKind, string> = { approve: _t("Approving"), reject: _t("Rejecting"), rerun: _t("Re-running the AI") };
    this.state.run = { label: labels[kind], done: 0, total: ids.length };
    const method = BULK_METHODS[kind];
    try {
      const result = await runInChunks(
        ids,
        async (chunkIds): Promise<BulkOutcome[]> =>
          parseReply(method, BulkOutcomesSchema, await this.orm.call(MODEL, method, kind === "reject" ? [chunkIds, reason] : [chunkIds])),
        {
          onProgress: ({ done }) => {
            if (this.state.run) this.state.run.done = done;
          },
          describeError: (error) => this.describeError(error),
          missingMessage: _t("The server did not report on this suggestion; reload to see where it stands."),
        },
      );
      for (const id of result.succeeded) {
        this.rowErrors.delete(id);
        if (kind !== "rerun") this.selection.delete(id);
      }
      for (const [id, message] of result.failed) this.rowErrors.set(id, message);
      this.notifyOutcome(kind, result.succeeded.length, result.failed.size);
    } finally {
      this.state.run = null;
    }
    await this.reload();
  }

  private notifyOutcome(kind: BulkKind, ok: number, failed: number): void {
    const done: Record<BulkKind, string> = {
      approve: _t("%s approved", ok),
      reject: _t("%s rejected", ok),
      rerun: _t("%s sent to the AI again", ok),
    };
    if (failed) {
      this.notification.add(_t("%(done)s, %(failed)s failed: see the rows marked in red.", { done: done[kind], failed }), {
        type: "warning",
        sticky: true,
      });
    } else {
      this.notification.add(done[kind], { type: "success" });
    }
  }

  approveRow(row: DashboardRow): Promise<void> {
    return this.runBulk("approve", [row.id]);
  }

  confirmBulkApprove(): void {
    const ids = [...this.selection.keys()];
    if (!ids.length || this.state.run) return;
    this.dialog.add(ConfirmationDialog, {
      title: _t("Approve %s suggestions?", ids.length),
      body: _t("%(count)s bank lines for a total of %(total)s will be reconciled as proposed.", {
        count: ids.length,
        total: this.totalLabel(),
      }),
      confirmLabel: _t("Approve"),
      confirm: () => {
        void this.runBulk("approve", ids);
      },
      cancel: () => {},
    });
  }

  openReject(ids: number[], total: string): void {
    if (!ids.length || this.state.run) return;
    this.dialog.add(RejectDialog, {
      title: ids.length === 1 ? _t("Reject this suggestion?") : _t("Reject %s suggestions?", ids.length),
      body: _t("%(count)s bank lines (%(total)s) stay unreconciled; the AI will learn from the rejection.", {
        count: ids.length,
        total,
      }),
      onConfirm: (reason: string | null) => {
        void this.runBulk("reject", ids, reason);
      },
    });
  }

  rejectRow(row: DashboardRow): void {
    this.openReject([row.id], formatAmount(row.line.amount, row.line.currency, row.line.currencyId));
  }

  rejectSelection(): void {
    this.openReject([...this.selection.keys()], this.totalLabel());
  }

  rerunSelection(): Promise<void> {
    return this.runBulk("rerun", [...this.selection.keys()]);
  }

  editRow(row: DashboardRow): void {
    if (this.state.run) return;
    this.dialog.add(CandidatePicker, {
      title: _t("Another match for “%(label)s” (%(amount)s)", {
        label: row.line.label,
        amount: formatAmount(row.line.amount, row.line.currency, row.line.currencyId),
      }),
      load: async () => parseReply("dashboard_candidates", CandidateChoicesSchema, await this.orm.call(MODEL, "dashboard_candidates", [[row.id]])),
      onChoose: (choice: CandidateChoice) => {
        void this.chooseAndApprove(row, choice);
      },
      describeError: (error: unknown) => this.describeError(error),
    });
  }

  /** Edit before approve: point the suggestion at the reviewer's choice, then approve it like any other. */
  async chooseAndApprove(row: DashboardRow, choice: CandidateChoice): Promise<void> {
    try {
      await this.orm.call(MODEL, "action_choose_candidate", [[row.id], choice.kind, choice.id]);
    } catch (error) {
      this.rowErrors.set(row.id, this.describeError(error));
      this.notification.add(this.describeError(error), { title: _t("The correction was not saved"), type: "danger" });
      return;
    }
    await this.runBulk("approve", [row.id]);
  }

  openRow(row: DashboardRow): void {
    void this.action.doAction({
      type: "ir.actions.act_window",
      res_model: MODEL,
      res_id: row.id,
      views: [[false, "form"]],
      target: "current",
    });
  }

  // ------------------------------------------------------------------------------------------ keyboard

  setCursor(index: number): void {
    this.state.cursor = index;
  }

  get currentRow(): DashboardRow | undefined {
    return this.visibleRows[this.state.cursor];
  }

  onKeydown(ev: KeyboardEvent): void {
    const target = ev.target;
    const root = this.root.el;
    // Keys pressed in a dialog or elsewhere in Odoo are theirs; ours are those on the page itself.
    // A dialog of Odoo's dialog service is open (it marks the body): the keys are the dialog's.
    if (document.body.classList.contains("modal-open")) return;
    const onPage = target === document.body || target === document.documentElement || (target instanceof Node && !!root?.contains(target));
    if (!onPage) return;
    const command = commandForKey({
      key: ev.key,
      ctrlKey: ev.ctrlKey,
      altKey: ev.altKey,
      metaKey: ev.metaKey,
      inEditable: isEditable(target),
    });
    if (!command) return;
    // Enter on a button or link is that control's own click.
    if (command === "open" && (target instanceof HTMLButtonElement || target instanceof HTMLAnchorElement)) return;
    if (this.state.showHelp && command !== "help" && command !== "closeHelp") return;
    if (this.runCommand(command)) ev.preventDefault();
  }

  /** Returns whether the command applied (then the key's default is prevented). */
  runCommand(command: KeyCommand): boolean {
    const row = this.currentRow;
    switch (command) {
      case "help":
        this.state.showHelp = !this.state.showHelp;
        return true;
      case "closeHelp":
        if (!this.state.showHelp) return false;
        this.state.showHelp = false;
        return true;
      case "next":
      case "previous":
        this.focusCursor = true;
        this.state.cursor = moveCursor(this.state.cursor, command === "next" ? 1 : -1, this.visibleRows.length);
        return true;
    }
    if (!row) return false;
    switch (command) {
      case "toggleSelect":
        if (!this.state.run) this.toggleRow(row);
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

  get thresholds(): number[] {
    return THRESHOLDS;
  }

  get countLabel(): string {
    if (this.state.groups) return _t("%(count)s suggestions in %(groups)s groups", { count: this.state.total, groups: this.state.groups.length });
    return _t("%s suggestions", this.state.total);
  }

  toggleHelp(): void {
    this.state.showHelp = !this.state.showHelp;
  }
}

function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !["checkbox", "radio", "button", "submit"].includes(target.type);
}
