import { tenantRoute } from '@/lib/auth';
import { checkout, createOrderSchema, listOrders, listOrdersQuerySchema } from '@/lib/orders';

export const GET = tenantRoute(
  async ({ ctx, searchParams }) => Response.json(await listOrders(ctx, listOrdersQuerySchema.parse(Object.fromEntries(searchParams)))),
  { permission: 'order:read' },
);

/** Checkout (or park with `park: true`), then the tenders given, in order. */
export const POST = tenantRoute(
  async ({ ctx, body, req }) => {
    const { order, paymentError } = await checkout(ctx, body, req.headers.get('idempotency-key'));
    return Response.json({ ...order, paymentError }, { status: 201, headers: { Location: `/api/v1/orders/${order.id}` } });
  },
  { permission: 'order:create', body: createOrderSchema },
);
