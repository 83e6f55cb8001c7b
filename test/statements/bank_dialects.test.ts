// The statement readers against an independent generator of bank-file dialects (bank_dialects.ts): a few hundred
// seeded CAMT, MT940/MT942 and OFX/QFX files in the ways real banks write them, read through the endpoint's
// statement service from their bytes (encoding detection included) and compared with what the generator put in:
// statements, accounts, currencies, balances, and per line amount, date, text, counterparty, references. Then files
// broken on purpose, whose broken record must be refused and named. A failure's name gives seed and dialect.
import { describe, expect, it } from "vitest";
import { brokenFile, dialectFiles, type GeneratedFile } from "./bank_dialects";
import { dialectDifferences } from "./dialect_check";

const SEED = 20261201;
const files = dialectFiles(SEED, 360);
const broken = Array.from({ length: 150 }, (_, i) => brokenFile(SEED + i)).filter((f): f is GeneratedFile => f !== null);
const name = (file: GeneratedFile, i: number): string => `${i}: ${file.dialect.join(" ")}`;

describe(`statement readers vs generated bank dialects (seed ${SEED})`, () => {
  it.each(files.map((f, i) => [name(f, i), f] as const))("reads %s", (_name, file) => {
    expect(dialectDifferences(file)).toEqual([]);
  });

  it.each(broken.map((f, i) => [name(f, i), f] as const))("refuses and names the broken record of %s", (_name, file) => {
    expect(dialectDifferences(file)).toEqual([]);
  });

  it("covers every dialect the generator claims, and real amounts", () => {
    const seen = new Set([...files, ...broken].flatMap((f) => f.dialect));
    const wanted = [
      "camt.052", "camt.053", "camt.054", "v02", "v04", "v06", "v08", "v10", "no-prefix", "ns2-prefix", "crlf", "lf",
      "utf8-bom", "utf16le", "dates-DtTm", "ValDt-only", "open-OPBD", "open-PRCD", "open-ITBD", "close-ITBD", "CLAV",
      "batch", "several-NtryDtls", "tx-CdtDbtInd", "no-TxDtls", "single-none", "single-fx", "single-TxAmt", "ustrd-split",
      "strd-rf", "strd-national", "pending", "RvslInd", "3-stmt",
      "mt940", "mt942", "details-german", "details-dutch", "details-ing", "details-free", "header-swift-blocks",
      "header-940-line", "latin1", "60M-62M", "no-entry-date", "reversal", "funds-code", "86-wrapped", "statement-86", "64",
      "ofx", "sgml", "xml", "qfx", "open-leaves", "closed-leaves", "cp1252", "creditcard", "dtposted-tz", "no-FITID",
      "trnamt-comma", "PAYEE", "AVAILBAL", "empty-leaf",
      "CORRUPT-batch-sum", "CORRUPT-dot-decimal", "CORRUPT-three-decimals",
    ];
    expect(wanted.filter((d) => !seen.has(d))).toEqual([]);
    const lines = files.flatMap((f) => f.statements.flatMap((s) => s.lines));
    expect(lines.length).toBeGreaterThan(1500);
    expect(lines.some((l) => Math.abs(l.cents) >= 10_000_00)).toBe(true);
  });
});
