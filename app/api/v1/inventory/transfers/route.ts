import { tenantRoute } from '@/lib/auth';
import { transferStock, transferInputSchema } from '@/lib/inventory';

export const POST = tenantRoute(
  async ({ ctx, json }) => Response.json(await transferStock(ctx, transferInputSchema.parse(json())), { status: 201 }),
  { permission: 'stock:write' },
);
