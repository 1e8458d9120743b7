import { dashboard } from '@/lib/analytics';
import { tenantRoute } from '@/lib/auth';

/** The /admin home's figures in one read: `?from=&to=` (business dates, default today) and `&locationId=`. */
export const GET = tenantRoute(
  async ({ ctx, searchParams }) => Response.json(await dashboard(ctx, Object.fromEntries(searchParams))),
  { permission: 'reports:read' },
);
