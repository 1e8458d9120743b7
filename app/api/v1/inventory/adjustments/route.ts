import { tenantRoute } from '@/lib/auth';
import { adjustStock, adjustmentInputSchema } from '@/lib/inventory';

export const POST = tenantRoute(
  async ({ ctx, json }) => Response.json(await adjustStock(ctx, adjustmentInputSchema.parse(json())), { status: 201 }),
  { permission: 'stock:write' },
);
