import { tenantRoute } from '@/lib/auth';
import { recheckCardPayments } from '@/lib/orders';
import { idParam } from '@/lib/platform/validation';

/**
 * "Check again" for a card the card service has not confirmed: asks it now and answers the
 * order as it then is (its card still `pending` while the answer is not definitive). Each call
 * asks afresh, so the register sends it without an Idempotency-Key.
 */
export const POST = tenantRoute(
  async ({ ctx, params }) => Response.json(await recheckCardPayments(ctx, idParam.parse(params.id))),
  { permission: 'order:create' },
);
