import { tenantRoute } from '@/lib/auth';
import { getOrder, updateOpenOrder, updateOrderSchema } from '@/lib/orders';
import { idParam } from '@/lib/platform/validation';


export const GET = tenantRoute(async ({ ctx, params }) => Response.json(await getOrder(ctx, idParam.parse(params.id))), {
  permission: 'order:read',
});

/** Replaces the contents of an open (parked) order or tab. */
export const PUT = tenantRoute(
  async ({ ctx, params, body }) => Response.json(await updateOpenOrder(ctx, idParam.parse(params.id), body)),
  { permission: 'order:create', body: updateOrderSchema },
);
