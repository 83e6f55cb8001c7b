// The endpoint's first check of an LLM-rephrased narrative: every number in the text must be one of the facts'
// numbers, as displayed (rounded to the decimals printed), and a percent must be a percent fact. Odoo's checker
// (ai_bookkeeping/tools/financial_report_narrative.py, check_narrative) also checks sign, unit and direction and
// has the last word; both run the shared cases in test/vectors/narrative_checks.json.
import type { Fact, NumberLocale } from "../../contracts/reports";

const SPACES = " \u00a0\u202f\u2009";
const MINUS = "-\u2212\u2013";

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\-]/g, "\\$&");
}

function numberPattern(locale: NumberLocale): RegExp {
  const thousands = locale.thousandsSep;
  const sep = thousands === "" ? null : SPACES.includes(thousands) ? `[${SPACES}]` : escape(thousands);
  const integer = sep ? `(?:\\d{1,3}(?:${sep}\\d{3})+|\\d+)` : "\\d+";
  const decimal = escape(locale.decimalPoint || ".");
  return new RegExp(`(?<![\\w${decimal}])([+${escape(MINUS)}]?)(${integer})(?:${decimal}(\\d+))?(?![\\d\\w])`, "gu");
}

/** Labels and names may hold digits (a period's name, "400000 Sales"): blank them before reading numbers. */
function stripKnownTexts(text: string, facts: readonly Fact[]): string {
  const known = facts
    .filter((fact) => (fact.unit === "label" || fact.unit === "name") && typeof fact.value === "string" && fact.value)
    .map((fact) => String(fact.value))
    .sort((a, b) => b.length - a.length);
  let out = text;
  for (const value of known) out = out.split(value).join(" ".repeat(value.length));
  return out;
}

/** The numbers of `text` (as written) that are not among the facts. */
export function unknownNumbers(text: string, facts: readonly Fact[], locale: NumberLocale): string[] {
  const numeric = facts.filter((fact): fact is Fact & { value: number } => typeof fact.value === "number");
  const stripped = stripKnownTexts(text, facts);
  const problems: string[] = [];
  for (const match of stripped.matchAll(numberPattern(locale))) {
    const digits = (match[2] ?? "").replace(/\D/g, "");
    const fraction = match[3] ?? "";
    const value = Number(fraction ? `${digits}.${fraction}` : digits);
    const after = stripped.slice((match.index ?? 0) + match[0].length).replace(/^[\s\u00a0\u202f]+/u, "");
    const percent = after.startsWith("%");
    const tolerance = 0.5 * 10 ** -fraction.length + 1e-9;
    const found = numeric.some(
      (fact) =>
        Math.abs(Math.abs(fact.value) - value) <= tolerance && (percent ? fact.unit === "percent" : fact.unit !== "percent"),
    );
    if (!found) problems.push(`${match[0].trim()}${percent ? " %" : ""} is not among the report's figures`);
  }
  return problems;
}
