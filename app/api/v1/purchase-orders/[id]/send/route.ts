import { tenantRoute } from '@/lib/auth';
import { emptyBodySchema, getPurchaseList, sendPurchaseOrder } from '@/lib/inventory';
import { idParam } from '@/lib/platform/validation';

/** draft → sent (`{}`); any other state is a 409. */
export const POST = tenantRoute(
  async ({ ctx, params }) => {
    const id = idParam.parse(params.id);
    await sendPurchaseOrder(ctx, id);
    return Response.json(await getPurchaseList(ctx, id));
  },
  { permission: 'stock:write', body: emptyBodySchema },
);
