import { tenantRoute } from '@/lib/auth';
import { eraseCustomerSchema } from '@/lib/customers';
import { eraseCustomer } from '@/lib/orders';
import { idParam } from '@/lib/platform/validation';

/** Erases the customer's personal data for good (owner only; body `{ "confirm": "ERASE" }`; audited). Their orders stay, anonymous. */
export const POST = tenantRoute(async ({ ctx, params }) => Response.json(await eraseCustomer(ctx, idParam.parse(params.id))), {
  permission: 'customer:privacy',
  body: eraseCustomerSchema,
});
