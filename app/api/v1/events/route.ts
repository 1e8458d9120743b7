import { verifySessionToken, sessionTokenFrom, tenantRoute } from '@/lib/auth';
import { eventStream } from '@/lib/events';

/** Server-sent events: this tenant's domain events, live (reconnect with Last-Event-ID). */
export const GET = tenantRoute(
  async ({ ctx, req }) =>
    eventStream({
      tenantId: ctx.tenantId,
      lastEventId: req.headers.get('last-event-id') ?? req.nextUrl.searchParams.get('lastEventId'),
      signal: req.signal,
      stillAllowed: async () => (await verifySessionToken(sessionTokenFrom(req.cookies), ctx.tenantId)) !== null,
    }),
  { permission: 'register:use' },
);
