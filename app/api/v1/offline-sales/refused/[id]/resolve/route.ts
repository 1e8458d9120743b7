import { tenantRoute } from '@/lib/auth';
import { resolveRefusedSale, resolveRefusedSaleSchema } from '@/lib/orders';
import { idParam } from '@/lib/platform/validation';

/** A manager re-rings a refused offline sale as a normal sale, or writes it off with a reason (audited). */
export const POST = tenantRoute(
  async ({ ctx, params, body }) => Response.json(await resolveRefusedSale(ctx, idParam.parse(params.id), body)),
  { permission: 'offline:resolve', body: resolveRefusedSaleSchema },
);
