import { tenantRoute } from '@/lib/auth/tenant-route';
import { quoteOrder } from '@/lib/orders/quote';
import { updateOrderSchema } from '@/lib/orders';
import { getTenantSettings } from '@/lib/tenancy/settings';

/**
 * Prices a cart without saving anything: the register shows these server totals, then sends
 * `expectedTotal` with the checkout. Errors are the checkout's (items, options, discounts).
 */
export const POST = tenantRoute(
  async ({ tenant, user, json }) => {
    const input = updateOrderSchema.parse(json());
    const quote = await quoteOrder({ tenantId: tenant.id, userId: user.userId, role: user.role }, input, await getTenantSettings(tenant.id));
    return Response.json(quote);
  },
  { permission: 'order:create' },
);
