import { tenantRoute } from '@/lib/auth/tenant-route';
import { quoteOrder } from '@/lib/orders/quote';
import { updateOrderSchema } from '@/lib/orders';
import { getTenantSettings } from '@/lib/tenancy/settings';

/**
 * Prices a cart without saving anything: the register shows these server totals, then sends
 * `expectedTotal` with the checkout. Errors are the checkout's (items, options, discounts).
 * A discount over the limit takes an approval token (POST /api/v1/approvals), never a PIN.
 */
export const POST = tenantRoute(
  async ({ tenant, user, json }) => {
    const input = updateOrderSchema.parse(json());
    return Response.json(await quoteOrder(user, input, await getTenantSettings(tenant.id)));
  },
  { permission: 'order:create' },
);
