import { tenantRoute } from '@/lib/auth';
import { getPurchaseList, purchaseOrderReceiptSchema, receivePurchaseOrder } from '@/lib/inventory';
import { idParam } from '@/lib/platform/validation';

/**
 * Goods of a sent order arrived: `lines` (some items or quantities; the rest stays open), or
 * everything still open without them. Books one stock receipt at the lines' unit costs. 409 for
 * an order that is not sent (a draft, cancelled or received one).
 */
export const POST = tenantRoute(
  async ({ ctx, params, body }) => {
    const id = idParam.parse(params.id);
    const { receiptId } = await receivePurchaseOrder(ctx, id, body);
    return Response.json({ receiptId, order: await getPurchaseList(ctx, id) }, { status: 201 });
  },
  { permission: 'stock:write', body: purchaseOrderReceiptSchema },
);
