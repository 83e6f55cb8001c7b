import type { StatementLine } from "../contracts/reconcile";
import { accountNumberKey } from "./accountNumber";
import { nameWords } from "./nameWords";
import { normalizeText } from "./normalize";
import { signalTokens } from "./signalTokens";
import { tokens } from "./tokens";

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
  const toks = tokens(normalizeText(line.ref === "" ? line.label : `${line.label} ${line.ref}`));
  const normalizedName = normalizeText(line.partnerName);
  const nameDisplay = normalizedName.slice(0, 80);
  const nameToks = line.partnerName === "" ? [] : nameWords(tokens(normalizedName));
  const signal = signalTokens(nameToks.length > 0 ? [...nameToks, ...toks] : toks, withAcronyms);
  return {
    tokens: toks,
    signal,
    nameKey: nameToks.join(""),
    nameDisplay,
    accountKey: accountNumberKey(line.accountNumber),
  };
}
