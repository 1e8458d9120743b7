import { tenantRoute } from '@/lib/auth';
import { getOrder, placeOrder } from '@/lib/orders';
import { idParam } from '@/lib/platform/validation';

/** Checks out an open order: its items leave stock and it waits for payment. */
export const POST = tenantRoute<{ id: string }>(
  async ({ ctx, params }) => {
    const id = idParam.parse(params.id);
    await placeOrder(ctx, id);
    return Response.json(await getOrder(ctx, id));
  },
  { permission: 'order:create' },
);
