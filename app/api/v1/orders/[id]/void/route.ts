import { tenantRoute } from '@/lib/auth';
import { getOrder, voidOrder, voidOrderSchema } from '@/lib/orders';
import { idParam } from '@/lib/platform/validation';

/** Voids an unpaid order (stock goes back). Managers may; a cashier needs a manager's `approval`. */
export const POST = tenantRoute<{ id: string }>(
  async ({ tenant, user, params, json }) => {
    const id = idParam.parse(params.id);
    await voidOrder({ tenant, user }, id, voidOrderSchema.parse(json()));
    return Response.json(await getOrder(tenant.id, id));
  },
  { permission: 'order:create' },
);
