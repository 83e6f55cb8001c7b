import type { StatementLine } from "../contracts/reconcile";
import { accountNumberKey } from "./accountNumber";
import { nameWords } from "./nameWords";
import { signalTokensOf } from "./signalTokens";
import { textTokens } from "./textTokens";

const NO_TOKENS: string[] = [];

/** Everything the engine reads from the text of a statement line (or a history entry), computed once. */
export interface LineText {
  /** Normalized tokens of label and bank reference, capped. */
  tokens: string[];
  /** Words that can identify a counterparty or a merchant (see signalTokens). */
  signal: string[];
  /** The bank's counterparty name, folded and without legal form, as one compact key ("" when none). */
  nameKey: string;
  /** The bank's counterparty name in normalized words, for explanations. */
  nameDisplay: string;
  accountKey: string;
}

export function lineText(
  line: Pick<StatementLine, "label" | "ref" | "partnerName" | "accountNumber">,
  withAcronyms = true,
): LineText {
  const toks = textTokens(line.ref === "" ? line.label : `${line.label} ${line.ref}`);
  const nameRaw = line.partnerName === "" ? NO_TOKENS : textTokens(line.partnerName);
  // The first 80 characters of the normalized name (its tokens, at most MAX_TOKENS of them, cover more than that).
  const nameDisplay = nameRaw.length === 0 ? "" : nameRaw.join(" ").slice(0, 80);
  const nameToks = nameRaw.length === 0 ? NO_TOKENS : nameWords(nameRaw);
  const signal = signalTokensOf(nameToks, toks, withAcronyms);
  return {
    tokens: toks,
    signal,
    nameKey: nameToks.length === 0 ? "" : nameToks.join(""),
    nameDisplay,
    accountKey: accountNumberKey(line.accountNumber),
  };
}
