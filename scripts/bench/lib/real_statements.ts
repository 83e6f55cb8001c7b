// The real bank statements shipped next to the project (../shared/data/statements, see /work/shared/data/README.md),
// read at run time and never copied into the repository. Used by test/statements and scripts/bench_real.ts.
// AI_BOOKKEEPING_SHARED_DATA points at another copy of the `data` folder.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { StatementFormatError, type BankStatement, type BankStatementLine } from "../../../web_src/statements/bank_statement_line";
import { readCamt } from "../../../web_src/statements/camt";
import { readMt940 } from "../../../web_src/statements/mt940";
import { readOfx } from "../../../web_src/statements/ofx";

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
export const SHARED_DATA_ENV = "AI_BOOKKEEPING_SHARED_DATA";

/** The shared `data` folder: $AI_BOOKKEEPING_SHARED_DATA, else `../shared/data` from the repository root. */
export function sharedDataDir(env: NodeJS.ProcessEnv = process.env): string {
  const override = env[SHARED_DATA_ENV];
  return override !== undefined && override !== "" ? path.resolve(override) : path.resolve(REPO_ROOT, "../shared/data");
}

/** The statements folder, or why it cannot be used (for a test's skip message). */
export function locateStatements(env: NodeJS.ProcessEnv = process.env): { dir: string; missing: string | null } {
  const dir = path.join(sharedDataDir(env), "statements");
  const missing = existsSync(dir)
    ? null
    : `real bank statements not found at ${dir} (set ${SHARED_DATA_ENV} to the shared data folder)`;
  return { dir, missing };
}

export type RealFormat = "camt" | "ofx" | "mt940";

export interface RealStatementFile {
  format: RealFormat;
  /** Path relative to the statements folder, e.g. "mt940/jejik/ing.sta". */
  name: string;
  path: string;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]))
    .sort();
}

/** Every statement file by format: CAMT `test-*` XML files (not the zip), `*.ofx`, `*.sta`. */
export function listStatementFiles(dir: string): RealStatementFile[] {
  return filesUnder(dir).flatMap((file): RealStatementFile[] => {
    const name = path.relative(dir, file);
    const base = path.basename(file);
    if (name.startsWith("oca-camt") && base.startsWith("test-") && !base.endsWith(".zip")) return [{ format: "camt", name, path: file }];
    if (base.endsWith(".ofx")) return [{ format: "ofx", name, path: file }];
    if (base.endsWith(".sta")) return [{ format: "mt940", name, path: file }];
    return [];
  });
}

/** Read one file with its format's reader. MT940 files are Latin-1 (German banks), the others declare UTF-8/ASCII. */
export function readStatementFile(file: RealStatementFile): BankStatement[] {
  switch (file.format) {
    case "camt":
      return readCamt(readFileSync(file.path, "utf8"));
    case "ofx":
      return readOfx(readFileSync(file.path, "utf8"));
    case "mt940":
      return readMt940(readFileSync(file.path, "latin1"));
  }
}

export interface RealLine {
  file: string;
  line: BankStatementLine;
}

export interface RealCorpus {
  lines: RealLine[];
  /** Files that are not statements at all (the deliberately malformed ones), with the reader's message. */
  refused: Array<{ file: string; message: string }>;
  skippedRecords: Array<{ file: string; where: string; reason: string }>;
}

/** Every line of every real statement; malformed files and records are listed, not dropped silently. */
export function readRealCorpus(dir: string): RealCorpus {
  const corpus: RealCorpus = { lines: [], refused: [], skippedRecords: [] };
  for (const file of listStatementFiles(dir)) {
    let statements: BankStatement[];
    try {
      statements = readStatementFile(file);
    } catch (error) {
      if (!(error instanceof StatementFormatError)) throw error;
      corpus.refused.push({ file: file.name, message: error.message });
      continue;
    }
    for (const statement of statements) {
      for (const line of statement.lines) corpus.lines.push({ file: file.name, line });
      for (const s of statement.skipped) corpus.skippedRecords.push({ file: file.name, ...s });
    }
  }
  return corpus;
}
