import { tenantRoute } from '@/lib/auth';
import { levelsQuerySchema, listLevels } from '@/lib/inventory';

export const GET = tenantRoute(
  async ({ ctx, searchParams }) => Response.json(await listLevels(ctx, levelsQuerySchema.parse(Object.fromEntries(searchParams)))),
  { permission: 'stock:read' },
);
