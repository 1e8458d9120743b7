import { AsyncLocalStorage } from 'node:async_hooks';
import { REQUEST_ID_HEADER } from './headers';

/** Who and what a piece of work is for; every log line carries it (see logger.ts). */
export type RequestContext = {
  requestId: string;
  tenantId?: string;
  tenantSlug?: string;
  userId?: string;
  /** The API key a request was made with (api-keys.ts): every log line and audit row of it names the key. */
  apiKeyId?: string;
  apiKeyName?: string;
  /**
   * Where the request came from, set where requests enter (tenantRoute, staffAction/staffRead,
   * next-auth's route) so the audit log records it without every caller passing it. Not put on
   * log lines (logger.ts leaves it out): the audit row is where it is kept.
   */
  client?: RequestClient;
};

/** The client's address and device (its User-Agent, cut to a sane length). */
export type RequestClient = { ip: string | null; userAgent: string | null };

const storage = new AsyncLocalStorage<RequestContext>();

export function runWithContext<T>(ctx: RequestContext, fn: () => T): T {
  return storage.run(ctx, fn);
}

export function currentContext(): RequestContext | undefined {
  return storage.getStore();
}

/** Runs `fn` with no request context (work that merely started during a request; tracing.ts `detached`). */
export function outsideContext<T>(fn: () => T): T {
  return storage.exit(fn);
}

/** Adds fields (e.g. the user once the session is read) to the running context. */
export function annotateContext(fields: Partial<RequestContext>): void {
  const ctx = storage.getStore();
  if (ctx) Object.assign(ctx, fields);
}

/** The request id proxy.ts set on the request, or a new one where no proxy ran. */
export function requestIdFrom(headers: Headers): string {
  return headers.get(REQUEST_ID_HEADER) ?? crypto.randomUUID();
}

/** The context a request enters with (tenantRoute, staffAction/staffRead, next-auth's route): its id, address and device. */
export function requestContextFrom(headers: Headers): RequestContext {
  return { requestId: requestIdFrom(headers), client: clientOf(headers) };
}

/**
 * The client's address: the first hop of X-Forwarded-For (what the platform's proxy says the
 * client was), else X-Real-IP. Only as trustworthy as the proxy in front: it must overwrite,
 * not append to, a client-sent X-Forwarded-For (Vercel does; nginx: set it to $remote_addr).
 */
export function clientIp(headers: Headers | Record<string, unknown> | undefined): string | null {
  const first = header(headers, 'x-forwarded-for')?.split(',')[0]?.trim() || header(headers, 'x-real-ip')?.trim();
  return first ? first.slice(0, 64) : null;
}

/** Who is on the other end of a request: address and User-Agent (at most 512 characters). */
export function clientOf(headers: Headers | Record<string, unknown> | undefined): RequestClient {
  return { ip: clientIp(headers), userAgent: header(headers, 'user-agent')?.slice(0, 512) || null };
}

function header(headers: Headers | Record<string, unknown> | undefined, name: string): string | null {
  const value = headers instanceof Headers ? headers.get(name) : headers?.[name];
  return typeof value === 'string' ? value : null;
}
