import { tenantRoute } from '@/lib/auth';
import { receiveStock, receiptInputSchema } from '@/lib/inventory';

export const POST = tenantRoute(
  async ({ user, json }) => Response.json(await receiveStock(user, receiptInputSchema.parse(json())), { status: 201 }),
  { permission: 'stock:write' },
);
