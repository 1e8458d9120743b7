import { verifySessionToken, sessionTokenFrom, tenantRoute } from '@/lib/auth';
import { eventStream } from '@/lib/events';

/** Server-sent events: this tenant's domain events, live (reconnect with Last-Event-ID). */
export const GET = tenantRoute(
  async ({ req, tenant }) =>
    eventStream({
      tenantId: tenant.id,
      lastEventId: req.headers.get('last-event-id') ?? req.nextUrl.searchParams.get('lastEventId'),
      signal: req.signal,
      stillAllowed: async () => (await verifySessionToken(sessionTokenFrom(req.cookies), tenant.id)) !== null,
    }),
  { permission: 'register:use' },
);
