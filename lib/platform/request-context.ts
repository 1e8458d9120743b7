import { AsyncLocalStorage } from 'node:async_hooks';

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
