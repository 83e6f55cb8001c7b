// Test double for @web/core/l10n/dates: "2026-03-01" is shown as "01/03/2026" (a format the tests can recognise).
import type * as Real from "@web/core/l10n/dates";

class FakeDate implements Real.LuxonDateTime {
  constructor(readonly iso: string) {}
  get isValid(): boolean {
    return /^\d{4}-\d{2}-\d{2}$/.test(this.iso);
  }
  toISODate(): string | null {
    return this.isValid ? this.iso : null;
  }
}

export const deserializeDate: typeof Real.deserializeDate = (value) => new FakeDate(value);

export const formatDate: typeof Real.formatDate = (value) => {
  if (!value) return "";
  const iso = value.toISODate();
  if (!iso) return "Invalid DateTime";
  const [y, m, d] = iso.split("-");
  return `${d}/${m}/${y}`;
};
