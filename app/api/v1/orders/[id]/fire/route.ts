import { tenantRoute } from '@/lib/auth';
import { fireOrder, fireOrderSchema } from '@/lib/orders';
import { idParam } from '@/lib/platform/validation';

/** Send an open tab to the kitchen without checking out (`{}`), or fire a held course (`{ course: 2 }`). */
export const POST = tenantRoute<{ id: string }>(
  async ({ ctx, params, json }) => Response.json(await fireOrder(ctx, idParam.parse(params.id), fireOrderSchema.parse(json()))),
  { permission: 'order:create' },
);
