import { tenantRoute } from '@/lib/auth';
import { mergeOrder, mergeOrderSchema } from '@/lib/orders';
import { idParam } from '@/lib/platform/validation';

/** Merges another table's open tab (`{ orderId }`) into this one; that tab becomes `merged`. */
export const POST = tenantRoute(
  async ({ ctx, params, body }) => Response.json(await mergeOrder(ctx, idParam.parse(params.id), body)),
  { permission: 'order:create', body: mergeOrderSchema },
);
