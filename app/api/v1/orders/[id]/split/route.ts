import { tenantRoute } from '@/lib/auth';
import { clearSplit, splitOrder, splitPlanSchema } from '@/lib/orders';
import { idParam } from '@/lib/platform/validation';

/**
 * The split bill of an unpaid order: PUT creates or replaces the plan (by item, by seat, equal
 * shares; parts with money on them must stay as they are, else 409), DELETE takes it off (409
 * once a part has money). Both answer the order with its `parts`; a part is paid through
 * POST …/payments with its `partId`.
 */
export const PUT = tenantRoute(
  async ({ ctx, params, body }) => Response.json(await splitOrder(ctx, idParam.parse(params.id), body)),
  { permission: 'order:create', body: splitPlanSchema },
);

export const DELETE = tenantRoute(async ({ ctx, params }) => Response.json(await clearSplit(ctx, idParam.parse(params.id))), {
  permission: 'order:create',
});
