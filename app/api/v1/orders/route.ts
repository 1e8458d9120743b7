import { tenantRoute } from '@/lib/auth/tenant-route';
import { createOrder, createOrderSchema, getOrder, listOrders, listOrdersQuerySchema } from '@/lib/orders';
import { takePayments } from '@/lib/orders/routes';

export const GET = tenantRoute(
  async ({ tenant, searchParams }) => Response.json(await listOrders(tenant.id, listOrdersQuerySchema.parse(Object.fromEntries(searchParams)))),
  { permission: 'order:read' },
);

/** Checkout (or park with `park: true`), then the tenders given, in order. */
export const POST = tenantRoute(
  async ({ tenant, user, json }) => {
    const input = createOrderSchema.parse(json());
    const ctx = { tenant, user };
    const orderId = await createOrder(ctx, input);
    const { paymentError } = await takePayments(ctx, orderId, input.payments, input.shiftId);
    const order = await getOrder(tenant.id, orderId);
    return Response.json({ ...order, paymentError }, { status: 201, headers: { Location: `/api/v1/orders/${orderId}` } });
  },
  { permission: 'order:create' },
);
