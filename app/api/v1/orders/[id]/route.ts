import { tenantRoute } from '@/lib/auth';
import { getOrder, updateOpenOrder, updateOrderSchema } from '@/lib/orders';
import { idParam } from '@/lib/platform/validation';

type P = { id: string };

export const GET = tenantRoute<P>(async ({ tenant, params }) => Response.json(await getOrder(tenant.id, idParam.parse(params.id))), {
  permission: 'order:read',
});

/** Replaces the contents of an open (parked) order or tab. */
export const PUT = tenantRoute<P>(
  async ({ tenant, user, params, json }) => {
    const id = idParam.parse(params.id);
    await updateOpenOrder({ tenant, user }, id, updateOrderSchema.parse(json()));
    return Response.json(await getOrder(tenant.id, id));
  },
  { permission: 'order:create' },
);
