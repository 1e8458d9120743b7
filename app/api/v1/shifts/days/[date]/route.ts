import { tenantRoute } from '@/lib/auth';
import { shiftDaySchema, shiftsOfDay } from '@/lib/orders';

/**
 * The shifts opened on a business day, each with its Z report (an open one's X report so far),
 * and the day's totals: the admin's shift history (Admin › Shifts), for the same permission.
 */
export const GET = tenantRoute(
  async ({ ctx, params }) => {
    const { date } = shiftDaySchema.parse(params);
    return Response.json({ date, ...(await shiftsOfDay(ctx, date)) });
  },
  { permission: 'reports:read' },
);
