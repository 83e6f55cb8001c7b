import type { StatementLine } from "../../contracts/reconcile";
import { accountNumberKey } from "../shared/account_number_key";
import { asteriskDescriptors, merchantWords } from "../shared/merchant_words";
import { nameWords } from "../shared/name_words";
import { signalTokensOf } from "../shared/signal_tokens";
import { textTokens } from "../shared/text_tokens";

const NO_TOKENS: string[] = [];
const NO_DESCRIPTORS: ReadonlySet<string> = new Set();
const MT940_SUBFIELD = /\?\d\d/g;

/** Everything the engine reads from the text of a statement line (or a history entry), computed once. */
export class LineText {
  private display: string | null = null;
  private merchantList: string[] | null = null;

  constructor(
    /** Normalized tokens of label and bank reference, capped. */
    readonly tokens: string[],
    /** Words that can identify a counterparty or a merchant (see signalTokens). */
    readonly signal: string[],
    /** The bank's counterparty name, folded and without legal form, as one compact key ("" when none). */
    readonly nameKey: string,
    /** The bank's counterparty name as normalized tokens. */
    private readonly nameTokens: readonly string[],
    readonly accountKey: string,
    /** Words after an asterisk that describe the purchase, not the merchant (asteriskDescriptors). */
    private readonly descriptors: ReadonlySet<string> = NO_DESCRIPTORS,
  ) {}

  /**
   * The bank's counterparty name in normalized words, its first 80 characters (the tokens, at most MAX_TOKENS of
   * them, cover more than that), for explanations: worded only when an explanation quotes it.
   */
  /** The words that can name a card or direct-debit merchant (merchantWords of name and label), worked out once. */
  get merchant(): string[] {
    return (this.merchantList ??= merchantWords(
      this.nameTokens.length === 0 ? this.tokens : [...this.nameTokens, ...this.tokens], this.descriptors,
    ));
  }

  get nameDisplay(): string {
    return (this.display ??= this.nameTokens.length === 0 ? "" : this.nameTokens.join(" ").slice(0, 80));
  }
}

export function lineText(
  line: Pick<StatementLine, "label" | "ref" | "partnerName" | "accountNumber">,
  withAcronyms = true,
): LineText {
  // MT940 :86: subfield tags (?20, ?21 …) glue to the words they precede: 106?00KARTENZAHLUNG?20THALYS.
  const label = line.label.includes("?") ? line.label.replace(MT940_SUBFIELD, " ") : line.label;
  const toks = textTokens(line.ref === "" ? label : `${label} ${line.ref}`);
  const nameRaw = line.partnerName === "" ? NO_TOKENS : textTokens(line.partnerName);
  const nameToks = nameRaw.length === 0 ? NO_TOKENS : nameWords(nameRaw);
  return new LineText(
    toks,
    signalTokensOf(nameToks, toks, withAcronyms),
    nameToks.length === 0 ? "" : nameToks.join(""),
    nameRaw,
    line.accountNumber === "" ? "" : accountNumberKey(line.accountNumber),
    asteriskDescriptors(label),
  );
}
