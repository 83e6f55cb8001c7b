// Every way a request can fail, one class each, and the one error handler that turns them into responses.
// Callers (and tests) tell failures apart with `instanceof`; clients tell them apart by the `error` code in the body
// (contracts/error_reply.ts).
// Anything that is not one of these classes is a bug: it is logged with its stack and answered with a bare 500.
import { errorCodes, type FastifyError, type FastifyReply, type FastifyRequest } from "fastify";
import type { ErrorReply, RequestIssue } from "../contracts/error_reply";

export abstract class EndpointError extends Error {
  abstract readonly statusCode: number;
  /** Stable machine-readable code sent as `error` in the response body. */
  abstract readonly code: string;

  toBody(): ErrorReply {
    return { error: this.code, message: this.message };
  }
}

/** The body is empty, not UTF-8 or not JSON. */
export class InvalidJsonError extends EndpointError {
  readonly statusCode = 400;
  readonly code = "invalid_json";
}

/** The JSON does not match the contract (`SuggestRequestSchema`). */
export class InvalidRequestError extends EndpointError {
  readonly statusCode = 400;
  readonly code = "invalid_request";
  readonly issues: RequestIssue[];

  constructor(issues: RequestIssue[], totalIssues = issues.length) {
    const first = issues[0];
    const more = totalIssues > 1 ? ` (and ${totalIssues - 1} more problem${totalIssues > 2 ? "s" : ""})` : "";
    super(first ? `request does not match the contract: ${first.path}: ${first.message}${more}` : "invalid request");
    this.issues = issues;
  }

  override toBody(): ErrorReply {
    return { ...super.toBody(), issues: this.issues };
  }
}

/** Any other malformed HTTP request fastify refuses (e.g. a Content-Length that does not match the body). */
export class BadRequestError extends EndpointError {
  readonly code = "bad_request";
  readonly statusCode: number;

  constructor(message: string, statusCode = 400) {
    super(message);
    this.statusCode = statusCode;
  }
}

/** Base of the 401 failures: the request is not proven to come from Odoo. */
export abstract class AuthenticationError extends EndpointError {
  readonly statusCode = 401;
}

export class MissingSignatureError extends AuthenticationError {
  readonly code = "missing_signature";
}

export class MalformedSignatureError extends AuthenticationError {
  readonly code = "malformed_signature";
}

export class SignatureMismatchError extends AuthenticationError {
  readonly code = "invalid_signature";

  constructor() {
    super("request signature does not match: check that Odoo and the endpoint share the same secret");
  }
}

/** Signed correctly, but the timestamp is too far from the endpoint's clock (stale, or clocks out of sync). */
export class StaleTimestampError extends AuthenticationError {
  readonly code = "stale_timestamp";

  constructor() {
    super("request timestamp is outside the allowed window");
  }
}

/** Signed correctly, but its nonce was already accepted: someone is replaying a captured request. */
export class ReplayedRequestError extends EndpointError {
  readonly statusCode = 409;
  readonly code = "replayed_request";

  constructor() {
    super("replayed request");
  }
}

/** Too many bytes are being read already (signed_route.ts); the client should try again shortly. */
export class ServerBusyError extends EndpointError {
  readonly statusCode = 503;
  readonly code = "busy";
  static readonly RETRY_AFTER_SECONDS = 5;

  constructor() {
    super("the endpoint is reading as many request bodies as it allows at once; retry shortly");
  }
}

export class NotFoundError extends EndpointError {
  readonly statusCode = 404;
  readonly code = "not_found";
}

export class PayloadTooLargeError extends EndpointError {
  readonly statusCode = 413;
  readonly code = "payload_too_large";

  constructor(limitBytes: number) {
    super(`request body is larger than the limit of ${limitBytes} bytes (AI_BOOKKEEPING_MAX_BODY_BYTES)`);
  }
}

export class UnsupportedMediaTypeError extends EndpointError {
  readonly statusCode = 415;
  readonly code = "unsupported_media_type";

  constructor() {
    super("expected a request body with Content-Type: application/json");
  }
}

/** The client went away (connection reset or closed) before it had sent its whole request. */
export class ClientAbortedError extends EndpointError {
  readonly statusCode = 400;
  readonly code = "client_aborted";

  constructor() {
    super("client closed the connection before sending the whole request");
  }
}

/** A bug on our side. The client only ever sees "internal error"; the details go to the log. */
export class InternalError extends EndpointError {
  readonly statusCode = 500;
  readonly code = "internal";

  constructor(message = "internal error", options?: ErrorOptions) {
    super(message, options);
  }

  override toBody(): ErrorReply {
    return { error: this.code, message: "internal error" };
  }
}

/** The engine (or the refine stage) produced a response that breaks `SuggestResponseSchema`. */
export class ResponseContractError extends InternalError {}

/** Map fastify's own errors to ours; anything unknown becomes an `InternalError`. */
export function toEndpointError(error: unknown, maxBodyBytes: number): EndpointError {
  if (error instanceof EndpointError) return error;
  if (error instanceof errorCodes.FST_ERR_CTP_BODY_TOO_LARGE) return new PayloadTooLargeError(maxBodyBytes);
  if (error instanceof errorCodes.FST_ERR_CTP_INVALID_MEDIA_TYPE) return new UnsupportedMediaTypeError();
  if (isClientAbort(error)) return new ClientAbortedError();
  if (isClientError(error)) return new BadRequestError(error.message, error.statusCode);
  return new InternalError("internal error", { cause: error });
}

/** Node's request stream fails with ECONNRESET ("aborted") when the client resets or closes mid-request. */
function isClientAbort(error: unknown): boolean {
  return error instanceof Error && "code" in error && (error.code === "ECONNRESET" || error.code === "ECONNABORTED");
}

function isClientError(error: unknown): error is FastifyError & { statusCode: number } {
  return (
    error instanceof Error &&
    "code" in error &&
    typeof error.code === "string" &&
    error.code.startsWith("FST_") &&
    "statusCode" in error &&
    typeof error.statusCode === "number" &&
    error.statusCode >= 400 &&
    error.statusCode < 500
  );
}

/**
 * The one error handler. Never lets a stack trace or a request body reach the client. Client errors are logged in
 * one line (code and sentence), only our own bugs with their stack. A refusal sent before the whole body has arrived
 * (bad signature headers, body over the limit) closes the connection: the rest of the body is not read.
 */
export function createErrorHandler(options: { maxBodyBytes: number }) {
  return function handleError(error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
    const failure = toEndpointError(error, options.maxBodyBytes);
    if (failure instanceof InternalError) {
      request.log.error({ err: error }, "unexpected error while handling request");
    } else {
      request.log.info({ error: failure.code }, failure.message);
    }
    if (failure instanceof ServerBusyError) reply.header("retry-after", String(ServerBusyError.RETRY_AFTER_SECONDS));
    if (!request.raw.complete) reply.header("connection", "close");
    return reply.code(failure.statusCode).send(failure.toBody());
  };
}

export function handleNotFound(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const failure = new NotFoundError(`no route for ${request.method} ${request.url.split("?")[0] ?? ""}`);
  return reply.code(failure.statusCode).send(failure.toBody());
}
