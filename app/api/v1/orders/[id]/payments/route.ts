import { z } from 'zod';
import { tenantRoute } from '@/lib/auth/tenant-route';
import { getOrder, payOrder, paymentInputSchema } from '@/lib/orders';
import { orderIdSchema } from '@/lib/orders/routes';

const bodySchema = z.intersection(paymentInputSchema, z.object({ shiftId: z.uuid().nullable().default(null) }));

/** One tender: 201 with the payment and the order; 402 when declined; 503 when card payments are down. */
export const POST = tenantRoute<{ id: string }>(
  async ({ tenant, user, params, json }) => {
    const id = orderIdSchema.parse(params.id);
    const { shiftId, ...tender } = bodySchema.parse(json());
    const { payment } = await payOrder({ tenant, user }, id, tender, shiftId);
    return Response.json({ payment, order: await getOrder(tenant.id, id) }, { status: 201 });
  },
  { permission: 'order:create' },
);
