import { tenantRoute } from '@/lib/auth';
import { cancelPurchaseOrder, emptyBodySchema, getPurchaseList } from '@/lib/inventory';
import { idParam } from '@/lib/platform/validation';

/** draft or sent → cancelled (`{}`), while nothing has arrived; otherwise 409. */
export const POST = tenantRoute(
  async ({ ctx, params }) => {
    const id = idParam.parse(params.id);
    await cancelPurchaseOrder(ctx, id);
    return Response.json(await getPurchaseList(ctx, id));
  },
  { permission: 'stock:write', body: emptyBodySchema },
);
