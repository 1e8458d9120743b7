import { tenantRoute } from '@/lib/auth';
import { getOrder, updateOpenOrder, updateOrderSchema } from '@/lib/orders';
import { idParam } from '@/lib/platform/validation';

type P = { id: string };

export const GET = tenantRoute<P>(async ({ ctx, params }) => Response.json(await getOrder(ctx, idParam.parse(params.id))), {
  permission: 'order:read',
});

/** Replaces the contents of an open (parked) order or tab. */
export const PUT = tenantRoute<P>(
  async ({ ctx, params, json }) => Response.json(await updateOpenOrder(ctx, idParam.parse(params.id), updateOrderSchema.parse(json()))),
  { permission: 'order:create' },
);
