import { tenantRoute } from '@/lib/auth';
import { createTable, listTables, tableInputSchema, tableListQuerySchema } from '@/lib/restaurant';

export const GET = tenantRoute(
  async ({ ctx, searchParams }) =>
    Response.json({ data: await listTables(ctx, tableListQuerySchema.parse(Object.fromEntries(searchParams))) }),
  { permission: 'tables:read' },
);

export const POST = tenantRoute(
  async ({ ctx, body }) => {
    const table = await createTable(ctx, body);
    return Response.json(table, { status: 201, headers: { Location: `/api/v1/restaurant/tables/${table.id}` } });
  },
  { permission: 'tables:write', body: tableInputSchema },
);
