import { tenantRoute } from '@/lib/auth';
import { moveOrder, moveOrderSchema } from '@/lib/orders';
import { idParam } from '@/lib/platform/validation';

/** Moves an unpaid dine-in order to a free table (the old table is freed). Any staff member may. */
export const POST = tenantRoute(
  async ({ ctx, params, body }) => Response.json(await moveOrder(ctx, idParam.parse(params.id), body)),
  { permission: 'order:create', body: moveOrderSchema },
);
