import { tenantRoute } from '@/lib/auth';
import { quoteOrder, quoteOrderSchema } from '@/lib/orders';

/**
 * Prices a cart without saving anything: the register shows these server totals, then sends
 * `expectedTotal` with the checkout. Errors are the checkout's (items, options, discounts).
 * A discount over the limit takes an approval token (POST /api/v1/approvals), never a PIN.
 */
export const POST = tenantRoute(async ({ ctx, body }) => Response.json(await quoteOrder(ctx, body)), { permission: 'order:create', body: quoteOrderSchema,
});
