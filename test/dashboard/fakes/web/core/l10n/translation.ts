// Test double for @web/core/l10n/translation: no translation, Odoo's `%s` / `%(name)s` substitution.
import type * as Real from "@web/core/l10n/translation";

export const _t: typeof Real._t = (term, ...values) => {
  const [first] = values;
  if (values.length === 1 && typeof first === "object" && first !== null) {
    const named = first;
    return term.replace(/%\((\w+)\)s/g, (_m, key: string) => String(named[key] ?? ""));
  }
  let i = 0;
  return term.replace(/%s/g, () => String(values[i++] ?? ""));
};
