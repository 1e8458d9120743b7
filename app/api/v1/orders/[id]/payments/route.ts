import { z } from 'zod';
import { tenantRoute } from '@/lib/auth';
import { PAYMENT_PENDING, payOrder, paymentInputSchema } from '@/lib/orders';
import { idParam } from '@/lib/platform/validation';

const bodySchema = z.intersection(paymentInputSchema, z.object({ shiftId: z.uuid().nullable().default(null) }));

/**
 * One tender: 201 with the payment and the order; 402 when declined; 503 when card payments
 * are down and nothing was charged; 202 with the payment `pending` (and `paymentError`
 * `payment_pending`) when the card service has not said yet whether the card was charged.
 */
export const POST = tenantRoute(
  async ({ ctx, params, body }) => {
    const id = idParam.parse(params.id);
    const { shiftId, ...tender } = body;
    const { payment, order } = await payOrder(ctx, id, tender, shiftId);
    if (payment.status === 'pending') return Response.json({ payment, order, paymentError: PAYMENT_PENDING }, { status: 202 });
    return Response.json({ payment, order }, { status: 201 });
  },
  { permission: 'order:create', body: bodySchema },
);
