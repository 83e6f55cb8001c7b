/** Money as integer cents, so that equality is exact. */
export function cents(amount: number): number {
  return Math.round(amount * 100);
}
