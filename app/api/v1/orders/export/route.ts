import { tenantRoute } from '@/lib/auth';
import { exportOrders, orderExportSchema } from '@/lib/orders';
import { csvResponse } from '@/lib/platform/csv';

/**
 * CSV of the orders a search finds, of their lines, or of their payments and refunds
 * (`?kind=orders|lines|payments` plus the search's filters: from, to, status, tender, staff,
 * table, location, min, max, number). Streamed page by page as the client reads it.
 */
export const GET = tenantRoute(
  async ({ ctx, searchParams }) => {
    const { filename, body } = await exportOrders(ctx, orderExportSchema.parse(Object.fromEntries(searchParams)));
    return csvResponse(body, filename);
  },
  { permission: 'reports:read' },
);
