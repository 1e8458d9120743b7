import { tenantRoute } from '@/lib/auth';
import { receiveStock, receiptInputSchema } from '@/lib/inventory';

export const POST = tenantRoute(
  async ({ ctx, body }) => Response.json(await receiveStock(ctx, body), { status: 201 }),
  { permission: 'stock:write', body: receiptInputSchema },
);
