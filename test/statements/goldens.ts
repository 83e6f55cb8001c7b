// Readers for the ground truth shipped with the real statements:
//  - wolph/mt940's `.yml` expected parses (PyYAML dumps with python/object tags: read as plain maps and lists);
//  - OCA's `golden-*.pydata` (a Python literal: tuples, lists, dicts, str, float, None, True/False).
import { parse } from "yaml";

export interface GoldenMt940Transaction {
  amount: number;
  /** ISO date (value date), as wolph/mt940 reads it. */
  date: string;
  /** "C", "D", "RC", "RD". */
  status: string;
  applicantName: string | null;
  endToEndReference: string | null;
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** Pickled `mt940.models.Date`: `[bytes]`, bytes = year (2, big-endian), month, day. */
function pickledDate(value: unknown): string {
  const bytes = Array.isArray(value) ? value[0] : undefined;
  if (!(bytes instanceof Uint8Array) || bytes.length < 4) throw new Error(`unexpected date in yml: ${JSON.stringify(value)}`);
  const year = ((bytes[0] ?? 0) << 8) + (bytes[1] ?? 0);
  return `${String(year).padStart(4, "0")}-${String(bytes[2]).padStart(2, "0")}-${String(bytes[3]).padStart(2, "0")}`;
}

function textOrNull(value: unknown): string | null {
  return typeof value === "string" ? value : typeof value === "number" ? String(value) : null;
}

export function readMt940Golden(yml: string): GoldenMt940Transaction[] {
  const doc = record(parse(yml, { schema: "yaml-1.1", logLevel: "silent", maxAliasCount: -1, uniqueKeys: false }));
  const transactions = Array.isArray(doc.transactions) ? doc.transactions : [];
  return transactions.map((t) => {
    const data = record(record(t).data);
    const decimal = record(data.amount).amount;
    const amount = Number(Array.isArray(decimal) ? decimal[0] : NaN);
    return {
      amount,
      date: pickledDate(data.date),
      status: textOrNull(data.status) ?? "",
      applicantName: textOrNull(data.applicant_name),
      endToEndReference: textOrNull(data.end_to_end_reference),
    };
  });
}

export type PyValue = string | number | boolean | null | PyValue[] | { [key: string]: PyValue };

/** Parse the Python literal subset OCA's golden files use (pprint output: adjacent strings concatenate). */
export function parsePyLiteral(source: string): PyValue {
  let i = 0;
  const ws = (): void => {
    while (i < source.length && /\s/.test(source[i] ?? "")) i++;
  };
  const fail = (what: string): never => {
    throw new Error(`python literal: ${what} at offset ${i}: ${JSON.stringify(source.slice(i, i + 30))}`);
  };
  const str = (): string => {
    const quote = source[i];
    i++;
    let out = "";
    while (i < source.length && source[i] !== quote) {
      if (source[i] === "\\") {
        const next = source[i + 1] ?? "";
        const escapes: Record<string, string> = { n: "\n", t: "\t", r: "\r", "\\": "\\", "'": "'", '"': '"' };
        if (next === "x") {
          out += String.fromCharCode(parseInt(source.slice(i + 2, i + 4), 16));
          i += 4;
          continue;
        }
        out += escapes[next] ?? fail(`unknown escape \\${next}`);
        i += 2;
        continue;
      }
      out += source[i];
      i++;
    }
    if (i >= source.length) fail("unterminated string");
    i++;
    return out;
  };
  const value = (): PyValue => {
    ws();
    const c = source[i];
    if (c === "'" || c === '"') {
      let s = str();
      ws();
      while (source[i] === "'" || source[i] === '"') {
        s += str();
        ws();
      }
      return s;
    }
    if (c === "(" || c === "[") {
      const close = c === "(" ? ")" : "]";
      i++;
      const items: PyValue[] = [];
      for (;;) {
        ws();
        if (source[i] === close) { i++; return items; }
        items.push(value());
        ws();
        if (source[i] === ",") i++;
        else if (source[i] !== close) fail(`expected , or ${close}`);
      }
    }
    if (c === "{") {
      i++;
      const out: { [key: string]: PyValue } = {};
      for (;;) {
        ws();
        if (source[i] === "}") { i++; return out; }
        const key = value();
        if (typeof key !== "string") fail("non-string dict key");
        ws();
        if (source[i] !== ":") fail("expected :");
        i++;
        out[key as string] = value();
        ws();
        if (source[i] === ",") i++;
        else if (source[i] !== "}") fail("expected , or }");
      }
    }
    const word = /^(None|True|False|-?\d+(\.\d+)?(e-?\d+)?)/.exec(source.slice(i, i + 40));
    if (word?.[1] === undefined) return fail("unexpected token");
    i += word[1].length;
    return word[1] === "None" ? null : word[1] === "True" ? true : word[1] === "False" ? false : Number(word[1]);
  };
  const result = value();
  ws();
  if (i !== source.length) fail("trailing content");
  return result;
}
