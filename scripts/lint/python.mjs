// `npm run lint:py`: Ruff over every tracked Python file (the add-ons, scripts, the pure tests), with the rules OCA's
// addons template uses (pycodestyle, pyflakes, bugbear, complexity, isort with Odoo's sections, pyupgrade), at this
// repository's 120 columns. Ruff runs from its WebAssembly build on npm (@astral-sh/ruff-wasm-nodejs), so `npm ci`
// is all a machine needs: no Python package to install. Exit code 1 when anything is reported.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PositionEncoding, Workspace } from "@astral-sh/ruff-wasm-nodejs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export const RUFF_SETTINGS = {
  "target-version": "py310",
  "line-length": 120,
  lint: {
    select: ["E", "F", "W", "B", "C90", "I", "UP"],
    // Odoo's translations take %-style arguments (_("… %s", x)); the rest of the code follows suit.
    ignore: ["UP031"],
    mccabe: { "max-complexity": 16 },
    isort: {
      "section-order": ["future", "standard-library", "third-party", "odoo", "odoo-addons", "first-party", "local-folder"],
      sections: { odoo: ["odoo"], "odoo-addons": ["odoo.addons"] },
    },
  },
};

/** What OCA ignores per file: the imports of a package's __init__.py, the bare dict of a manifest. */
const PER_FILE_IGNORES = [
  [/(^|\/)__init__\.py$/, ["F401", "I001"]],
  [/(^|\/)__manifest__\.py$/, ["B018"]],
];

/** [{file, row, column, code, message}] for the given files (paths relative to the repository). */
export function lintPython(files, readSource = (file) => readFileSync(path.join(ROOT, file), "utf8")) {
  const workspace = new Workspace(RUFF_SETTINGS, PositionEncoding.Utf16);
  const problems = [];
  for (const file of files) {
    const ignored = PER_FILE_IGNORES.flatMap(([pattern, codes]) => (pattern.test(file) ? codes : []));
    for (const d of workspace.check(readSource(file))) {
      if (ignored.includes(d.code)) continue;
      problems.push({ file, row: d.start_location.row, column: d.start_location.column, code: d.code ?? "syntax", message: d.message });
    }
  }
  return problems;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const files = execFileSync("git", ["ls-files", "--cached", "--others", "--exclude-standard", "*.py"], { cwd: ROOT, encoding: "utf8" })
    .split("\n")
    .filter(Boolean);
  const problems = lintPython(files);
  for (const p of problems) console.log(`${p.file}:${p.row}:${p.column}: ${p.code} ${p.message}`);
  console.log(`ruff: ${files.length} files, ${problems.length} problem${problems.length === 1 ? "" : "s"}`);
  process.exit(problems.length ? 1 : 0);
}
