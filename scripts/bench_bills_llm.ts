// The vendor-bill LLM stage's gate, measured on real documents (`npx tsx scripts/bench_bills_llm.ts`). Not the
// quality of any LLM — a local fake cannot measure that — but what the checks let through, end to end (masking, the
// real openai SDK, the zod answer, engine/bills/bill_llm_fields.ts), over the text-layer PDFs of ../shared/data/invoices
// (visible document only, as scripts/bench_bills.ts scores them), from a local OpenAI-compatible fake that answers:
//   oracle   the ground truth for every field asked (null where the truth states none): how many right values the
//            gate keeps, and "all header fields right" before and after — the most the stage can add;
//   hostile  for every field asked, a wrong value that IS printed in the text (another amount, another date, another
//            token with digits, another line for the vendor, another currency): how many the gate lets through.
// Results: stdout, .artifacts/bench-bills-llm.json. CPU time of this process is reported beside the wall time.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { BILL_LLM_FIELDS, type BillLlmAnswer, type BillLlmField, type ExtractedBill } from "../web_src/contracts/bills";
import { BillService } from "../web_src/endpoint/services/bills";
import { findDates, parseAmount } from "../web_src/engine/bills/values";
import { dataOf, startFakeOpenAi, type ChatRequestBody } from "../test/llm/fake_openai_server";
import { HEADER, TODAY, invoiceCases, locateInvoices, right, type Case, type Truth } from "./bench/lib/real_invoices";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const { dir: DATA, missing } = locateInvoices();
if (missing !== null) {
  console.log(`bills LLM gate bench SKIPPED: ${missing}`);
  process.exit(0);
}

type Mode = "oracle" | "hostile";
interface PageData {
  page: number;
  text: string;
}

const NOTHING: BillLlmAnswer = { vendorName: null, invoiceNumber: null, invoiceDate: null, dueDate: null, currency: null, untaxed: null, totalTax: null, total: null };

function oracle(truth: Truth, asked: readonly BillLlmField[]): BillLlmAnswer {
  const answer: Record<string, unknown> = { ...NOTHING };
  for (const name of asked) if (truth[name] !== undefined) answer[name] = truth[name];
  return answer as BillLlmAnswer;
}

/** A wrong value printed in the text for each asked field (none when the text offers none). */
function hostile(truth: Truth, asked: readonly BillLlmField[], pages: readonly PageData[]): BillLlmAnswer {
  const text = pages.map((p) => p.text).join("\n");
  const answer: Record<string, unknown> = { ...NOTHING };
  const amounts = [...text.matchAll(/\d{1,3}(?:[.,]\d{3})*[.,]\d{2}/g)].map((m) => parseAmount(m[0])).filter((a): a is number => a !== null && a > 0);
  const dates = findDates(text).map((d) => d.iso);
  const tokens = [...text.matchAll(/[A-Z0-9][A-Z0-9/-]*\d[A-Z0-9/-]*/gi)].map((m) => m[0]).filter((t) => t.length >= 4);
  const lines = text.split("\n").map((l) => l.trim()).filter((l) => /\p{L}{3}/u.test(l) && l.length <= 60);
  for (const name of asked) {
    const wrong = (v: unknown) => !right(name, v, truth);
    if (name === "untaxed" || name === "totalTax" || name === "total") answer[name] = amounts.find(wrong) ?? null;
    else if (name === "invoiceDate" || name === "dueDate") answer[name] = dates.find(wrong) ?? null;
    else if (name === "invoiceNumber") answer[name] = tokens.find(wrong) ?? null;
    else if (name === "vendorName") answer[name] = lines.find(wrong) ?? null;
    else if (name === "currency") answer[name] = truth.currency === "EUR" ? "USD" : "EUR";
  }
  return answer as BillLlmAnswer;
}

interface Tally {
  offered: number;
  kept: number;
  keptRight: number;
}

async function run(mode: Mode, cases: readonly Case[]) {
  let current: Case | undefined;
  const given: BillLlmAnswer[] = [];
  const fake = await startFakeOpenAi((request: ChatRequestBody) => {
    const data = dataOf(request) as { fields: BillLlmField[]; pages: PageData[] };
    const truth = current?.truth ?? {};
    const answer = mode === "oracle" ? oracle(truth, data.fields) : hostile(truth, data.fields, data.pages);
    given.push(answer);
    return { content: JSON.stringify(answer) };
  });
  const service = new BillService({ validateResponses: true, today: () => TODAY });
  const perField = Object.fromEntries(BILL_LLM_FIELDS.map((f) => [f, { offered: 0, kept: 0, keptRight: 0 }])) as Record<BillLlmField, Tally>;
  let allBefore = 0;
  let allAfter = 0;
  try {
    for (const c of cases) {
      current = c;
      const request = { fileName: path.basename(c.file), mimeType: "", contentBase64: readFileSync(c.file).toString("base64") };
      const offline = (await service.extract(request, { ignoreEmbeddedXml: true })).documents[0];
      const sent = given.length;
      const refined = (await service.extract({ ...request, llm: { model: "fake", baseUrl: fake.baseUrl } }, { ignoreEmbeddedXml: true })).documents[0];
      if (!offline || !refined) continue;
      const answer = given[sent]; // one bill per text PDF here: one call at most
      for (const name of BILL_LLM_FIELDS) {
        const field = refined.fields[name];
        // Offered: a value that would change the reading (the oracle: a right value where the offline one is wrong
        // or missing; the hostile: a wrong one, where it found one in the text).
        const value = answer?.[name] ?? null;
        if (value === null || (mode === "oracle" && right(name, offline.fields[name]?.value, c.truth))) continue;
        perField[name].offered += 1;
        if (field?.readBy === "llm") {
          perField[name].kept += 1;
          if (right(name, field.value, c.truth)) perField[name].keptRight += 1;
        }
      }
      const all = (b: ExtractedBill) => HEADER.every((f) => c.truth[f] === undefined || right(f, b.fields[f]?.value, c.truth));
      if (all(offline)) allBefore += 1;
      if (all(refined)) allAfter += 1;
    }
  } finally {
    await fake.close();
  }
  return { perField, allBefore, allAfter, documents: cases.length, calls: fake.requests.length };
}

const started = Date.now();
const cpu = process.cpuUsage();
const cases = invoiceCases(DATA);
const textCases: Case[] = [...cases.pdfs, ...cases.xml];
const result: Record<string, unknown> = {};
for (const mode of ["oracle", "hostile"] as const) {
  const r = await run(mode, textCases);
  result[mode] = r;
  const pct = (n: number, d: number) => (d === 0 ? "-" : `${((100 * n) / d).toFixed(1)} %`);
  console.log(`\n${mode}: ${r.documents} text PDFs, ${r.calls} LLM calls; all header fields right ${pct(r.allBefore, r.documents)} offline -> ${pct(r.allAfter, r.documents)} with the stage`);
  console.log(`| field | offered | kept | kept and right | kept and wrong |\n|---|--:|--:|--:|--:|`);
  for (const [name, t] of Object.entries(r.perField)) {
    console.log(`| ${name} | ${t.offered} | ${t.kept} | ${t.keptRight} | ${t.kept - t.keptRight} |`);
  }
}
const used = process.cpuUsage(cpu);
const timing = { wallSeconds: (Date.now() - started) / 1000, cpuSeconds: (used.user + used.system) / 1e6 };
console.log(`\nwall ${timing.wallSeconds.toFixed(1)} s, CPU of this process ${timing.cpuSeconds.toFixed(1)} s (pdftotext runs in child processes)`);
mkdirSync(path.join(ROOT, ".artifacts"), { recursive: true });
writeFileSync(path.join(ROOT, ".artifacts", "bench-bills-llm.json"), JSON.stringify({ ...result, timing }, null, 2));
