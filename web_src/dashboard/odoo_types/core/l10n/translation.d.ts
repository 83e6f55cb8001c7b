// @web/core/l10n/translation (odoo/addons/web/static/src/core/l10n/translation.js)
// `_t` returns the translated string once translations are loaded (always so inside a mounted component; a
// LazyTranslatedString before that — never call it at module top level). Placeholders: `%s` positional values or one
// object for `%(name)s`.
export declare function _t(term: string, ...values: Array<string | number> | [Record<string, string | number>]): string;
