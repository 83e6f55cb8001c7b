import { fold } from "./fold";
import { normalizeText } from "./normalize_text";
import { BANK_BOILERPLATE, LEGAL_SUFFIXES, MERCHANT_NOISE } from "./vocabulary";

/** Most merchant words read from one text (a label names its merchant in its first few words). */
const MAX_MERCHANT_WORDS = 16;
const LETTERS_ONLY = /^\p{L}+$/u;
/** Wallets printed before the merchant ("Apple Pay EDEKA"): with PAY after them they are how, not who. */
const WALLETS: ReadonlySet<string> = new Set(["APPLE", "GOOGLE", "SAMSUNG", "GARMIN", "FITBIT"]);

/**
 * The words of a normalized, tokenized card or direct-debit text that can name its merchant: folded, letters only
 * (store numbers, dates, card digits and references are never a merchant), without payment-method and bank
 * vocabulary, legal forms, processors (PAYPAL *, SQ *), cities, months or currencies. `VENDOR*Bill` arrives as
 * VENDOR BILL (the asterisk is punctuation) and keeps VENDOR; `descriptors` (asteriskDescriptors) are left out.
 * The first word is the merchant key.
 */
export function merchantWords(toks: readonly string[], descriptors: ReadonlySet<string> = NO_DESCRIPTORS): string[] {
  const out: string[] = [];
  for (let k = 0; k < toks.length && out.length < MAX_MERCHANT_WORDS; k++) {
    const raw = toks[k] as string;
    if (descriptors.has(raw)) continue;
    if (WALLETS.has(raw) && toks[k + 1] === "PAY") continue;
    const word = merchantWordOf(raw);
    if (word !== null && !out.includes(word)) out.push(word);
  }
  return out;
}

/** raw → its merchant word, or null (worked out once per distinct token; cleared when full). */
const merchantWordMemo = new Map<string, string | null>();
const MAX_MEMO = 50_000;

/** What merchantWords keeps of a token whatever its neighbours: its folded form, or null when it names no merchant. */
function merchantWordOf(raw: string): string | null {
  // A digit is no letter: references, amounts and store numbers (most one-off tokens) skip the memo.
  if (raw.length < 2 || hasAsciiDigit(raw)) return null;
  let word = merchantWordMemo.get(raw);
  if (word === undefined) {
    const folded = raw.length < 2 || !LETTERS_ONLY.test(raw) ? null : fold(raw);
    word = folded === null || BANK_BOILERPLATE.has(folded) || LEGAL_SUFFIXES.has(folded) || MERCHANT_NOISE.has(folded)
      || MERCHANT_NOISE.has(raw) ? null : folded;
    if (merchantWordMemo.size >= MAX_MEMO) merchantWordMemo.clear();
    merchantWordMemo.set(raw, word);
  }
  return word;
}

function hasAsciiDigit(tok: string): boolean {
  for (let k = 0; k < tok.length; k++) {
    const c = tok.charCodeAt(k);
    if (c >= 48 && c <= 57) return true;
  }
  return false;
}

const NO_DESCRIPTORS: ReadonlySet<string> = new Set();
const ASTERISK_FORM = /([\p{L}\p{N}.]+)\s*\*\s*([\p{L}\p{N}]+)/gu;

/**
 * The words after an asterisk that describe the purchase rather than the merchant (`GITHUB*SPONSORS`,
 * `ADOBE *CREATIVE CLD`), in normalized form: card schemes print MERCHANT*DESCRIPTOR. After a payment processor
 * (`PAYPAL *GITHUBINC`, `SQ *ROSSO`) the word after the asterisk is the merchant itself and is kept.
 */
export function asteriskDescriptors(text: string): ReadonlySet<string> {
  if (!text.includes("*")) return NO_DESCRIPTORS;
  let found: Set<string> | null = null;
  for (const match of text.matchAll(ASTERISK_FORM)) {
    const head = normalizeText(match[1] as string).split(" ").pop() ?? "";
    if (MERCHANT_NOISE.has(head)) continue;
    const tail = normalizeText(match[2] as string);
    if (tail !== "") (found ??= new Set()).add(tail);
  }
  return found ?? NO_DESCRIPTORS;
}

/**
 * How a merchant word of a line can be another spelling of a known word: the same, cut short by the bank
 * (GITHU for GITHUB, 4+ letters), or a known word with something glued to it (GITHUBINC, STARBUCKSCOFF: the known
 * word 4+ letters). `known` answers whether a word was seen; `startingWith` lists known words beginning with a
 * prefix. Returns the known word, or null.
 */
export function merchantVariant(
  word: string,
  known: (w: string) => boolean,
  startingWith: (prefix: string) => readonly string[],
): string | null {
  if (known(word)) return word;
  if (word.length >= 4) {
    const longer = startingWith(word);
    // A cut word stands for a known word only when it is the start of one (or of few spellings of one).
    if (longer.length >= 1 && longer.length <= 2) return longer[0] as string;
  }
  for (let cut = word.length - 1; cut >= 4; cut--) {
    const head = word.slice(0, cut);
    if (known(head)) return head;
  }
  return null;
}
