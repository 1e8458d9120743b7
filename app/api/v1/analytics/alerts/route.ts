import { alerts } from '@/lib/analytics';
import { tenantRoute } from '@/lib/auth';

/** The dashboard's alerts for `?date=` (a business date, default today) and `&locationId=`. */
export const GET = tenantRoute(
  async ({ ctx, searchParams }) => Response.json({ currency: ctx.tenant.currency, alerts: await alerts(ctx, Object.fromEntries(searchParams)) }),
  { permission: 'reports:read' },
);
