import { ZodError } from 'zod';
import type { Messages } from './i18n';
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

/**
 * What an error says, as a catalogue key and its values, so a form can show it in the reader's
 * language (lib/platform/field-words.ts › formWords). The API's body never carries it: `/api/v1`
 * answers the English `message` as before (docs/i18n.md › Errors on forms).
 */
export type Words<K extends string> = { key: K; values?: Record<string, string | number> };
/** A refusal's sentence (namespace `apiErrors`, which the register's api-errors.ts shares). */
export type ErrorWords = Words<keyof Messages['apiErrors'] & string>;
/** A field's message (namespace `fieldErrors`, as the zod issues' words). */
export type FieldWords = Words<keyof Messages['fieldErrors'] & string>;

export type AppErrorOptions = {
  headers?: Record<string, string>;
  /** The message's words; without them a form shows the English message as sent. */
  words?: ErrorWords;
  /** The words of a `details` entry's message, by its `path`. */
  fieldWords?: Record<string, FieldWords>;
};

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details?: unknown;
  /** Headers the answer carries (a 429's `Retry-After` and `RateLimit-*`). */
  readonly headers?: Readonly<Record<string, string>>;
  readonly words?: ErrorWords;
  readonly fieldWords?: Readonly<Record<string, FieldWords>>;

  constructor(code: ErrorCode, message: string, details?: unknown, options: AppErrorOptions = {}) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
    if (options.headers) this.headers = options.headers;
    if (options.words) this.words = options.words;
    if (options.fieldWords) this.fieldWords = options.fieldWords;
  }

  get status(): number {
    return errorStatus[this.code];
  }
}

/** `what` is English ("Product"); a form in another language says "no longer here, reload" (`gone`). */
export const notFound = (what: string) => new AppError('not_found', `${what} not found`, undefined, { words: { key: 'gone' } });

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

/** A unique name clash as the catalog's two stores both report it: `what` is English ("category"). */
export const nameTaken = (what: string) =>
  new AppError('conflict', `A ${what} with this name already exists`, [{ path: 'name', message: 'Already in use' }], {
    words: { key: 'nameTaken' },
    fieldWords: { name: { key: 'inUse' } },
  });

/**
 * For `.catch()` on a write to a table with a unique name per tenant: the clash becomes a 409
 * on the `name` field; anything else is rethrown.
 */
export const duplicateName =
  (what: string) =>
  (err: unknown): never => {
    if (pgErrorCode(err) === '23505') throw nameTaken(what);
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
  if (isRedisUnreachable(err)) return new AppError('unavailable', 'A service the app needs is not answering right now. Try again in a moment.', undefined, { words: { key: 'serviceDown' } });
  if (isDatabaseUnreachable(err)) return new AppError('unavailable', 'The database is not answering right now. Try again in a moment.', undefined, { words: { key: 'databaseDown' } });
  switch (pgErrorCode(err)) {
    case '23505':
      return new AppError('conflict', 'A record with the same unique value already exists', undefined, { words: { key: 'duplicateValue' } });
    case '23503':
      return new AppError('unprocessable', 'A referenced record does not exist', undefined, { words: { key: 'gone' } });
    // A NUL in text (22021) or in JSON (22P05): Postgres cannot store it, whatever the field.
    case '22021':
    case '22P05':
      return new AppError('unprocessable', 'Text may not contain the NUL character (\\u0000)', undefined, { words: { key: 'nulCharacter' } });
    // The last net under the limits the modules check (an order's total, a drawer): a number the column cannot hold.
    case '22003':
      return new AppError('unprocessable', 'A number in the request is too large to record', undefined, { words: { key: 'numberTooLarge' } });
    case '40001':
    case '40P01':
      return new AppError('conflict', 'The request conflicted with another one; retry it', undefined, { words: { key: 'retry' } });
  }
  return new AppError('internal', 'Something went wrong on our side', undefined, { words: { key: 'ourSide' } });
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
 * How a form says an error in its reader's language (field-words.ts › formWords builds it for a
 * locale; without it, the English of the error as sent).
 */
export type FormSay = {
  /** A zod issue's field message. */
  issue: (issue: ZodError['issues'][number]) => string;
  /** A refusal's summary line: its words, else its message as sent. */
  error: (err: AppError) => string;
  /** A details entry's message: its words, else as sent. */
  field: (message: string, words: FieldWords | undefined) => string;
  /** The summary line of a validation failure ("Check the highlighted fields."). */
  checkFields: () => string;
};

const asSent: FormSay = {
  issue: (i) => i.message,
  error: (e) => e.message,
  field: (m) => m,
  checkFields: () => '',
};

/**
 * Any thrown error as form state: field errors from AppError details, a generic message for the
 * unknown. With `say` (the reader's language), a module's parse failure (a ZodError) reads by its
 * issues' codes under "Check the highlighted fields.", and an AppError by its words.
 */
export function toFormState(err: unknown, say?: FormSay): FormMessage {
  if (err instanceof ZodError && say) return { error: say.checkFields(), fieldErrors: fieldErrorsOf(err.issues, undefined, say.issue) };
  const appError = reportError(err);
  const words = say ?? asSent;
  const fields = Array.isArray(appError.details)
    ? Object.fromEntries(
        (appError.details as { path?: string; message?: string }[])
          .filter((d) => d.path && d.message)
          .map((d) => [d.path!, words.field(d.message!, appError.fieldWords?.[d.path!])]),
      )
    : undefined;
  return { error: words.error(appError), ...(fields && Object.keys(fields).length > 0 && { fieldErrors: fields }) };
}
