import { exportReport } from '@/lib/analytics';
import { tenantRoute } from '@/lib/auth';
import { csvResponse } from '@/lib/platform/csv';

/**
 * A report as CSV, streamed: `?from=&to=&locationId=` (and `by` for the item and category lists,
 * which export every row; `sheet` for a report's other tables, e.g. refunds-and-voids' `voids`).
 * Columns and rows are the /admin/reports page's (lib/analytics report-tables.ts).
 */
export const GET = tenantRoute<{ name: string }>(
  async ({ ctx, params, searchParams }) => {
    const { filename, body } = await exportReport(ctx, params.name, Object.fromEntries(searchParams));
    return csvResponse(body, filename);
  },
  { permission: 'reports:read' },
);
