import { tenantRoute } from '@/lib/auth';
import { deleteMenu, getMenu, menuInputSchema, menuPatchSchema, patchMenu, replaceMenu } from '@/lib/restaurant';
import { idParam } from '@/lib/platform/validation';

/** Another tenant's menu id is "not found", exactly like a missing one. */
type P = { id: string };

export const GET = tenantRoute<P>(async ({ tenant, params }) => Response.json(await getMenu(tenant.id, idParam.parse(params.id))), {
  permission: 'menu:read',
});

export const PUT = tenantRoute<P>(
  async ({ user, params, json }) => Response.json(await replaceMenu(user, idParam.parse(params.id), menuInputSchema.parse(json()))),
  { permission: 'menu:write' },
);

export const PATCH = tenantRoute<P>(
  async ({ user, params, json }) => Response.json(await patchMenu(user, idParam.parse(params.id), menuPatchSchema.parse(json()))),
  { permission: 'menu:write' },
);

export const DELETE = tenantRoute<P>(
  async ({ user, params }) => {
    await deleteMenu(user, idParam.parse(params.id));
    return new Response(null, { status: 204 });
  },
  { permission: 'menu:write' },
);
