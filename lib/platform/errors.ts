import { ZodError } from 'zod';
import { logger } from './logger';

/** The only error type the domain throws on purpose; `toErrorResponse` and `toFormState` map it for the caller. */
const errorStatus = {
  bad_request: 400,
  unauthorized: 401,
  payment_declined: 402,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  unprocessable: 422,
  locked: 423,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details?: unknown;
  /** Headers the answer carries (a 429's `Retry-After` and `RateLimit-*`). */
  readonly headers?: Readonly<Record<string, string>>;

  constructor(code: ErrorCode, message: string, details?: unknown, options: { headers?: Record<string, string> } = {}) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
    if (options.headers) this.headers = options.headers;
  }

  get status(): number {
    return errorStatus[this.code];
  }
}

export const notFound = (what: string) => new AppError('not_found', `${what} not found`);

export type ErrorBody = { error: { code: ErrorCode; message: string; details?: unknown } };

/** Postgres SQLSTATE of an error from postgres.js or PGlite (drizzle wraps them in `cause`). */
export function pgErrorCode(err: unknown): string | undefined {
  for (let e: unknown = err, depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

/**
 * Errors meaning "the database is not there", not "this request is wrong": the connection was
 * refused, reset or closed under us (postgres.js codes), or the server is shutting down or
 * starting up (SQLSTATE class 08, 57P01–57P03). A 503, so clients retry (with the same
 * Idempotency-Key: a connection lost during COMMIT may still have committed).
 */
const UNREACHABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'CONNECTION_CLOSED', 'CONNECTION_ENDED', 'CONNECTION_DESTROYED', 'CONNECT_TIMEOUT']);
export function isDatabaseUnreachable(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && (UNREACHABLE.has(code) || code.startsWith('08') || /^57P0[123]$/.test(code))) return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

/** A Redis command that failed because Redis is away (@upstash/redis wraps the transport's error in an UpstashError). */
export function isRedisUnreachable(err: unknown): boolean {
  return err instanceof Error && err.name === 'UpstashError' && /offline|closed|ECONNREFUSED|ECONNRESET|socket|did not answer/i.test(err.message);
}

/**
 * For `.catch()` on a write to a table with a unique name per tenant: the clash becomes a 409
 * on the `name` field; anything else is rethrown.
 */
export const duplicateName =
  (what: string) =>
  (err: unknown): never => {
    if (pgErrorCode(err) === '23505') throw new AppError('conflict', `A ${what} with this name already exists`, [{ path: 'name', message: 'Already in use' }]);
    throw err;
  };

/**
 * Maps any thrown value to the public error shape. Unknown errors become a generic 500: their
 * message may carry SQL or secrets, so `reportError` logs it and it is never sent.
 */
export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  if (err instanceof ZodError) {
    return new AppError(
      'unprocessable',
      'The request is invalid: ' + err.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '),
      err.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    );
  }
  if (isRedisUnreachable(err)) return new AppError('unavailable', 'A service the app needs is not answering right now. Try again in a moment.');
  if (isDatabaseUnreachable(err)) return new AppError('unavailable', 'The database is not answering right now. Try again in a moment.');
  switch (pgErrorCode(err)) {
    case '23505':
      return new AppError('conflict', 'A record with the same unique value already exists');
    case '23503':
      return new AppError('unprocessable', 'A referenced record does not exist');
    // A NUL in text (22021) or in JSON (22P05): Postgres cannot store it, whatever the field.
    case '22021':
    case '22P05':
      return new AppError('unprocessable', 'Text may not contain the NUL character (\\u0000)');
    // The last net under the limits the modules check (an order's total, a drawer): a number the column cannot hold.
    case '22003':
      return new AppError('unprocessable', 'A number in the request is too large to record');
    case '40001':
    case '40P01':
      return new AppError('conflict', 'The request conflicted with another one; retry it');
  }
  return new AppError('internal', 'Something went wrong on our side');
}

function errorBody(err: AppError): ErrorBody {
  return { error: { code: err.code, message: err.message, ...(err.details === undefined ? {} : { details: err.details }) } };
}

/**
 * `toAppError`, logging what a caller must see: an unexpected error (a bug) once, with its
 * real message and stack; a deliberate 5xx (e.g. card payments down) as a warning. The log
 * line carries the request id from the request context (logger.ts), so call sites never
 * pass it. Every exit — route, stream, server action — goes through here exactly once.
 */
export function reportError(err: unknown): AppError {
  const appError = toAppError(err);
  if (appError.code === 'internal' && !(err instanceof AppError)) logger.error({ err }, 'request failed');
  else if (appError.status >= 500) logger.warn({ code: appError.code, message: appError.message, ...(!(err instanceof AppError) && { err }) }, 'request refused');
  return appError;
}

/** Any thrown error as the JSON error response (unknown ones logged, never shown). */
export function toErrorResponse(err: unknown, headers?: HeadersInit): Response {
  const appError = reportError(err);
  const response = Response.json(errorBody(appError), { status: appError.status, headers });
  for (const [name, value] of Object.entries(appError.headers ?? {})) response.headers.set(name, value);
  return response;
}

/**
 * A form's field messages from a validation failure: one per field, the **first** issue found
 * for it (zod reports every failed check, and the first is the one to fix first: an empty
 * store address is "enter one", not "start and end with a letter or digit").
 */
export function fieldErrorsOf<I extends { path: readonly PropertyKey[]; message: string }>(
  issues: readonly I[],
  key: (path: readonly PropertyKey[]) => string = (p) => p.map(String).join('.') || 'form',
  /** The issue in the reader's words (lib/platform/field-words.ts); the schema's message by default. */
  text: (issue: I) => string = (i) => i.message,
): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of issues) fields[key(issue.path)] ??= text(issue);
  return fields;
}

/** What a form's server action returns to the form (useActionState). */
export type FormMessage = { ok?: string; error?: string; fieldErrors?: Record<string, string> };

/**
 * Any thrown error as form state: field errors from AppError details, a generic message for the
 * unknown. A module's own parse failure (a ZodError) gives its issues to `text`, so they read in
 * the reader's language; an AppError's details carry no issue code and are shown as sent.
 */
export function toFormState(err: unknown, text?: (issue: ZodError['issues'][number]) => string): FormMessage {
  if (err instanceof ZodError && text) return { ...toFormState(err), fieldErrors: fieldErrorsOf(err.issues, undefined, text) };
  const appError = reportError(err);
  const fields = Array.isArray(appError.details)
    ? Object.fromEntries(
        (appError.details as { path?: string; message?: string }[])
          .filter((d) => d.path && d.message)
          .map((d) => [d.path!, d.message!]),
      )
    : undefined;
  return { error: appError.message, ...(fields && Object.keys(fields).length > 0 && { fieldErrors: fields }) };
}
