import { z } from 'zod';
import { tenantRoute } from '@/lib/auth/tenant-route';
import { deleteTable, tablePatchSchema, updateTable } from '@/lib/restaurant';

type P = { id: string };
const id = z.uuid('The id must be a UUID');

/** Status and covers: any staff member; name, seats, area, position: tables:write (checked inside). */
export const PATCH = tenantRoute<P>(
  async ({ user, params, json }) => Response.json(await updateTable(user, id.parse(params.id), tablePatchSchema.parse(json()))),
  { permission: 'tables:operate' },
);

export const DELETE = tenantRoute<P>(
  async ({ user, params }) => {
    await deleteTable(user, id.parse(params.id));
    return new Response(null, { status: 204 });
  },
  { permission: 'tables:write' },
);
