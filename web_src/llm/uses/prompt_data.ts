// What a prompt may carry about a statement line and an open item: only what helps decide, masked
// (maskPersonalData). Bank account numbers are never sent: the engine has already used them.
import type { OpenItem, StatementLine } from "../../contracts/reconcile";
import { maskPersonalData } from "../mask_personal_data";

export interface LineData {
  date: string;
  amount: number;
  currency: string;
  label: string;
  reference: string;
  counterparty: string;
}

export function lineData(line: StatementLine): LineData {
  return {
    date: line.date,
    amount: line.amount,
    currency: line.currency,
    label: maskPersonalData(line.label),
    reference: maskPersonalData(line.ref),
    counterparty: maskPersonalData(line.partnerName),
  };
}

export interface ItemData {
  number: string;
  reference: string;
  partner: string;
  date: string;
  dueDate: string | null;
  openAmount: number;
  currency: string;
}

export function itemData(item: OpenItem): ItemData {
  return {
    number: maskPersonalData(item.moveName),
    reference: maskPersonalData(item.ref),
    partner: maskPersonalData(item.partnerName),
    date: item.date,
    dueDate: item.dateMaturity,
    openAmount: item.amountResidualCurrency,
    currency: item.currency,
  };
}
