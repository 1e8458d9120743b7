import { tenantRoute } from '@/lib/auth';
import { voidOrder, voidOrderSchema } from '@/lib/orders';
import { idParam } from '@/lib/platform/validation';

/** Voids an unpaid order (stock goes back). Managers may; a cashier needs a manager's `approval`. */
export const POST = tenantRoute(
  async ({ ctx, params, body }) => Response.json(await voidOrder(ctx, idParam.parse(params.id), body)),
  { permission: 'order:create', body: voidOrderSchema },
);
