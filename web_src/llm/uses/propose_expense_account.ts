// Use 2: propose an account for an outgoing payment the engine could not explain (no invoice, nothing in the
// history). The LLM chooses among the accounts the request carries (only expense-like ones are offered) by id; an
// id that was not offered is discarded by `readAccountAnswer`.
import { z } from "zod";
import type { Account, StatementLine } from "../../contracts/reconcile";
import type { StructuredTask } from "../structured_caller";
import { lineData } from "./prompt_data";

export const AccountAnswerSchema = z.object({
  /** One of the offered account ids, or null when none fits. */
  accountId: z.number().int().nullable(),
  explanation: z.string(),
});
export type AccountAnswer = z.infer<typeof AccountAnswerSchema>;

/** Account types that can book a payment which settles no invoice. Receivables, payables and bank/cash are not. */
const NOT_FOR_EXPENSES = new Set(["asset_receivable", "liability_payable", "asset_cash", "liability_credit_card", "off_balance"]);
/** Most accounts put in one prompt: the chart's expense accounts, not the whole ledger. */
export const MAX_ACCOUNTS_IN_PROMPT = 150;

export function expenseAccounts(accounts: readonly Account[]): Account[] {
  return accounts.filter((account) => !NOT_FOR_EXPENSES.has(account.accountType)).slice(0, MAX_ACCOUNTS_IN_PROMPT);
}

const INSTRUCTIONS = [
  "You help an accountant book an outgoing bank payment that settles no invoice (a fee, a subscription, a purchase).",
  'Choose the most fitting account for it from the accounts in the data, answering with its "id", or null when none',
  "fits or the line is too vague. You may only answer with one of the given ids or null.",
  'Explain your choice in one short sentence (at most 25 words) in the field "explanation".',
].join(" ");

export function accountTask(line: StatementLine, accounts: readonly Account[]): StructuredTask<AccountAnswer> {
  return {
    name: "propose_expense_account",
    instructions: INSTRUCTIONS,
    schema: AccountAnswerSchema,
    data: {
      statementLine: lineData(line),
      accounts: accounts.map((account) => ({ id: account.id, code: account.code, name: account.name, type: account.accountType })),
    },
  };
}

/** The chosen account, null for "none", or undefined when the answer names an account that was not offered. */
export function readAccountAnswer(answer: AccountAnswer, offered: readonly Account[]): Account | null | undefined {
  if (answer.accountId === null) return null;
  return offered.find((account) => account.id === answer.accountId);
}
