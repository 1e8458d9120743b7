import { tenantRoute } from '@/lib/auth';
import { transferStock, transferInputSchema } from '@/lib/inventory';

export const POST = tenantRoute(
  async ({ user, json }) => Response.json(await transferStock(user, transferInputSchema.parse(json())), { status: 201 }),
  { permission: 'stock:write' },
);
