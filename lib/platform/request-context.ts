import { AsyncLocalStorage } from 'node:async_hooks';
import { REQUEST_ID_HEADER } from './headers';

/** Who and what a piece of work is for; every log line carries it (see logger.ts). */
export type RequestContext = {
  requestId: string;
  tenantId?: string;
  tenantSlug?: string;
  userId?: string;
};

const storage = new AsyncLocalStorage<RequestContext>();

export function runWithContext<T>(ctx: RequestContext, fn: () => T): T {
  return storage.run(ctx, fn);
}

export function currentContext(): RequestContext | undefined {
  return storage.getStore();
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
