import { tenantRoute } from '@/lib/auth';
import { receiveStock, receiptInputSchema } from '@/lib/inventory';

export const POST = tenantRoute(
  async ({ ctx, json }) => Response.json(await receiveStock(ctx, receiptInputSchema.parse(json())), { status: 201 }),
  { permission: 'stock:write' },
);
