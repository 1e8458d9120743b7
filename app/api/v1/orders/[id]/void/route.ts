import { tenantRoute } from '@/lib/auth';
import { getOrder, voidOrder, voidOrderSchema } from '@/lib/orders';
import { idParam } from '@/lib/platform/validation';

/** Voids an unpaid order (stock goes back). Managers may; a cashier needs a manager's `approval`. */
export const POST = tenantRoute<{ id: string }>(
  async ({ ctx, params, json }) => {
    const id = idParam.parse(params.id);
    await voidOrder(ctx, id, voidOrderSchema.parse(json()));
    return Response.json(await getOrder(ctx, id));
  },
  { permission: 'order:create' },
);
