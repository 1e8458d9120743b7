import { tenantRoute } from '@/lib/auth';
import { createCustomer, customerInputSchema, customerSearchQuery, searchCustomers } from '@/lib/customers';

/** GET ?q= finds customers by phone (any digits of it) or name (any part); no q lists them all, by name. */
export const GET = tenantRoute(
  async ({ ctx, searchParams }) => Response.json(await searchCustomers(ctx, customerSearchQuery.parse(Object.fromEntries(searchParams)))),
  { permission: 'customer:read' },
);

export const POST = tenantRoute(
  async ({ ctx, body }) => {
    const customer = await createCustomer(ctx, body);
    return Response.json(customer, { status: 201, headers: { Location: `/api/v1/customers/${customer.id}` } });
  },
  { permission: 'customer:write', body: customerInputSchema },
);
