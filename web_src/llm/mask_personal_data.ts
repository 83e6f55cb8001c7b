// Data minimisation for prompts: personal identifiers that never help the LLM decide (IBANs, e-mail addresses,
// phone numbers) are replaced by placeholders before any text leaves for a provider (and before a prompt is logged).
// The rules are the add-on's own (ai_bookkeeping/tools/personal_data_masks.json, also read by tools/minimise.py for
// what leaves Odoo), so both sides mask the same text the same way; test/vectors/personal_data_masks.json is run by
// both test suites.
import maskRules from "../../ai_bookkeeping/tools/personal_data_masks.json";

interface MaskRule {
  readonly pattern: RegExp;
  readonly placeholder: string;
}

const RULES: readonly MaskRule[] = maskRules.rules.map((rule) => ({
  pattern: new RegExp(rule.pattern, `g${rule.flags}`),
  placeholder: rule.placeholder,
}));

/** `text` with IBANs, e-mail addresses and phone numbers replaced by placeholders. Pure; safe on any string. */
export function maskPersonalData(text: string): string {
  return RULES.reduce((masked, rule) => masked.replace(rule.pattern, rule.placeholder), text);
}
