import { tenantRoute } from '@/lib/auth';
import { createPurchaseOrder, listPurchaseLists, purchaseOrderInputSchema } from '@/lib/inventory';

export const GET = tenantRoute(async ({ ctx }) => Response.json({ data: await listPurchaseLists(ctx) }), { permission: 'stock:read' });

/** A draft purchase order: location, supplier (optional), lines with quantity and unit cost. */
export const POST = tenantRoute(
  async ({ ctx, body }) => {
    const order = await createPurchaseOrder(ctx, body);
    return Response.json(order, { status: 201, headers: { Location: `/api/v1/purchase-orders/${order.id}` } });
  },
  { permission: 'stock:write', body: purchaseOrderInputSchema },
);
