import { report } from '@/lib/analytics';
import { tenantRoute } from '@/lib/auth';

/**
 * One report by name (lib/analytics REPORT_NAMES: sales-summary, top-products, refunds-and-voids …),
 * with `?from=&to=&locationId=` (and `by`, `limit` for the top lists).
 */
export const GET = tenantRoute<{ name: string }>(
  async ({ ctx, params, searchParams }) => Response.json(await report(ctx, params.name, Object.fromEntries(searchParams))),
  { permission: 'reports:read' },
);
