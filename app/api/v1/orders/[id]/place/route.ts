import { tenantRoute } from '@/lib/auth';
import { placeOrder } from '@/lib/orders';
import { idParam } from '@/lib/platform/validation';

/** Checks out an open order: its items leave stock and it waits for payment. */
export const POST = tenantRoute(async ({ ctx, params }) => Response.json(await placeOrder(ctx, idParam.parse(params.id))), {
  permission: 'order:create',
});
