import { tenantRoute } from '@/lib/auth';
import { createTable, listTables, tableInputSchema, tableListQuerySchema } from '@/lib/restaurant';

export const GET = tenantRoute(
  async ({ tenant, searchParams }) =>
    Response.json({ data: await listTables(tenant.id, tableListQuerySchema.parse(Object.fromEntries(searchParams))) }),
  { permission: 'tables:read' },
);

export const POST = tenantRoute(
  async ({ user, json }) => {
    const table = await createTable(user, tableInputSchema.parse(json()));
    return Response.json(table, { status: 201, headers: { Location: `/api/v1/restaurant/tables/${table.id}` } });
  },
  { permission: 'tables:write' },
);
