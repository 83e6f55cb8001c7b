/** An IBAN or account number as compared: letters and digits only, upper case ("de89 3704-0044" → "DE893704 0044" → "DE8937040044"). */
export function accountNumberKey(raw: string): string {
  return raw.replace(/[^0-9A-Za-z]/g, "").toUpperCase();
}
