import { tenantRoute } from '@/lib/auth';
import { ledgerQuerySchema, listLedger } from '@/lib/inventory';

export const GET = tenantRoute(
  async ({ tenant, searchParams }) => Response.json(await listLedger(tenant.id, ledgerQuerySchema.parse(Object.fromEntries(searchParams)))),
  { permission: 'stock:read' },
);
