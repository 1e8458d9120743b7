import { tenantRoute } from '@/lib/auth';
import { adjustStock, adjustmentInputSchema } from '@/lib/inventory';

export const POST = tenantRoute(
  async ({ ctx, body }) => Response.json(await adjustStock(ctx, body), { status: 201 }),
  { permission: 'stock:write', body: adjustmentInputSchema },
);
