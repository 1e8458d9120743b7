/**
 * The register's fetch wrapper for /api/v1 (same origin: the session cookie goes along).
 *
 * - Every mutation carries an `Idempotency-Key`. The caller makes one key per user action
 *   (newActionKey) and passes the SAME key when the person retries that action after a
 *   network error; the server then replays the first answer instead of charging twice.
 * - Network errors, time-outs and "still in progress" answers are retried here a couple of
 *   times with that same key.
 * - Errors come back in one shape: { status, code, message, details: [{ path, message }] }.
 */
import { reportReachable } from './connection';

export type ApiErrorDetail = { path: string; message: string };
export type ApiError = { status: number; code: string; message: string; details: ApiErrorDetail[]; raw?: unknown };
export type ApiResult<T> = { ok: true; status: number; data: T } | { ok: false; error: ApiError };

type Options = {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  /**
   * For mutations: one per user action, reused when retrying that action (a fresh one when
   * omitted). `null` for a POST that changes nothing (the quote), so it stores no key.
   */
  key?: string | null;
  timeoutMs?: number;
  /** How many times a network failure / time-out is retried (same key). */
  retries?: number;
  signal?: AbortSignal;
};

/** A fresh key for one user action (a random UUID v4, also outside secure contexts). */
export function newActionKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

const NETWORK_MESSAGE = 'No answer from the server. Check the connection and try again — it is safe to retry.';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function errorFrom(status: number, body: unknown): ApiError {
  const error = (body as { error?: { code?: unknown; message?: unknown; details?: unknown } } | null)?.error;
  const details = Array.isArray(error?.details)
    ? (error.details as unknown[]).flatMap((d) => {
        const item = d as { path?: unknown; message?: unknown };
        return typeof item?.path === 'string' && typeof item.message === 'string' ? [{ path: item.path, message: item.message }] : [];
      })
    : [];
  return {
    status,
    code: typeof error?.code === 'string' ? error.code : status === 0 ? 'network' : 'error',
    message: typeof error?.message === 'string' ? error.message : `The server answered ${status}.`,
    details,
    raw: error?.details,
  };
}

const retryable = (status: number, body: unknown) =>
  status === 502 ||
  status === 504 ||
  (status === 409 && /Idempotency-Key.*(in progress|changed state)/i.test(String((body as { error?: { message?: string } })?.error?.message ?? '')));

export async function api<T>(path: string, options: Options = {}): Promise<ApiResult<T>> {
  const method = options.method ?? 'GET';
  const mutation = method !== 'GET';
  const key = mutation && options.key !== null ? (options.key ?? newActionKey()) : undefined;
  const attempts = 1 + (options.retries ?? 2);
  let last: ApiError = { status: 0, code: 'network', message: NETWORK_MESSAGE, details: [] };

  for (let attempt = 0; attempt < attempts; attempt++) {
    if (attempt > 0) await sleep(500 * attempt);
    if (options.signal?.aborted) return { ok: false, error: { status: 0, code: 'aborted', message: 'Cancelled', details: [] } };
    const timeout = new AbortController();
    const timer = setTimeout(() => timeout.abort(), options.timeoutMs ?? 20_000);
    const onAbort = () => timeout.abort();
    options.signal?.addEventListener('abort', onAbort);
    try {
      const res = await fetch(path, {
        method,
        credentials: 'same-origin',
        cache: 'no-store',
        headers: {
          accept: 'application/json',
          ...(options.body !== undefined && { 'content-type': 'application/json' }),
          ...(key && { 'idempotency-key': key }),
        },
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        signal: timeout.signal,
      });
      // Every answer tells the register whether its server is there (connection.ts): no extra request.
      // An answer the service worker gave from its cache (service-worker/sw.ts) says nothing of the server.
      if (!res.headers.has('x-tillwise-from-cache')) reportReachable(res.status !== 502 && res.status !== 504);
      const text = await res.text();
      let body: unknown = null;
      try {
        body = text ? JSON.parse(text) : null;
      } catch {
        body = null;
      }
      if (res.ok) return { ok: true, status: res.status, data: body as T };
      last = errorFrom(res.status, body);
      if (!retryable(res.status, body)) return { ok: false, error: last };
    } catch {
      if (options.signal?.aborted) return { ok: false, error: { status: 0, code: 'aborted', message: 'Cancelled', details: [] } };
      last = { status: 0, code: 'network', message: NETWORK_MESSAGE, details: [] };
      reportReachable(false);
    } finally {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
    }
  }
  return { ok: false, error: last };
}

/** Messages of details whose path is `prefix` or starts with `prefix.`. */
export const detailsAt = (error: ApiError | null | undefined, prefix: string) =>
  (error?.details ?? []).filter((d) => d.path === prefix || d.path.startsWith(`${prefix}.`));

/** Details that name a cart line (`lines.2.modifierOptionIds`), by line index. */
export function lineErrors(error: ApiError | null | undefined): Map<number, string[]> {
  const byLine = new Map<number, string[]>();
  for (const d of error?.details ?? []) {
    const match = /^lines\.(\d+)(\.|$)/.exec(d.path);
    if (!match) continue;
    const i = Number(match[1]);
    byLine.set(i, [...(byLine.get(i) ?? []), d.message]);
  }
  return byLine;
}

/**
 * True when the server wants a manager's PIN for this (403 with details path `approval`, or the
 * field named: `voidApproval` for taking off what the kitchen already has).
 */
export const needsApproval = (error: ApiError | null | undefined, field: 'approval' | 'voidApproval' = 'approval') =>
  error?.status === 403 && detailsAt(error, field).length > 0;
