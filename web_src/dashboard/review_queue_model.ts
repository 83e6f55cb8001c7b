// The bank-reconciliation review queue without its view: what is shown (rows or groups, key figures, filters,
// selection, cursor, the batch that runs) and every call to Odoo, through the injected `orm` service. The state is
// OWL-reactive, so the view only reads it (useState) and calls these methods; tested without the DOM in
// test/dashboard/review_queue_model.test.ts.
import { markRaw, reactive } from "@odoo/owl";
import type { NotificationService, OrmService } from "@web/core/utils/hooks";
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
  type DashboardFilters,
  type DashboardKpis,
  type DashboardOrder,
  type DashboardRow,
  type IdName,
} from "../contracts/dashboard";
import { errorMessage } from "./error_message";
import { initialFilters, rowsArgs, toRpcFilters, withMinConfidence, type FilterState } from "./filter_state";
import { MAX_GROUP_SELECTION, groupId, groupMemberIds, groupSelected, toGroupView, visibleGroupRows, withGroupKey, type GroupView } from "./grouping";
import { moveCursor } from "./keyboard";
import { _t } from "./l10n";
import { RpcShapeError, parseReply } from "./parse_reply";
import type { ReviewLabels } from "./review_labels";
import { runInChunks, type BatchProgress } from "./run_in_chunks";
import { allSelected, selectAtOrAbove, toggleSelected, totalsByCurrency, type CurrencyTotal, type SelectedRow } from "./selection";

export const MODEL = "ai.reconciliation.suggestion";
export const PAGE_SIZE = 80;
/** Rows per dashboard_rows call when collecting a selection over every page (the server caps pages at 500). */
export const SELECT_PAGE_SIZE = 500;
/** The choices of "select all ≥ X" (a choice of this toolbar, not a confidence band), the second one first. */
export const THRESHOLDS: readonly number[] = [0.99, 0.95, 0.9, 0.8];
const DEFAULT_THRESHOLD = 0.95;

export type BulkKind = "approve" | "reject" | "rerun";
const BULK_METHODS: Record<BulkKind, string> = { approve: "bulk_approve", reject: "bulk_reject", rerun: "bulk_rerun" };

/** The batch in progress: what it does and how far it is. */
export interface BulkRun extends BatchProgress {
  label: string;
}

export interface ReviewQueueState {
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
  /** Index, among the visible rows, of the row the keyboard acts on; -1 for none. */
  cursor: number;
  threshold: number;
  run: BulkRun | null;
}

export interface ReviewQueueServices {
  orm: OrmService;
  notification: NotificationService;
  /** The server's match types and bands (the band filter's limits come from there). */
  labels: ReviewLabels;
}

export class ReviewQueueModel {
  readonly state: ReviewQueueState;
  /** Selected suggestions, kept across pages with what is needed to total them. */
  readonly selection: Map<number, SelectedRow>;
  /** Failures from this session's actions, by suggestion id, shown on their rows. */
  readonly rowErrors: Map<number, string>;

  readonly labels: ReviewLabels;
  private readonly orm: OrmService;
  private readonly notification: NotificationService;
  /** Only the answer to the latest rows/groups call is shown (filters may change faster than the server). */
  private rowsRequest = 0;

  /** `context`: the client action's (e.g. the bank journal dashboard passes `ai_bookkeeping_journal_id`). */
  constructor(services: ReviewQueueServices, context?: unknown) {
    // The view reads the model through useState: services are not state, and must not become reactive proxies.
    this.orm = markRaw(services.orm);
    this.notification = markRaw(services.notification);
    this.labels = services.labels;
    this.state = reactive<ReviewQueueState>({
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
      filters: initialFilters(context),
      partnerHint: "",
      journals: [],
      cursor: -1,
      threshold: DEFAULT_THRESHOLD,
      run: null,
    });
    this.selection = reactive(new Map<number, SelectedRow>());
    this.rowErrors = reactive(new Map<number, string>());
  }

  /** Everything the page shows first; each part shows its own failure in place. */
  load(): Promise<unknown> {
    return Promise.all([this.loadJournals(), this.loadRows(), this.loadKpis()]);
  }

  reload(): Promise<unknown> {
    return Promise.all([this.loadRows(), this.loadKpis()]);
  }

  describeError(error: unknown): string {
    if (error instanceof RpcShapeError) {
      return _t("The server sent an answer this page does not understand (%s). Is the AI Bookkeeping module up to date?", error.message);
    }
    return errorMessage(error);
  }

  // ------------------------------------------------------------------------------------------ rows and groups

  private rpcFilters(): DashboardFilters | null {
    return toRpcFilters(this.state.filters, this.labels.state.bands);
  }

  /** The rows the cursor, j/k and "select the page" work on: the page, or the rows of the expanded groups. */
  get visibleRows(): DashboardRow[] {
    return this.state.groups ? visibleGroupRows(this.state.groups) : this.state.rows;
  }

  get currentRow(): DashboardRow | undefined {
    return this.visibleRows[this.state.cursor];
  }

  private async fetchPage(filters: DashboardFilters, offset: number, limit: number, order: DashboardOrder) {
    return parseReply("dashboard_rows", DashboardPageSchema, await this.orm.call(MODEL, "dashboard_rows", rowsArgs(filters, offset, limit, order)));
  }

  /**
   * Every row matching `filters`, SELECT_PAGE_SIZE at a time, up to `max` rows: one page after the other, until the
   * last one (for selections that span pages).
   */
  private async *allPages(filters: DashboardFilters, order: DashboardOrder, max = Infinity) {
    for (let offset = 0; offset < max; offset += SELECT_PAGE_SIZE) {
      const limit = Math.min(SELECT_PAGE_SIZE, max - offset);
      const page = await this.fetchPage(filters, offset, limit, order);
      yield { ...page, offset };
      if (page.rows.length < limit || offset + limit >= page.total) return;
    }
  }

  private clampCursor(): void {
    const length = this.visibleRows.length;
    this.state.cursor = length ? Math.min(Math.max(this.state.cursor, 0), length - 1) : -1;
  }

  async loadRows(): Promise<void> {
    if (this.state.filters.groupBy) return this.loadGroups();
    const request = ++this.rowsRequest;
    const filters = this.rpcFilters();
    this.state.groups = null;
    this.state.loading = true;
    try {
      const page = filters ? await this.fetchPage(filters, this.state.offset, this.state.limit, this.state.filters.order) : { rows: [], total: 0 };
      if (request !== this.rowsRequest) return;
      this.state.rows = page.rows;
      this.state.total = page.total;
      this.state.error = null;
      this.clampCursor();
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
    const filters = this.rpcFilters();
    this.state.loading = true;
    try {
      const result =
        filters && groupBy
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
      this.clampCursor();
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
    const filters = this.rpcFilters();
    const group = this.findGroup(id);
    if (!filters || !group) return;
    group.loading = true;
    try {
      const page = await this.fetchPage(withGroupKey(filters, group.group.key), offset, limit, this.state.filters.order);
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
    this.clampCursor();
    if (group.expanded && !group.rows.length) await this.loadGroupRows(id, 0);
  }

  moreGroupRows(id: string): Promise<void> {
    const group = this.findGroup(id);
    return group ? this.loadGroupRows(id, group.rows.length) : Promise.resolve();
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

  // ------------------------------------------------------------------------------------------ filters & paging

  async setFilters(patch: Partial<FilterState>): Promise<void> {
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
      this.state.partnerHint = partners.length ? _t("%s partners match", partners.length) : _t("No partner matches “%s”", term);
    } catch (error) {
      this.state.filters.partnerIds = null;
      this.state.partnerHint = _t("Partner filter ignored: %s", this.describeError(error));
    }
  }

  setPage(offset: number, limit: number): Promise<void> {
    this.state.offset = offset;
    this.state.limit = limit;
    this.state.cursor = 0;
    return this.loadRows();
  }

  // ------------------------------------------------------------------------------------------ cursor & selection

  setCursor(index: number): void {
    this.state.cursor = index;
  }

  moveCursor(delta: number): void {
    this.state.cursor = moveCursor(this.state.cursor, delta, this.visibleRows.length);
  }

  get selectionTotals(): CurrencyTotal[] {
    return totalsByCurrency(this.selection.values());
  }

  toggleRow(row: DashboardRow): void {
    if (!this.state.run) toggleSelected(this.selection, row);
  }

  /** The header checkbox: selects the visible rows, or unselects them when they all are. */
  togglePage(): void {
    const rows = this.visibleRows;
    if (allSelected(this.selection, rows)) {
      for (const row of rows) this.selection.delete(row.id);
    } else {
      selectAtOrAbove(this.selection, rows, -Infinity);
    }
  }

  setThreshold(threshold: number): void {
    this.state.threshold = threshold;
  }

  clearSelection(): void {
    this.selection.clear();
  }

  /** Selects every row matching the filters at or above the threshold, on this page and on the others. */
  async selectAbove(): Promise<void> {
    const threshold = this.state.threshold;
    const filters = this.rpcFilters();
    if (!filters || this.state.run) return;
    if (this.state.total <= this.state.rows.length) {
      selectAtOrAbove(this.selection, this.state.rows, threshold);
      return;
    }
    const narrowed = withMinConfidence(filters, threshold);
    this.state.run = { label: _t("Selecting"), done: 0, total: 0 };
    try {
      for await (const page of this.allPages(narrowed, "confidence desc")) {
        selectAtOrAbove(this.selection, page.rows, threshold);
        this.state.run.total = page.total;
        this.state.run.done = Math.min(page.total, page.offset + page.rows.length);
      }
    } catch (error) {
      this.notification.add(this.describeError(error), { title: _t("Could not select every row"), type: "danger" });
    } finally {
      this.state.run = null;
    }
  }

  /**
   * A group's header checkbox: selects every row of the group (those not loaded are fetched, at most
   * MAX_GROUP_SELECTION), or unselects them when they all are.
   */
  async toggleGroupSelection(id: string): Promise<void> {
    const group = this.findGroup(id);
    const filters = this.rpcFilters();
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
      let total = 0;
      for await (const page of this.allPages(narrowed, this.state.filters.order, MAX_GROUP_SELECTION)) {
        selectAtOrAbove(this.selection, page.rows, -Infinity);
        memberIds.push(...page.rows.map((r) => r.id));
        total = page.total;
        this.state.run.total = Math.min(total, MAX_GROUP_SELECTION);
        this.state.run.done = memberIds.length;
      }
      if (total > MAX_GROUP_SELECTION) {
        // Said after the last page, however the loop ended (it stops at MAX_GROUP_SELECTION rows, not at the end).
        this.notification.add(
          _t("The first %(count)s of %(total)s suggestions of this group are selected; approve them, then select the rest.", {
            count: MAX_GROUP_SELECTION,
            total,
          }),
          { type: "warning" },
        );
      }
      const current = this.findGroup(id);
      if (current) current.memberIds = memberIds;
    } catch (error) {
      this.notification.add(this.describeError(error), { title: _t("Could not select every row"), type: "danger" });
    } finally {
      this.state.run = null;
    }
  }

  // ------------------------------------------------------------------------------------------ actions

  /**
   * Runs a bulk_* method over `ids` in chunks with a progress bar. A row that fails keeps its error on screen and the
   * others go on; then the page and the key figures reload.
   */
  async runBulk(kind: BulkKind, ids: readonly number[], reason: string | null = null): Promise<void> {
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

  /** The alternatives for "edit before approve". */
  async loadCandidates(row: DashboardRow): Promise<CandidateChoice[]> {
    return parseReply("dashboard_candidates", CandidateChoicesSchema, await this.orm.call(MODEL, "dashboard_candidates", [[row.id]]));
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

  get countLabel(): string {
    if (this.state.groups) return _t("%(count)s suggestions in %(groups)s groups", { count: this.state.total, groups: this.state.groups.length });
    return _t("%s suggestions", this.state.total);
  }
}
