import { tenantRoute } from '@/lib/auth';
import { voidOrder, voidOrderSchema } from '@/lib/orders';
import { idParam } from '@/lib/platform/validation';

/** Voids an unpaid order (stock goes back). Managers may; a cashier needs a manager's `approval`. */
export const POST = tenantRoute<{ id: string }>(
  async ({ ctx, params, json }) => Response.json(await voidOrder(ctx, idParam.parse(params.id), voidOrderSchema.parse(json()))),
  { permission: 'order:create' },
);
