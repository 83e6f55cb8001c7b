// Compares what a reader made of a generated bank file with what the generator put in it; lists every difference.
import { StatementService } from "../../web_src/endpoint/services/statements";
import type { GeneratedFile } from "./bank_dialects";

const service = new StatementService({ validateResponses: true });
const squash = (text: string | undefined): string => (text ?? "").replace(/\s+/g, "");

/** Every difference between the file's truth and what the endpoint's statement service read from its bytes. */
export function dialectDifferences(file: GeneratedFile): string[] {
  let statements;
  try {
    statements = service.parse({ fileName: `generated.${file.kind}`, content: Buffer.from(file.bytes).toString("base64") }).statements;
  } catch (error) {
    return [`refused: ${(error as Error).message}`];
  }
  const out: string[] = [];
  if (file.refused !== undefined) {
    // The broken record must be skipped (Odoo then refuses the whole file) with the reason, and named.
    const skipped = statements[file.refused.statement]?.skipped ?? [];
    const { where, reason } = file.refused;
    const named = skipped.find((r) => (r.where === where || r.where.startsWith(`${where} (`)) && reason.test(r.reason));
    if (named === undefined) out.push(`broken record ${file.refused.where} not refused as ${file.refused.reason}: ${JSON.stringify(skipped)}`);
    return out;
  }
  if (statements.length !== file.statements.length) out.push(`${statements.length} statements read, ${file.statements.length} in the file`);
  file.statements.forEach((want, s) => {
    const got = statements[s];
    if (got === undefined) return;
    const at = `statement ${s + 1}`;
    if (got.skipped.length > 0) out.push(`${at}: skipped ${JSON.stringify(got.skipped.slice(0, 3))}`);
    if (got.account.replace(/\s/g, "") !== want.account) out.push(`${at}: account ${got.account} != ${want.account}`);
    const noCurrencyGiven = got.currency === "" && want.lines.length === 0 && want.openingCents === undefined;
    if (got.currency !== want.currency && !noCurrencyGiven) out.push(`${at}: currency ${got.currency} != ${want.currency}`);
    const cents = (amount: number | undefined): number | undefined => (amount === undefined ? undefined : Math.round(amount * 100));
    if (want.openingCents !== undefined && cents(got.openingBalance?.amount) !== want.openingCents) {
      out.push(`${at}: opening ${got.openingBalance?.amount} != ${want.openingCents / 100}`);
    }
    if (want.closingCents !== undefined && cents(got.closingBalance?.amount) !== want.closingCents) {
      out.push(`${at}: closing ${got.closingBalance?.amount} != ${want.closingCents / 100}`);
    }
    if (got.lines.length !== want.lines.length) out.push(`${at}: ${got.lines.length} lines read, ${want.lines.length} in the file`);
    want.lines.forEach((line, i) => {
      const read = got.lines[i];
      if (read === undefined) return;
      const where = `${at}, line ${i + 1}`;
      if (Math.abs(read.amount * 100 - line.cents) > 1e-6) out.push(`${where}: amount ${read.amount} != ${line.cents / 100}`);
      if (read.currency !== want.currency) out.push(`${where}: currency ${read.currency} != ${want.currency}`);
      if (read.date !== line.date) out.push(`${where}: date ${read.date} != ${line.date}`);
      if (!squash(read.label).includes(squash(line.text))) out.push(`${where}: label "${read.label}" lacks "${line.text}"`);
      if (line.counterpartyName !== undefined && read.counterpartyName !== line.counterpartyName) {
        out.push(`${where}: counterparty "${read.counterpartyName}" != "${line.counterpartyName}"`);
      }
      if (line.counterpartyAccount !== undefined && read.counterpartyAccount !== line.counterpartyAccount) {
        out.push(`${where}: counterparty account ${read.counterpartyAccount} != ${line.counterpartyAccount}`);
      }
      if (line.reference !== undefined && read.reference !== line.reference) out.push(`${where}: reference ${read.reference} != ${line.reference}`);
      if (line.endToEndId !== undefined && read.endToEndId !== line.endToEndId) out.push(`${where}: end-to-end ${read.endToEndId} != ${line.endToEndId}`);
    });
  });
  return out;
}
