import { tenantRoute } from '@/lib/auth';
import { transferStock, transferInputSchema } from '@/lib/inventory';

export const POST = tenantRoute(
  async ({ ctx, body }) => Response.json(await transferStock(ctx, body), { status: 201 }),
  { permission: 'stock:write', body: transferInputSchema },
);
