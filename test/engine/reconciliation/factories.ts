// Test data builders for the engine: a request from a few lines, items, partners and history entries.
import {
  SuggestRequestSchema, type HistoryEntry, type OpenItem, type StatementLine, type SuggestRequest, type SuggestRequestInput,
} from "../../../web_src/contracts/reconcile";

let nextId = 1;

export function line(fields: Partial<StatementLine> & { amount: number }): StatementLine {
  return {
    id: nextId++, date: "2026-04-10", currency: "EUR", amountCompany: fields.amount, label: "", ref: "", partnerName: "",
    accountNumber: "", partnerId: null, ...fields,
  };
}

export function item(fields: Partial<OpenItem> & { id: number; amountResidual: number; partnerId: number | null }): OpenItem {
  return {
    moveId: fields.id + 10_000, moveName: `INV/2026/${String(fields.id).padStart(5, "0")}`, ref: "", partnerName: "",
    date: "2026-03-01", dateMaturity: null, amountResidualCurrency: fields.amountResidual, currency: "EUR",
    accountType: fields.amountResidual >= 0 ? "asset_receivable" : "liability_payable", ...fields,
  };
}

export function history(fields: Partial<HistoryEntry> & { label: string }): HistoryEntry {
  return {
    partnerName: "", accountNumber: "", amount: 100, date: "2026-01-15", partnerId: null, accountId: null, taxIds: [],
    outcome: "reconciled", rejectedPartnerId: null, rejectedAccountId: null, ...fields,
  };
}

/** A request validated by the contract schema, with settings defaults and a bank fee account. */
export function request(input: Omit<SuggestRequestInput, "companyId" | "companyCurrency"> & { companyCurrency?: string }): SuggestRequest {
  return SuggestRequestSchema.parse({
    companyId: 1, companyCurrency: "EUR", ...input,
    settings: { bankFeeAccountId: 1201, ...(input.settings ?? {}) },
  });
}
