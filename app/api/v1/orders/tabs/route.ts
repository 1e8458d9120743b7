import { tenantRoute } from '@/lib/auth';
import { openTabs, startTab, startTabSchema } from '@/lib/orders';

/** Each table's open tab (number, total, since when). */
export const GET = tenantRoute(async ({ ctx }) => Response.json({ data: await openTabs(ctx) }), { permission: 'order:read' });

/** Seat & start: an empty dine-in tab on a table; 409 when the table has one already. */
export const POST = tenantRoute(
  async ({ ctx, body }) => {
    const order = await startTab(ctx, body);
    return Response.json(order, { status: 201, headers: { Location: `/api/v1/orders/${order.id}` } });
  },
  { permission: 'order:create', body: startTabSchema },
);
