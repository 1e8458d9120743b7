import { tenantRoute } from '@/lib/auth';
import { checkout, createOrderSchema, listOrders, listOrdersQuerySchema } from '@/lib/orders';

export const GET = tenantRoute(
  async ({ tenant, searchParams }) => Response.json(await listOrders(tenant.id, listOrdersQuerySchema.parse(Object.fromEntries(searchParams)))),
  { permission: 'order:read' },
);

/** Checkout (or park with `park: true`), then the tenders given, in order. */
export const POST = tenantRoute(
  async ({ tenant, user, json }) => {
    const { order, paymentError } = await checkout({ tenant, user }, createOrderSchema.parse(json()));
    return Response.json({ ...order, paymentError }, { status: 201, headers: { Location: `/api/v1/orders/${order.id}` } });
  },
  { permission: 'order:create' },
);
