/**
 * Gazette's one error catalogue: every expected failure has a stable code and an HTTP status.
 * Tests assert the code, not the message; the API answers
 * `{ "error": { "code", "message", "details" } }`.
 */
export const errorCatalogue = {
  BAD_REQUEST: 400,
  INVALID_JSON: 400,
  VALIDATION_FAILED: 400,
  INVALID_CURSOR: 400,
  FILTER_CONFLICT: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  PROVIDER_EXISTS: 409,
  USER_EXISTS: 409,
  GONE: 410,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  CONFIG_INVALID: 500,
  LISTEN_FAILED: 500,
  STORAGE_UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof errorCatalogue;

/** An expected failure with a stable code, a message for people and optional details. */
export class GazetteError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details: unknown;

  constructor(code: ErrorCode, message: string, options: { details?: unknown; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = 'GazetteError';
    this.code = code;
    this.status = errorCatalogue[code];
    this.details = options.details;
  }
}
