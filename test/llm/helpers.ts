// Shared set-up of the LLM tests: a caller/refiner built exactly as the endpoint builds it (createLlmRefiner) but
// pointed at a fake server, and hand-made engine results (so these tests do not depend on the engine's scores).
import { expect } from "vitest";
import type { LineResult, Suggestion, SuggestRequest, SuggestRequestInput, SuggestResponse } from "../../web_src/contracts/reconcile";
import { SuggestRequestSchema, SuggestResponseSchema } from "../../web_src/contracts/reconcile";
import { signRequest } from "../../web_src/endpoint/signing";
import { loadLlmConfig, type LlmOptions } from "../../web_src/endpoint/config";
import type { LlmConfig } from "../../web_src/llm/llm_config";
import { createLlmRefiner, createStructuredCaller } from "../../web_src/llm/create_llm_refiner";
import type { LlmRefiner } from "../../web_src/llm/llm_refiner";
import type { StructuredCaller } from "../../web_src/llm/structured_caller";
import { NOW_SECONDS, SUGGEST_URL, TEST_SECRET } from "../endpoint/helpers";

export function llmConfig(baseUrl: string, options: LlmOptions = {}): LlmConfig {
  const config = loadLlmConfig({ model: "fake-model", baseUrl, maxRetries: 0, timeoutMs: 2_000, ...options }, {});
  if (!config) throw new Error("expected an LLM configuration");
  return config;
}

export const callerFor = (baseUrl: string, options: LlmOptions = {}): StructuredCaller =>
  createStructuredCaller(llmConfig(baseUrl, options));

export const refinerFor = (baseUrl: string, options: LlmOptions = {}): LlmRefiner =>
  createLlmRefiner(llmConfig(baseUrl, options));

/**
 * Line 1 received 500.00 with label "Invoice INV/2026/00012"; two open invoices of 500.00 (ids 11 and 12) and one of
 * 20.00 (id 1, INV/2026/00001). Line 2 paid 42.90 to "Cloud hosting". Accounts: receivable, hosting, office supplies.
 */
export function greyRequest(overrides: Partial<SuggestRequestInput> = {}): SuggestRequest {
  const item = (id: number, amount: number) => ({
    id,
    moveId: 100 + id,
    moveName: `INV/2026/${String(id).padStart(5, "0")}`,
    partnerId: 7,
    partnerName: "Acme GmbH",
    date: "2026-01-02",
    amountResidual: amount,
    amountResidualCurrency: amount,
    currency: "EUR",
    accountType: "asset_receivable" as const,
  });
  return SuggestRequestSchema.parse({
    companyId: 1,
    companyCurrency: "EUR",
    lines: [
      { id: 1, date: "2026-01-10", amount: 500, currency: "EUR", amountCompany: 500, label: "Invoice INV/2026/00012", partnerName: "ACME GMBH" },
      { id: 2, date: "2026-01-11", amount: -42.9, currency: "EUR", amountCompany: -42.9, label: "Cloud hosting January" },
    ],
    candidates: [item(11, 500), item(12, 500), item(1, 20)],
    partners: [{ id: 7, name: "Acme GmbH" }],
    accounts: [
      { id: 121, code: "121000", name: "Account Receivable", accountType: "asset_receivable" },
      { id: 613, code: "613000", name: "Hosting and cloud services", accountType: "expense" },
      { id: 606, code: "606000", name: "Office supplies", accountType: "expense" },
    ],
    ...overrides,
  });
}

export function suggestion(rank: number, candidateIds: number[], confidence: number): Suggestion {
  return {
    rank,
    matchType: "full",
    candidateIds,
    partnerId: 7,
    accountId: null,
    taxIds: [],
    writeoffAmount: 0,
    confidence,
    explanation: `Pays ${candidateIds.join(", ")}`,
    reasons: ["Same amount", "Partner Acme GmbH"],
  };
}

/** What the engine might say: line 1 unsure between invoices 11 (0.6) and 12 (0.35), invoice 1 at 0.03; line 2 nothing. */
export function greyResults(): LineResult[] {
  return [
    { lineId: 1, suggestions: [suggestion(1, [11], 0.6), suggestion(2, [12], 0.35), suggestion(3, [1], 0.03)] },
    { lineId: 2, suggestions: [] },
  ];
}

export const answer = (value: unknown): string => JSON.stringify(value);

/** POST a signed suggest request to a listening endpoint over real HTTP; expects 200 and a reply in contract. */
export async function postSuggest(url: string, body: SuggestRequestInput): Promise<SuggestResponse> {
  const payload = JSON.stringify(body);
  const response = await fetch(`${url}${SUGGEST_URL}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...signRequest(TEST_SECRET, payload, { timestamp: NOW_SECONDS }) },
    body: payload,
  });
  expect(response.status).toBe(200);
  return SuggestResponseSchema.parse(await response.json());
}
