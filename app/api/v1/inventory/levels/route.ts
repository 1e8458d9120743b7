import { tenantRoute } from '@/lib/auth';
import { levelsQuerySchema, listLevels } from '@/lib/inventory';

export const GET = tenantRoute(
  async ({ tenant, searchParams }) => Response.json(await listLevels(tenant.id, levelsQuerySchema.parse(Object.fromEntries(searchParams)))),
  { permission: 'stock:read' },
);
