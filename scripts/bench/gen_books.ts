// Writes seedable books as JSON for the Odoo bench's loader (scripts/bench/load_books.py), from either generator:
// the first one (scripts/bench/lib/books.ts) or the independent one (scripts/bench/lib/books_independent/).
//   npx tsx scripts/bench/gen_books.ts --seed 20260402 --lines 1000 --items 2000 --out books.json
//   npx tsx scripts/bench/gen_books.ts --generator independent --seed 7000 --lines 1000 --items 2000 --out books.json
// The independent generator writes report seeds only (books_independent/seeds.ts); `--tuning` lets it write a
// tuning seed instead, for looking into failures — never for figures that are reported.
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { generateBooks } from "./lib/books";
import { SCENARIOS } from "./lib/scenarios";
import { generateIndependentBooks } from "./lib/books_independent/generate";
import { KINDS } from "./lib/books_independent/kinds";
import { assertReportSeed, inRange, TUNING_SEEDS } from "./lib/books_independent/seeds";
import { CALIBRATION_SEED } from "../../web_src/engine/reconciliation/calibration";

const { values } = parseArgs({
  options: {
    generator: { type: "string" },
    seed: { type: "string" },
    lines: { type: "string" },
    items: { type: "string" },
    out: { type: "string" },
    tuning: { type: "boolean" },
  },
});
if (values.out === undefined) throw new Error("--out is required");
const generator = values.generator ?? "books";
if (generator !== "books" && generator !== "independent") throw new Error("--generator is books or independent");
const seed = Number(values.seed ?? (generator === "books" ? 20_260_402 : 7_000));
const options = { seed, lines: Number(values.lines ?? 1_000), openItems: Number(values.items ?? 2_000) };

let out: object;
if (generator === "books") {
  if (seed === CALIBRATION_SEED) throw new RangeError("evaluate on a seed different from the calibration seed");
  const books = generateBooks(options);
  const paidIds = new Set(books.paidItems.map((i) => i.id));
  out = {
    generator: "books.ts", scenarios: SCENARIOS, options,
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
  };
} else {
  if (values.tuning === true) {
    if (!inRange(seed, TUNING_SEEDS)) throw new RangeError(`--tuning takes a tuning seed (${TUNING_SEEDS.from}–${TUNING_SEEDS.to})`);
  } else {
    assertReportSeed(seed);
  }
  const books = generateIndependentBooks(options);
  out = {
    generator: "independent", scenarios: KINDS, options,
    companyCurrency: books.request.companyCurrency,
    settings: books.request.settings,
    partners: books.request.partners,
    accounts: books.request.accounts,
    openItems: books.request.candidates,
    paidItems: books.paidItems,
    history: books.request.history,
    lines: books.request.lines,
    truth: [...books.truth].map(([lineId, t]) => ({ lineId, ...t })),
  };
}
writeFileSync(values.out, JSON.stringify(out));
