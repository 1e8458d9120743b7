import { tenantRoute } from '@/lib/auth';
import { fireOrder, fireOrderSchema } from '@/lib/orders';
import { idParam } from '@/lib/platform/validation';

/** Send an open tab to the kitchen without checking out (`{}`), or fire a held course (`{ course: 2 }`). */
export const POST = tenantRoute(
  async ({ ctx, params, body }) => Response.json(await fireOrder(ctx, idParam.parse(params.id), body)),
  { permission: 'order:create', body: fireOrderSchema },
);
