import { tenantRoute } from '@/lib/auth';
import { ledgerQuerySchema, listLedger } from '@/lib/inventory';

export const GET = tenantRoute(
  async ({ ctx, searchParams }) => Response.json(await listLedger(ctx, ledgerQuerySchema.parse(Object.fromEntries(searchParams)))),
  { permission: 'stock:read' },
);
