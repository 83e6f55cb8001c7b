// Odoo 18's own abnormal-amount check (account.move._compute_abnormal_warnings), the peer of the anomaly bench,
// reimplemented exactly: its SQL ranks the vendor's posted bills dated on or before this one, newest first, and
// keeps the running AVG and STDDEV_SAMP of the last row numbered 10 to 30, i.e. of the most recent min(n, 30)
// bills, silent under 10; the bill is abnormal outside mean ± 2σ.
/** Odoo's rule on one bill: the previous bills of the vendor (newest first, dated on or before it). */
export function odooAbnormalAmount(amount: number, previous: readonly number[]): boolean {
  if (previous.length < 10) return false;
  const window = previous.slice(0, 30);
  const mean = window.reduce((a, b) => a + b, 0) / window.length;
  const variance = window.reduce((a, b) => a + (b - mean) ** 2, 0) / (window.length - 1); // STDDEV_SAMP
  const wiggle = 2 * Math.sqrt(variance);
  return !(mean - wiggle <= amount && amount <= mean + wiggle);
}

