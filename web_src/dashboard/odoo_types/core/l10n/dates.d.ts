// @web/core/l10n/dates (odoo/addons/web/static/src/core/l10n/dates.js). Values are luxon DateTime objects; we only
// pass them from deserializeDate to formatDate, so they stay opaque here.
export interface LuxonDateTime {
  readonly isValid: boolean;
  toISODate(): string | null;
}

/** "2026-03-01" -> DateTime (invalid DateTime on a malformed string, no throw). */
export declare function deserializeDate(value: string): LuxonDateTime;
/** DateTime -> the user's date format, e.g. "03/01/2026"; "" for a falsy value. */
export declare function formatDate(value: LuxonDateTime | false | null, options?: { format?: string; condensed?: boolean }): string;
