// Checks what the Odoo side returned before the dashboard uses it. The server is trusted, but it may run an older
// version of the add-on: a missing or mistyped field must end in a visible message, not in a crash deep in a template.
// Plain TypeScript, no OWL, no DOM (tested in test/dashboard/rpc_shapes.test.ts). Hand-written rather than zod to keep
// the browser bundle small and free of code Odoo's regex-based asset transpiler could trip on.
import type {
  BulkOutcome,
  CandidateChoice,
  DashboardFilters,
  DashboardGroup,
  DashboardGroups,
  DashboardKpis,
  DashboardPage,
  DashboardRow,
  MatchType,
  OtherSuggestionPage,
  SuggestionState,
} from "../contracts/dashboard";

/** The server answered, but not in the shape of the contract (web_src/contracts/dashboard.ts). */
export class RpcShapeError extends Error {
  override name = "RpcShapeError";
  constructor(
    readonly method: string,
    readonly path: string,
    readonly expected: string,
  ) {
    super(`${method}: ${path || "result"} should be ${expected}`);
  }
}

const STATES: readonly SuggestionState[] = ["pending", "approved", "applied", "rejected", "reverted", "failed"];
const MATCH_TYPES: readonly MatchType[] = ["full", "partial", "multi", "writeoff", "expense"];

type Obj = Record<string, unknown>;

class Reader {
  constructor(readonly method: string) {}

  fail(path: string, expected: string): never {
    throw new RpcShapeError(this.method, path, expected);
  }
  obj(value: unknown, path: string): Obj {
    return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Obj) : this.fail(path, "an object");
  }
  arr(value: unknown, path: string): unknown[] {
    return Array.isArray(value) ? value : this.fail(path, "a list");
  }
  num(value: unknown, path: string): number {
    return typeof value === "number" && Number.isFinite(value) ? value : this.fail(path, "a number");
  }
  int(value: unknown, path: string): number {
    return Number.isInteger(value) ? (value as number) : this.fail(path, "an integer");
  }
  str(value: unknown, path: string): string {
    return typeof value === "string" ? value : this.fail(path, "a string");
  }
  bool(value: unknown, path: string): boolean {
    return typeof value === "boolean" ? value : this.fail(path, "true or false");
  }
  strOrNull(value: unknown, path: string): string | null {
    return value === null || value === undefined || value === false ? null : this.str(value, path);
  }
  numOrNull(value: unknown, path: string): number | null {
    return value === null || value === undefined || value === false ? null : this.num(value, path);
  }
  oneOf<T extends string>(value: unknown, allowed: readonly T[], path: string): T {
    return typeof value === "string" && (allowed as readonly string[]).includes(value)
      ? (value as T)
      : this.fail(path, `one of ${allowed.join(", ")}`);
  }
}

function readRow(r: Reader, value: unknown, path: string): DashboardRow {
  const o = r.obj(value, path);
  const line = r.obj(o.line, `${path}.line`);
  const proposal = r.obj(o.proposal, `${path}.proposal`);
  const currencyId = line.currencyId === undefined || line.currencyId === false ? undefined : r.int(line.currencyId, `${path}.line.currencyId`);
  return {
    id: r.int(o.id, `${path}.id`),
    state: r.oneOf(o.state, STATES, `${path}.state`),
    matchType: r.oneOf(o.matchType, MATCH_TYPES, `${path}.matchType`),
    confidence: r.num(o.confidence, `${path}.confidence`),
    rank: r.int(o.rank, `${path}.rank`),
    explanation: r.strOrNull(o.explanation, `${path}.explanation`) ?? "",
    reasons: r.arr(o.reasons ?? [], `${path}.reasons`).map((s, i) => r.str(s, `${path}.reasons[${i}]`)),
    line: {
      id: r.int(line.id, `${path}.line.id`),
      date: r.str(line.date, `${path}.line.date`),
      label: r.strOrNull(line.label, `${path}.line.label`) ?? "",
      amount: r.num(line.amount, `${path}.line.amount`),
      currency: r.str(line.currency, `${path}.line.currency`),
      ...(currencyId === undefined ? {} : { currencyId }),
      journal: r.strOrNull(line.journal, `${path}.line.journal`) ?? "",
    },
    proposal: {
      moveNames: r.arr(proposal.moveNames ?? [], `${path}.proposal.moveNames`).map((s, i) => r.str(s, `${path}.proposal.moveNames[${i}]`)),
      partner: r.strOrNull(proposal.partner, `${path}.proposal.partner`),
      account: r.strOrNull(proposal.account, `${path}.proposal.account`),
      writeoffAmount: r.numOrNull(proposal.writeoffAmount, `${path}.proposal.writeoffAmount`) ?? 0,
    },
    willPost: r.strOrNull(o.willPost, `${path}.willPost`) ?? "",
    error: r.strOrNull(o.error, `${path}.error`),
  };
}

/** `dashboard_rows` → DashboardPage */
export function parseDashboardPage(value: unknown): DashboardPage {
  const r = new Reader("dashboard_rows");
  const o = r.obj(value, "");
  const rows = r.arr(o.rows, "rows").map((row, i) => readRow(r, row, `rows[${i}]`));
  return { rows, total: r.int(o.total, "total") };
}

const NUMBER_LIST_KEYS = ["journalIds", "partnerIds"] as const;
const NUMBER_KEYS = ["minConfidence", "maxConfidence", "minAmount", "maxAmount"] as const;
const DATE_KEYS = ["dateFrom", "dateTo"] as const;

/** A group's key: only the filters the dashboard knows, each with its type; anything else is an error. */
function readGroupKey(r: Reader, value: unknown, path: string): DashboardFilters {
  const o = r.obj(value, path);
  const key: DashboardFilters = {};
  for (const name of Object.keys(o)) {
    const at = `${path}.${name}`;
    if ((NUMBER_LIST_KEYS as readonly string[]).includes(name)) {
      key[name as (typeof NUMBER_LIST_KEYS)[number]] = r.arr(o[name], at).map((v, i) => r.int(v, `${at}[${i}]`));
    } else if ((NUMBER_KEYS as readonly string[]).includes(name)) {
      key[name as (typeof NUMBER_KEYS)[number]] = r.num(o[name], at);
    } else if ((DATE_KEYS as readonly string[]).includes(name)) {
      key[name as (typeof DATE_KEYS)[number]] = r.str(o[name], at);
    } else if (name === "matchTypes") {
      key.matchTypes = r.arr(o[name], at).map((v, i) => r.oneOf(v, MATCH_TYPES, `${at}[${i}]`));
    } else {
      r.fail(at, "a known filter");
    }
  }
  return key;
}

function readGroup(r: Reader, value: unknown, path: string): DashboardGroup {
  const o = r.obj(value, path);
  return {
    key: readGroupKey(r, o.key, `${path}.key`),
    label: r.strOrNull(o.label, `${path}.label`) ?? "",
    count: r.int(o.count, `${path}.count`),
    totals: r.arr(o.totals, `${path}.totals`).map((item, i) => {
      const t = r.obj(item, `${path}.totals[${i}]`);
      const currencyId = t.currencyId === undefined || t.currencyId === false ? undefined : r.int(t.currencyId, `${path}.totals[${i}].currencyId`);
      return {
        currency: r.str(t.currency, `${path}.totals[${i}].currency`),
        ...(currencyId === undefined ? {} : { currencyId }),
        amount: r.num(t.amount, `${path}.totals[${i}].amount`),
      };
    }),
    meanConfidence: r.num(o.meanConfidence, `${path}.meanConfidence`),
    minConfidence: r.num(o.minConfidence, `${path}.minConfidence`),
  };
}

/** `dashboard_groups` → DashboardGroups */
export function parseDashboardGroups(value: unknown): DashboardGroups {
  const r = new Reader("dashboard_groups");
  const o = r.obj(value, "");
  return {
    groups: r.arr(o.groups, "groups").map((group, i) => readGroup(r, group, `groups[${i}]`)),
    more: r.int(o.more ?? 0, "more"),
  };
}

/** `ai.suggestion.dashboard_other_rows` → OtherSuggestionPage */
export function parseOtherSuggestionPage(value: unknown): OtherSuggestionPage {
  const r = new Reader("dashboard_other_rows");
  const o = r.obj(value, "");
  const rows = r.arr(o.rows, "rows").map((item, i) => {
    const row = r.obj(item, `rows[${i}]`);
    return {
      id: r.int(row.id, `rows[${i}].id`),
      kind: r.str(row.kind, `rows[${i}].kind`),
      kindLabel: r.strOrNull(row.kindLabel, `rows[${i}].kindLabel`) ?? "",
      name: r.strOrNull(row.name, `rows[${i}].name`) ?? "",
      confidence: r.num(row.confidence, `rows[${i}].confidence`),
      explanation: r.strOrNull(row.explanation, `rows[${i}].explanation`) ?? "",
      target: r.strOrNull(row.target, `rows[${i}].target`),
      error: r.strOrNull(row.error, `rows[${i}].error`),
    };
  });
  return { rows, total: r.int(o.total, "total") };
}

/** `dashboard_kpis` → DashboardKpis */
export function parseDashboardKpis(value: unknown): DashboardKpis {
  const r = new Reader("dashboard_kpis");
  const o = r.obj(value, "");
  return {
    pending: r.int(o.pending, "pending"),
    appliedToday: r.int(o.appliedToday, "appliedToday"),
    appliedTodayAuto: r.int(o.appliedTodayAuto, "appliedTodayAuto"),
    appliedTodayReviewed: r.int(o.appliedTodayReviewed, "appliedTodayReviewed"),
    acceptanceRate30d: r.numOrNull(o.acceptanceRate30d, "acceptanceRate30d"),
    oldestPendingDate: r.strOrNull(o.oldestPendingDate, "oldestPendingDate"),
    minutesSaved: r.num(o.minutesSaved, "minutesSaved"),
    ...(o.llmTokensMonth === undefined ? {} : { llmTokensMonth: r.int(o.llmTokensMonth, "llmTokensMonth") }),
    ...(o.llmCostMonth === undefined ? {} : { llmCostMonth: r.num(o.llmCostMonth, "llmCostMonth") }),
  };
}

/** `bulk_approve` / `bulk_reject` / `bulk_rerun` → BulkOutcome[] */
export function parseBulkOutcomes(method: string, value: unknown): BulkOutcome[] {
  const r = new Reader(method);
  return r.arr(value, "").map((item, i) => {
    const o = r.obj(item, `[${i}]`);
    return {
      id: r.int(o.id, `[${i}].id`),
      ok: r.bool(o.ok, `[${i}].ok`),
      state: r.oneOf(o.state, STATES, `[${i}].state`),
      error: r.strOrNull(o.error, `[${i}].error`),
    };
  });
}

/** `dashboard_candidates` → CandidateChoice[] */
export function parseCandidates(value: unknown): CandidateChoice[] {
  const r = new Reader("dashboard_candidates");
  return r.arr(value, "").map((item, i) => {
    const o = r.obj(item, `[${i}]`);
    return {
      kind: r.oneOf(o.kind, ["item", "account"] as const, `[${i}].kind`),
      id: r.int(o.id, `[${i}].id`),
      label: r.str(o.label, `[${i}].label`),
    };
  });
}

export interface IdName {
  id: number;
  name: string;
}

/** `searchRead(model, domain, ["name"])` → [{id, name}] */
export function parseIdNames(method: string, value: unknown): IdName[] {
  const r = new Reader(method);
  return r.arr(value, "").map((item, i) => {
    const o = r.obj(item, `[${i}]`);
    return { id: r.int(o.id, `[${i}].id`), name: r.strOrNull(o.name, `[${i}].name`) ?? "" };
  });
}

/** `name_search` → [[id, display name]] */
export function parseNameSearch(value: unknown): IdName[] {
  const r = new Reader("name_search");
  return r.arr(value, "").map((item, i) => {
    const pair = r.arr(item, `[${i}]`);
    return { id: r.int(pair[0], `[${i}][0]`), name: r.str(pair[1], `[${i}][1]`) };
  });
}

/**
 * The message to show for a failed call. Odoo's RPCError carries the server's sentence in `data.message` (a
 * UserError: "Only pending suggestions can be edited."); a ConnectionLostError or anything else has `message`.
 */
export function errorMessage(error: unknown): string {
  if (typeof error === "object" && error !== null) {
    const data = (error as { data?: unknown }).data;
    if (typeof data === "object" && data !== null) {
      const message = (data as { message?: unknown }).message;
      if (typeof message === "string" && message) return message;
    }
    const message = (error as { message?: unknown }).message;
    if (typeof message === "string" && message) return message;
  }
  return typeof error === "string" && error ? error : String(error);
}
