import { tenantRoute } from '@/lib/auth';
import { deleteTable, tablePatchSchema, updateTable } from '@/lib/restaurant';
import { idParam } from '@/lib/platform/validation';


/** Status and covers: any staff member; name, seats, area, position: tables:write (checked inside). */
export const PATCH = tenantRoute(
  async ({ ctx, params, body }) => Response.json(await updateTable(ctx, idParam.parse(params.id), body)),
  { permission: 'tables:operate', body: tablePatchSchema },
);

export const DELETE = tenantRoute(
  async ({ ctx, params }) => {
    await deleteTable(ctx, idParam.parse(params.id));
    return new Response(null, { status: 204 });
  },
  { permission: 'tables:write' },
);
