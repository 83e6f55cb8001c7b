// Writes seedable books (scripts/bench/lib/books.ts) as JSON for the Odoo bench's loader (scripts/bench/load_books.py).
//   npx tsx scripts/bench/gen_books.ts --seed 20260402 --lines 1000 --items 2000 --out books.json
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { generateBooks } from "./lib/books";
import { CALIBRATION_SEED } from "../../web_src/engine/reconciliation/calibration";

const { values } = parseArgs({
  options: {
    seed: { type: "string" },
    lines: { type: "string" },
    items: { type: "string" },
    out: { type: "string" },
  },
});
if (values.out === undefined) throw new Error("--out is required");
const seed = Number(values.seed ?? 20_260_402);
if (seed === CALIBRATION_SEED) throw new RangeError("evaluate on a seed different from the calibration seed");
const options = { seed, lines: Number(values.lines ?? 1_000), openItems: Number(values.items ?? 2_000) };
const books = generateBooks(options);
const paidIds = new Set(books.paidItems.map((i) => i.id));
writeFileSync(values.out, JSON.stringify({
  options,
  companyCurrency: books.request.companyCurrency,
  settings: books.request.settings,
  partners: books.request.partners,
  accounts: books.request.accounts,
  // Open items only: the paid ones the request carries with a zero residual are in `paidItems`, as they were.
  openItems: books.request.candidates.filter((c) => !paidIds.has(c.id)),
  paidItems: books.paidItems,
  history: books.request.history,
  lines: books.request.lines,
  truth: [...books.truth].map(([lineId, t]) => ({ lineId, ...t })),
}));
