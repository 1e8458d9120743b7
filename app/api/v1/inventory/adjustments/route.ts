import { tenantRoute } from '@/lib/auth';
import { adjustStock, adjustmentInputSchema } from '@/lib/inventory';

export const POST = tenantRoute(
  async ({ user, json }) => Response.json(await adjustStock(user, adjustmentInputSchema.parse(json())), { status: 201 }),
  { permission: 'stock:write' },
);
