import { z } from 'zod';
import { tenantRoute } from '@/lib/auth';
import { refundOrder, refundOrderSchema } from '@/lib/orders';
import { idParam } from '@/lib/platform/validation';

const bodySchema = z.intersection(refundOrderSchema, z.object({ shiftId: z.uuid().nullable().default(null) }));

/**
 * Managers refund; a cashier's request needs `approval`. 201 when settled; 202 when a card
 * part still waits for the card service (nothing on the order has changed yet); 422 when the
 * card service refused it (nothing was refunded).
 */
export const POST = tenantRoute(
  async ({ ctx, params, body }) => {
    const id = idParam.parse(params.id);
    const { shiftId, ...input } = body;
    const { order, ...refund } = await refundOrder(ctx, id, input, shiftId);
    return Response.json({ refund, order }, { status: refund.status === 'pending' ? 202 : 201 });
  },
  { permission: 'order:create', body: bodySchema },
);
