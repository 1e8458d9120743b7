import { hoursRangeSchema, hoursSheet, hoursSheetCsv, tenantRoute } from '@/lib/auth';
import { csvResponse } from '@/lib/platform/csv';

/** Hours per person per business day (`?from=YYYY-MM-DD&to=YYYY-MM-DD`, up to 62 days) as CSV, for payroll. */
export const GET = tenantRoute(
  async ({ ctx, searchParams }) => {
    const { from, to } = hoursRangeSchema.parse(Object.fromEntries(searchParams));
    return csvResponse(`\uFEFF${hoursSheetCsv(await hoursSheet(ctx, from, to))}\r\n`, `hours-${from}-${to}.csv`);
  },
  { permission: 'timeclock:manage' },
);
