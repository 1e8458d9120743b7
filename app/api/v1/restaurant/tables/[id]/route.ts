import { tenantRoute } from '@/lib/auth';
import { deleteTable, tablePatchSchema, updateTable } from '@/lib/restaurant';
import { idParam } from '@/lib/platform/validation';

type P = { id: string };

/** Status and covers: any staff member; name, seats, area, position: tables:write (checked inside). */
export const PATCH = tenantRoute<P>(
  async ({ ctx, params, json }) => Response.json(await updateTable(ctx, idParam.parse(params.id), tablePatchSchema.parse(json()))),
  { permission: 'tables:operate' },
);

export const DELETE = tenantRoute<P>(
  async ({ ctx, params }) => {
    await deleteTable(ctx, idParam.parse(params.id));
    return new Response(null, { status: 204 });
  },
  { permission: 'tables:write' },
);
