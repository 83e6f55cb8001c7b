// POST /v1/bills/extract with the optional LLM stage, through the real openai SDK to a local OpenAI-compatible server
// (test/llm/fake_openai_server.ts): a plain-text bill whose total the offline extractor cannot read ("Bitte
// überweisen Sie uns 119,00 …" is a sentence, not a total line). The LLM's answer is kept only where it is printed in
// the text and passes the extractor's checks; garbage, failures and llmAllowed: false leave the offline reading.
import type { FastifyInstance } from "fastify";
import { afterEach, describe, expect, it } from "vitest";
import { BILL_EXTRACT_PATH, ExtractBillResponseSchema, type BillLlmAnswer, type ExtractBillRequestInput, type ExtractBillResponse } from "../../web_src/contracts/bills";
import { BillService } from "../../web_src/endpoint/services/bills";
import { signRequest } from "../../web_src/endpoint/signing";
import { LLM_CHECKED_CONFIDENCE } from "../../web_src/engine/bills/bill_llm_fields";
import { dataOf, startFakeOpenAi, type FakeOpenAiServer, type FakeReply } from "../llm/fake_openai_server";
import { NOW_SECONDS, TEST_SECRET, testApp } from "./helpers";

const BILL = [
  "Muster Bürobedarf GmbH                         Rechnung",
  "Hauptstraße 5, 10115 Berlin                    Rechnungsnummer:   RE-2024-0815",
  "                                               Rechnungsdatum:    03.05.2024",
  "Tel: +49 30 1234567   info@muster-buero.de",
  "IBAN DE89 3704 0044 0532 0130 00",
  "Kreditlimit 500,00",
  "                                  Nettobetrag            100,00 €",
  "                                  MwSt 19 %               19,00 €",
  "Bitte überweisen Sie uns 119,00 innerhalb von zwei Wochen.",
  "USt-IdNr.: DE232446240",
].join("\n");

const NOTHING: BillLlmAnswer = {
  vendorName: null,
  invoiceNumber: null,
  invoiceDate: null,
  dueDate: null,
  currency: null,
  untaxed: null,
  totalTax: null,
  total: null,
};

let fake: FakeOpenAiServer | undefined;
let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  await fake?.close();
  app = fake = undefined;
});

async function extract(reply: FakeReply | null, extra: Partial<ExtractBillRequestInput> = {}): Promise<ExtractBillResponse> {
  if (reply !== null) fake = await startFakeOpenAi(() => reply);
  app = testApp({ billService: new BillService({ validateResponses: true, today: () => "2024-06-01" }) });
  const body: ExtractBillRequestInput = {
    fileName: "bill.txt",
    contentBase64: Buffer.from(BILL).toString("base64"),
    company: { name: "Kunde AG", currency: "EUR" },
    ...(fake ? { llm: { model: "fake-model", baseUrl: fake.baseUrl } } : {}),
    ...extra,
  };
  const payload = JSON.stringify(body);
  const res = await app.inject({
    method: "POST",
    url: BILL_EXTRACT_PATH,
    headers: { "content-type": "application/json", ...signRequest(TEST_SECRET, payload, { timestamp: NOW_SECONDS }) },
    payload,
  });
  expect(res.statusCode, res.body).toBe(200);
  return ExtractBillResponseSchema.parse(res.json());
}

const answer = (values: Partial<BillLlmAnswer>): FakeReply => ({ content: JSON.stringify({ ...NOTHING, ...values }) });

describe("the LLM stage of bill reading", () => {
  it("fills a missing total that adds up, marked as read by the LLM, with a confidence below the review threshold", async () => {
    const offline = (await extract(null)).documents[0];
    expect(offline?.fields.total).toBeNull();

    const body = await extract(answer({ total: 119, vendorName: "Muster Bürobedarf GmbH" }));
    const bill = body.documents[0];
    expect(bill?.fields.total).toMatchObject({ value: 119, readBy: "llm", confidence: LLM_CHECKED_CONFIDENCE });
    expect(bill?.fields.total?.sourceText).toContain("119,00");
    expect(bill?.checks).toContainEqual({ code: "total", ok: true, message: "untaxed 100.00 + tax 19.00 = total 119.00" });
    // The name the extractor read already: unchanged, not marked.
    expect(bill?.fields.vendorName).toEqual(offline?.fields.vendorName);
    expect(body.engine.model).toBe("fake-model");
    expect(body.usage).toMatchObject({ model: "fake-model", calls: 1 });
    // It was asked about the fields the extractor was unsure of, the total among them.
    expect(dataOf(fake!.requests[0]!).fields).toContain("total");
  });

  it("discards an answer that does not add up, and a value the extractor read differently", async () => {
    // 500,00 is printed (a credit limit) but 100 + 19 is not 500; 500 as the untaxed amount replaces nothing.
    const body = await extract(answer({ total: 500, untaxed: 500 }));
    const bill = body.documents[0];
    expect(bill?.fields.total).toBeNull();
    expect(bill?.fields.untaxed).toMatchObject({ value: 100 });
    expect(bill?.fields.untaxed?.readBy).toBeUndefined();
    expect(body.engine.model ?? null).toBeNull();
    expect(body.usage).toMatchObject({ calls: 1 });
  });

  it("discards a total that is not printed in the document", async () => {
    const bill = (await extract(answer({ total: 119.01 }))).documents[0];
    expect(bill?.fields.total).toBeNull();
  });

  it("ignores garbage and provider errors: the offline reading stands", async () => {
    const offline = (await extract(null)).documents[0];
    await app?.close();
    for (const reply of [{ content: "the total is probably 119 {not json" }, { content: JSON.stringify({ total: "119,00" }) }, { status: 500 }]) {
      const body = await extract(reply);
      expect(body.documents[0]).toEqual(offline);
      expect(body.engine.model ?? null).toBeNull();
      await app?.close();
      await fake?.close();
      fake = undefined;
    }
  });

  it("sends the text masked: no IBAN, e-mail address or phone number reaches the LLM", async () => {
    await extract(answer({}));
    const sent = JSON.stringify(fake!.requests[0]!.messages);
    for (const personal of ["DE89 3704", "info@muster-buero.de", "1234567"]) expect(sent).not.toContain(personal);
    for (const placeholder of ["[IBAN]", "[EMAIL]", "[PHONE]"]) expect(sent).toContain(placeholder);
    // The bill's own text is there.
    expect(sent).toContain("Nettobetrag");
  });

  it("asks nothing when the request says llmAllowed: false", async () => {
    const body = await extract(answer({ total: 119 }), { llmAllowed: false });
    expect(fake!.requests).toHaveLength(0);
    expect(body.documents[0]?.fields.total).toBeNull();
    expect(body.usage).toBeUndefined();
  });
});
