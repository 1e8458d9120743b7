import { tenantRoute } from '@/lib/auth';
import { cancelTab, cancelTabSchema } from '@/lib/orders';
import { idParam } from '@/lib/platform/validation';

/** Cancels a table's tab the kitchen has nothing of (`{}`): `cancelled`, not a void; the table frees. Any staff member may. */
export const POST = tenantRoute(async ({ ctx, params }) => Response.json(await cancelTab(ctx, idParam.parse(params.id))), {
  permission: 'order:create',
  body: cancelTabSchema,
});
