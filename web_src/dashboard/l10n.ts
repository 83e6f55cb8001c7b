// The one import of Odoo's `_t` in the bundle. esbuild merges every module into one scope and would rename a second
// `_t` import to `_t2`, which Odoo's translation extractor (it looks for `_t("…")`) no longer sees. Import `_t` from
// here, never from @web/core/l10n/translation directly.
export { _t } from "@web/core/l10n/translation";
