// Turning the raw request body into a validated payload: bytes -> UTF-8 text -> JSON -> zod schema.
// Error messages name fields and expected types only, never the values (they are bank data).
import { z } from "zod";
import type { RequestIssue } from "../contracts/error_reply";
import { InvalidJsonError, InvalidRequestError, UnsupportedMediaTypeError } from "./errors";

/** Most issues listed in one `invalid_request` response; the message still counts them all. */
export const MAX_REPORTED_ISSUES = 50;

const utf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * Refuse (415) a request that does not announce a JSON body, on arrival, before its body is read: the same rule as
 * the JSON content-type parser in app.ts (media type `application/json`, parameters such as charset allowed).
 */
export function requireJsonContentType(contentType: string | undefined): void {
  const mediaType = contentType?.split(";", 1)[0]?.trim().toLowerCase();
  if (mediaType !== "application/json") {
    throw new UnsupportedMediaTypeError();
  }
}

/** The raw body kept by the JSON content-type parser (see app.ts); absent when the request had no JSON body. */
export function rawBodyOf(body: unknown): Buffer {
  if (!Buffer.isBuffer(body)) {
    throw new UnsupportedMediaTypeError();
  }
  return body;
}

export function parseJsonBody<Schema extends z.ZodType>(raw: Uint8Array, schema: Schema): z.output<Schema> {
  if (raw.length === 0) {
    throw new InvalidJsonError("request body is empty: expected a JSON document");
  }
  let text: string;
  try {
    text = utf8.decode(raw);
  } catch {
    throw new InvalidJsonError("request body is not valid UTF-8");
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    // V8's message quotes part of the body, so it is not passed on.
    throw new InvalidJsonError("request body is not valid JSON");
  }
  const parsed = schema.safeParse(data, { error: describeIssue });
  if (!parsed.success) {
    const issues = parsed.error.issues.map(toRequestIssue);
    throw new InvalidRequestError(issues.slice(0, MAX_REPORTED_ISSUES), issues.length);
  }
  return parsed.data;
}

function toRequestIssue(issue: z.core.$ZodIssue): RequestIssue {
  return {
    path: issue.path.length > 0 ? issue.path.map(String).join(".") : "(body)",
    message: issue.message,
  };
}

/** Shorter wording than zod's default for type errors ("expected number, received string"); others keep zod's. */
const describeIssue: z.core.$ZodErrorMap = (issue) => {
  if (issue.code !== "invalid_type") return undefined;
  if (issue.input === undefined) return `expected ${issue.expected}, but the field is missing`;
  return `expected ${issue.expected}, received ${kindOf(issue.input)}`;
};

function kindOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number" && Number.isNaN(value)) return "NaN";
  return typeof value;
}
