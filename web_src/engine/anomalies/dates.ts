/** Calendar arithmetic on ISO dates (YYYY-MM-DD) and local date-times, in whole days, free of time zones. */

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of an ISO date (or the date part of a local date-time). */
export function dayNumber(isoDate: string): number {
  const year = Number(isoDate.slice(0, 4));
  const month = Number(isoDate.slice(5, 7));
  const day = Number(isoDate.slice(8, 10));
  return Math.round(Date.UTC(year, month - 1, day) / DAY_MS);
}

export function monthOf(isoDate: string): number {
  return Number(isoDate.slice(5, 7));
}

export function yearOf(isoDate: string): number {
  return Number(isoDate.slice(0, 4));
}

/** 0 Sunday … 6 Saturday. */
export function weekdayOf(isoDate: string): number {
  return (dayNumber(isoDate) + 4) % 7;
}

/** Hour 0..23 of a local date-time "YYYY-MM-DDTHH:MM[:SS]". */
export function hourOf(localDateTime: string): number {
  return Number(localDateTime.slice(11, 13));
}
