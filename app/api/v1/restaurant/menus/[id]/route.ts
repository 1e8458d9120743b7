import { z } from 'zod';
import { tenantRoute } from '@/lib/auth/tenant-route';
import { deleteMenu, getMenu, menuInputSchema, menuPatchSchema, patchMenu, replaceMenu } from '@/lib/restaurant';

type P = { id: string };
/** Another tenant's menu id is "not found", exactly like a missing one. */
const id = z.uuid('The id must be a UUID');

export const GET = tenantRoute<P>(async ({ tenant, params }) => Response.json(await getMenu(tenant.id, id.parse(params.id))), {
  permission: 'menu:read',
});

export const PUT = tenantRoute<P>(
  async ({ user, params, json }) => Response.json(await replaceMenu(user, id.parse(params.id), menuInputSchema.parse(json()))),
  { permission: 'menu:write' },
);

export const PATCH = tenantRoute<P>(
  async ({ user, params, json }) => Response.json(await patchMenu(user, id.parse(params.id), menuPatchSchema.parse(json()))),
  { permission: 'menu:write' },
);

export const DELETE = tenantRoute<P>(
  async ({ user, params }) => {
    await deleteMenu(user, id.parse(params.id));
    return new Response(null, { status: 204 });
  },
  { permission: 'menu:write' },
);
