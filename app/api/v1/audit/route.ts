import { listAuditEvents, parseAuditFilter, tenantRoute } from '@/lib/auth';

/** The audit log, newest first: `?action=&actor=&from=&to=&before=&after=&limit=` (an unknown one is a 400). */
export const GET = tenantRoute(async ({ ctx, searchParams }) => Response.json(await listAuditEvents(ctx, parseAuditFilter(searchParams))), {
  permission: 'audit:read',
});
