/** Every error the SDK throws extends `ExtendError`-style `ApiError`; the client re-exports it
 * under the API's name. Errors carry what the server said, parsed once, never re-thrown raw. */

/** How much of a response body an error's message quotes; the error keeps the whole body. */
export const MAX_QUOTED_CHARS = 2000;

/** `text` cut to `limit` characters, saying how much was left out. */
export function bounded(text: string, limit: number = MAX_QUOTED_CHARS): string {
  return text.length <= limit ? text : `${text.slice(0, limit)}... (${text.length - limit} more characters)`;
}

export class SdkError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

export interface ApiErrorInit {
  statusCode: number;
  code?: string | undefined;
  retryable?: boolean | undefined;
  requestId?: string | undefined;
  headers?: Headers | undefined;
  body?: unknown;
}

/** The API answered with a status of 400 or more. */
export class ApiError extends SdkError {
  readonly statusCode: number;
  readonly code: string | undefined;
  readonly retryable: boolean | undefined;
  readonly requestId: string | undefined;
  readonly headers: Headers | undefined;
  readonly body: unknown;

  constructor(message: string, init: ApiErrorInit) {
    super(bounded(message));
    this.statusCode = init.statusCode;
    this.code = init.code;
    this.retryable = init.retryable;
    this.requestId = init.requestId;
    this.headers = init.headers;
    this.body = init.body;
  }
}

export class BadRequestError extends ApiError {}
export class AuthenticationError extends ApiError {}
export class PaymentRequiredError extends ApiError {}
export class PermissionDeniedError extends ApiError {}
export class NotFoundError extends ApiError {}
export class ConflictError extends ApiError {}
export class UnprocessableEntityError extends ApiError {}
export class RateLimitError extends ApiError {}
/** Any 5xx status. */
export class InternalServerError extends ApiError {}

/** The request never got an answer (DNS, refused connection, reset, aborted by the caller). */
export class APIConnectionError extends SdkError {
  readonly cause: unknown;

  constructor(message: string, cause?: unknown) {
    super(message);
    this.cause = cause;
  }
}

/** A successful response whose body is not what the operation declares (not JSON where JSON is
 * declared: a proxy's HTML page, a cut or broken document). `body` is the raw text. Lenient
 * reading stays for JSON that drifts field by field: that is never validated. */
export class ResponseValidationError extends SdkError {
  readonly statusCode: number;
  readonly requestId: string | undefined;
  readonly headers: Headers;
  readonly body: string;

  constructor(message: string, statusCode: number, headers: Headers, body: string) {
    super(message);
    this.statusCode = statusCode;
    this.requestId = headers.get("x-request-id") ?? undefined;
    this.headers = headers;
    this.body = body;
  }
}

/** The request took longer than `timeoutInSeconds`. */
export class APITimeoutError extends APIConnectionError {}

/** The client was set up wrongly (no token, an unknown environment). */
export class ConfigurationError extends SdkError {}

/** A webhook delivery whose signature or timestamp did not check out. */
export class WebhookVerificationError extends SdkError {}

/** A run did not reach a terminal status within `maxWaitMs`; `last` is its last state. */
export class PollingTimeoutError extends SdkError {
  readonly waitedMs: number;
  readonly last: unknown;

  constructor(waitedMs: number, last: unknown) {
    super(`the run was not finished after ${waitedMs} ms`);
    this.waitedMs = waitedMs;
    this.last = last;
  }
}

const BY_STATUS: Record<number, typeof ApiError> = {
  400: BadRequestError,
  401: AuthenticationError,
  402: PaymentRequiredError,
  403: PermissionDeniedError,
  404: NotFoundError,
  409: ConflictError,
  422: UnprocessableEntityError,
  429: RateLimitError,
};

function first(details: Record<string, unknown>, ...keys: string[]): unknown {
  for (const key of keys) {
    const value = details[key];
    if (value !== undefined && value !== null) {
      return value;
    }
  }
  return undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The error details of a body: `{error: {...}}` or the body itself. */
export function errorDetails(body: unknown): Record<string, unknown> {
  if (!isRecord(body)) {
    return {};
  }
  const nested = body["error"];
  return isRecord(nested) ? nested : body;
}

/** The error for a response of status 400 or more, reading the common error-body shapes. */
export function errorFromResponse(
  status: number,
  statusText: string,
  headers: Headers,
  body: unknown,
): ApiError {
  const details = errorDetails(body);
  const message = first(details, "message", "detail", "error_description", "error", "title");
  const code = first(details, "code", "type", "error_code");
  const retryable = first(details, "retryable");
  const requestId = first(details, "requestId", "request_id") ?? headers.get("x-request-id");
  const kind = BY_STATUS[status] ?? (status >= 500 ? InternalServerError : ApiError);
  const text = message !== undefined ? String(message) : statusText || "error";
  return new kind(text, {
    statusCode: status,
    code: code !== undefined ? String(code) : undefined,
    retryable: typeof retryable === "boolean" ? retryable : undefined,
    requestId: requestId !== undefined && requestId !== null ? String(requestId) : undefined,
    headers,
    body,
  });
}
