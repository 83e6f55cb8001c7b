// The body of every refusal the endpoint sends, whatever the workflow (web_src/endpoint/errors.ts builds it):
//   { "error": "<code>", "message": "<one sentence>" }            (+ "issues" for invalid_request)
import { z } from "zod";

export const RequestIssueSchema = z.object({
  /** Dotted path into the request body, e.g. "lines.0.amount"; "(body)" for the document itself. */
  path: z.string(),
  message: z.string(),
});
export type RequestIssue = z.infer<typeof RequestIssueSchema>;

export const ErrorReplySchema = z.object({
  /** Stable machine-readable code, e.g. "invalid_signature", "payload_too_large". */
  error: z.string(),
  message: z.string(),
  issues: z.array(RequestIssueSchema).optional(),
});
export type ErrorReply = z.infer<typeof ErrorReplySchema>;
