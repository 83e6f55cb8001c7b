// A local OpenAI-compatible server for tests and the LLM benchmark: real HTTP, the real /v1/chat/completions wire
// format (with `usage`), and a handler per test that decides each answer (status, content, delay, headers).
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface ChatMessage {
  role: string;
  content: string;
}

export interface ChatRequestBody {
  model: string;
  messages: ChatMessage[];
  response_format?: { type: string };
}

export interface FakeReply {
  status?: number;
  /** The assistant message's content (status 200). */
  content?: string;
  /** Raw JSON body instead of a chat completion (errors). */
  body?: unknown;
  headers?: Record<string, string>;
  delayMs?: number;
  usage?: { prompt_tokens: number; completion_tokens: number };
}

export type FakeHandler = (request: ChatRequestBody, index: number) => FakeReply | Promise<FakeReply>;

export interface FakeOpenAiServer {
  /** Base URL for the SDK, ending in /v1. */
  readonly baseUrl: string;
  /** Every chat completion request received, in order (including ones answered with an error). */
  readonly requests: ChatRequestBody[];
  /** Most requests that were being answered at the same time. */
  readonly peakConcurrency: number;
  close(): Promise<void>;
}

export const DEFAULT_USAGE = { prompt_tokens: 120, completion_tokens: 30 };

export async function startFakeOpenAi(handler: FakeHandler): Promise<FakeOpenAiServer> {
  const requests: ChatRequestBody[] = [];
  let active = 0;
  let peak = 0;
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      void (async () => {
        if (req.method !== "POST" || !req.url?.endsWith("/chat/completions")) {
          res.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ error: { message: "not found" } }));
          return;
        }
        const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as ChatRequestBody;
        const index = requests.push(body) - 1;
        active += 1;
        peak = Math.max(peak, active);
        try {
          const reply = await handler(body, index);
          if (reply.delayMs) await new Promise((resolve) => setTimeout(resolve, reply.delayMs));
          if (res.destroyed) return;
          const status = reply.status ?? 200;
          const payload =
            reply.body ??
            (status === 200
              ? {
                  id: `chatcmpl-fake-${index}`,
                  object: "chat.completion",
                  created: 1_767_225_600,
                  model: body.model,
                  choices: [
                    {
                      index: 0,
                      message: { role: "assistant", content: reply.content ?? "", refusal: null },
                      finish_reason: "stop",
                      logprobs: null,
                    },
                  ],
                  usage: { ...(reply.usage ?? DEFAULT_USAGE), total_tokens: 0 },
                }
              : { error: { message: `fake error ${status}`, type: "server_error", code: null } });
          res.writeHead(status, { "content-type": "application/json", ...reply.headers }).end(JSON.stringify(payload));
        } finally {
          active -= 1;
        }
      })();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    get peakConcurrency() {
      return peak;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The JSON data block of a request's user message (between <<<DATA and DATA>>>). */
export function dataOf(request: ChatRequestBody): Record<string, unknown> {
  const user = request.messages.find((message) => message.role === "user")?.content ?? "";
  const match = /<<<DATA\n([\s\S]*)\nDATA>>>/.exec(user);
  if (!match?.[1]) throw new Error("no data block in the user message");
  return JSON.parse(match[1]) as Record<string, unknown>;
}

interface OptionData {
  option: string;
  items: Array<{ number: string; reference: string; partner: string; openAmount: number }>;
}
interface LineData {
  amount: number;
  label: string;
  reference: string;
  counterparty: string;
}

/**
 * A stand-in for a competent model: the option best supported by the evidence (exact amount, invoice number or
 * reference printed on the line, partner name), or for an account case the account whose name shares a word with
 * the label. Used by the benchmark and the success tests.
 */
export function evidenceBestAnswer(request: ChatRequestBody): string {
  const data = dataOf(request);
  const line = data.statementLine as LineData;
  const text = `${line.label} ${line.reference} ${line.counterparty}`.toLowerCase();
  if (Array.isArray(data.options)) {
    let best: { option: string; score: number } | null = null;
    for (const option of data.options as OptionData[]) {
      const total = option.items.reduce((sum, item) => sum + item.openAmount, 0);
      let score = Math.abs(total - line.amount) < 0.005 ? 2 : 0;
      // Each kind of evidence counts once per option, so that listing more invoices earns nothing by itself.
      const named = (value: string) => value.length > 0 && text.includes(value.toLowerCase());
      if (option.items.some((item) => named(item.number) || named(item.reference))) score += 3;
      const partnerWords = (item: { partner: string }) => item.partner.toLowerCase().split(/\W+/).filter((w) => w.length > 3);
      if (option.items.some((item) => partnerWords(item).some((w) => text.includes(w)))) score += 1;
      if (!best || score > best.score) best = { option: option.option, score };
    }
    return JSON.stringify({ option: best?.option ?? null, explanation: "The amount and reference fit this option best." });
  }
  const accounts = (data.accounts ?? []) as Array<{ id: number; name: string }>;
  const words = new Set(text.split(/\W+/).filter((w) => w.length > 3));
  const account = accounts.find((a) => a.name.toLowerCase().split(/\W+/).some((w) => words.has(w)));
  return JSON.stringify({ accountId: account?.id ?? null, explanation: "The label names this kind of expense." });
}
