// One PDF may hold several bills (a vendor's monthly batch, a scanner's stack). A page starts a new bill when it
// shows another invoice number than the bill being read, or says it is page 1 of several; pages without a number
// (continuations, terms and conditions) stay with the bill before them.
import type { ExtractedBill } from "../../contracts/bills";
import { extractBill, type ExtractOptions } from "./extract_bill";
import type { Page } from "./layout";

const FIRST_PAGE_MARK = /\b(?:page|seite|pagina|blad)\s*1\s*(?:\/|of|von|sur|de|van)\s*\d+\b/i;

export function splitPages(pages: readonly Page[], options: ExtractOptions): Page[][] {
  const groups: Page[][] = [];
  let currentNumber: string | null = null;
  for (const page of pages) {
    const alone = extractBill([page], options);
    const number = alone.fields.invoiceNumber !== null && alone.fields.invoiceNumber.confidence >= 0.6 ? alone.fields.invoiceNumber.value : null;
    const text = page.lines.map((l) => l.text).join("\n");
    const last = groups[groups.length - 1];
    const newBill =
      last === undefined ||
      (number !== null && currentNumber !== null && number !== currentNumber) ||
      (number !== null && currentNumber === null && FIRST_PAGE_MARK.test(text) && last.length > 0 && hasHeader(alone));
    if (newBill) {
      groups.push([page]);
      currentNumber = number;
    } else {
      last.push(page);
      if (currentNumber === null) currentNumber = number;
    }
  }
  return groups;
}

function hasHeader(bill: ExtractedBill): boolean {
  return bill.fields.invoiceDate !== null && bill.fields.total !== null;
}

/** Every bill in the pages, each read from its own pages. */
export function extractBills(pages: readonly Page[], options: ExtractOptions): ExtractedBill[] {
  if (pages.length <= 1) return [extractBill(pages, options)];
  return splitPages(pages, options).map((group) => extractBill(group, options));
}
