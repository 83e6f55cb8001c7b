// Builders for anomaly requests: a bill, a payment, a bank line, a vendor history; all amounts EUR.
import {
  DetectAnomaliesRequestSchema,
  type DetectAnomaliesRequest,
  type DetectAnomaliesRequestInput,
  type DetectItemInput,
  type Finding,
} from "../../../web_src/contracts/anomalies";
import { detectAnomalies } from "../../../web_src/engine/anomalies/detect_anomalies";

let nextId = 1000;
export const newId = (): number => ++nextId;

export function bill(fields: Partial<DetectItemInput> & { amount: number }): DetectItemInput {
  const id = fields.id ?? newId();
  return {
    model: "account.move",
    id,
    kind: "bill",
    name: `BILL/2026/${id}`,
    partnerId: 7,
    partnerName: "Acme",
    journalId: 2,
    date: "2026-03-10",
    createdAt: "2026-03-10T10:00:00",
    userId: 2,
    lines: [
      { id: id * 10, accountId: 600, accountCode: "6000", accountType: "expense", balance: fields.amount, taxIds: [], taxRate: null },
      { id: id * 10 + 1, accountId: 400, accountCode: "4000", accountType: "liability_payable", balance: -fields.amount },
    ],
    ...fields,
  };
}

export function request(input: Partial<DetectAnomaliesRequestInput> & { items: DetectItemInput[] }): DetectAnomaliesRequest {
  return DetectAnomaliesRequestSchema.parse({ companyId: 1, companyCurrency: "EUR", ...input });
}

export function detect(input: Partial<DetectAnomaliesRequestInput> & { items: DetectItemInput[] }): Finding[] {
  const reply = detectAnomalies(request(input));
  if (reply.errors.length > 0) throw new Error(`detector errors: ${JSON.stringify(reply.errors)}`);
  return reply.findings;
}

/** Earlier bills of vendor 7, newest first: one a month before 2026-03, with the given amounts. */
export function monthlyHistory(amounts: number[], start = "2026-02-05"): { id: number; date: string; amount: number; reference: string; name: string }[] {
  const [y, m] = [Number(start.slice(0, 4)), Number(start.slice(5, 7))];
  return amounts.map((amount, i) => {
    const month = m - 1 - i;
    const year = y + Math.floor(month / 12);
    const mm = ((month % 12) + 12) % 12;
    const id = newId();
    return { id, date: `${year}-${String(mm + 1).padStart(2, "0")}-05`, amount, reference: `F-${id}`, name: `BILL/${id}` };
  });
}
