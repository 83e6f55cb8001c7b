// POST /v1/reports/rephrase through the real openai SDK to a local OpenAI-compatible server: an honest rewording
// passes, a HOSTILE one (it invents a number) is refused with the number named, and no LLM means no rephrasing.
import type { FastifyInstance } from "fastify";
import { afterEach, describe, expect, it } from "vitest";
import { REPORT_REPHRASE_PATH, RephraseResponseSchema, type RephraseRequestInput } from "../../web_src/contracts/reports";
import { startFakeOpenAi, type FakeOpenAiServer } from "../llm/fake_openai_server";
import { injectSigned, testApp } from "./helpers";

let fake: FakeOpenAiServer | undefined;
let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  await fake?.close();
  app = fake = undefined;
});

const OFFLINE = "In March 2026, revenue was 12,000 €. Revenue rose 20.0 % (+2,000 €) compared with the previous period.";

function request(baseUrl?: string): RephraseRequestInput {
  return {
    language: "en_US",
    text: OFFLINE,
    facts: [
      { id: "label.period", value: "March 2026", unit: "label" },
      { id: "pnl.revenue", value: 12000, unit: "currency" },
      { id: "pnl.revenue.previous.change", value: 2000, unit: "currency", sense: "up" },
      { id: "pnl.revenue.previous.change_pct", value: 20, unit: "percent", sense: "up" },
    ],
    ...(baseUrl ? { llm: { model: "fake-model", baseUrl } } : {}),
  };
}

async function post(body: RephraseRequestInput) {
  app = testApp();
  const reply = await injectSigned(app, body, { url: REPORT_REPHRASE_PATH });
  expect(reply.statusCode).toBe(200);
  return RephraseResponseSchema.parse(reply.json());
}

describe("report rephrasing", () => {
  it("keeps an honest rewording and reports the usage", async () => {
    const honest = "Revenue reached 12,000 € in March 2026, up 20.0 % (+2,000 €) on the month before.";
    fake = await startFakeOpenAi(() => ({ content: JSON.stringify({ text: honest }) }));
    const body = await post(request(fake.baseUrl));
    expect(body).toMatchObject({ rephrased: true, text: honest, problems: [] });
    expect(body.usage).toMatchObject({ model: "fake-model", calls: 1 });
    // The LLM saw the offline text and the facts, as data.
    expect(JSON.stringify(fake.requests[0]?.messages)).toContain("pnl.revenue.previous.change_pct");
  });

  it("refuses a hostile text that invents a number, and says which", async () => {
    const hostile = "Revenue reached 12,000 € in March 2026, up 37 % thanks to a contract worth 50,000 €.";
    fake = await startFakeOpenAi(() => ({ content: JSON.stringify({ text: hostile }) }));
    const body = await post(request(fake.baseUrl));
    expect(body.rephrased).toBe(false);
    expect(body.text).toBe(hostile);
    expect(body.problems).toEqual([
      "37 % is not among the report's figures",
      "50,000 is not among the report's figures",
    ]);
  });

  it("says why there is no rephrasing: no LLM, or an LLM that fails", async () => {
    expect(await post(request())).toMatchObject({ rephrased: false, reason: "no LLM is configured" });
    await app?.close();
    fake = await startFakeOpenAi(() => ({ status: 500, body: { error: { message: "down" } } }));
    const body = await post({ ...request(fake.baseUrl), llm: { model: "fake-model", baseUrl: fake.baseUrl } });
    expect(body.rephrased).toBe(false);
    expect(body.reason).toMatch(/provider error 500/);
  });
});
