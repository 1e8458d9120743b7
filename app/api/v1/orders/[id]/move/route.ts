import { tenantRoute } from '@/lib/auth';
import { moveOrder, moveOrderSchema } from '@/lib/orders';
import { idParam } from '@/lib/platform/validation';

/** Moves an unpaid dine-in order to a free table (the old table is freed). Any staff member may. */
export const POST = tenantRoute<{ id: string }>(
  async ({ ctx, params, json }) => Response.json(await moveOrder(ctx, idParam.parse(params.id), moveOrderSchema.parse(json()))),
  { permission: 'order:create' },
);
