import { dashboard } from '@/lib/analytics';
import { tenantRoute } from '@/lib/auth';

/** The /admin home's figures in one read: `?from=&to=` (business dates, default today) and `&locationId=`. */
export const GET = tenantRoute(
  async ({ tenant, user, searchParams }) => Response.json(await dashboard({ ...user, tenant }, Object.fromEntries(searchParams))),
  { permission: 'reports:read' },
);
