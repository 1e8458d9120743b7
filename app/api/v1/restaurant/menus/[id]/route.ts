import { tenantRoute } from '@/lib/auth';
import { deleteMenu, getMenu, menuInputSchema, menuPatchSchema, patchMenu, replaceMenu } from '@/lib/restaurant';
import { idParam } from '@/lib/platform/validation';

/** Another tenant's menu id is "not found", exactly like a missing one. */

export const GET = tenantRoute(async ({ ctx, params }) => Response.json(await getMenu(ctx, idParam.parse(params.id))), {
  permission: 'menu:read',
});

export const PUT = tenantRoute(
  async ({ ctx, params, body }) => Response.json(await replaceMenu(ctx, idParam.parse(params.id), body)),
  { permission: 'menu:write', body: menuInputSchema },
);

export const PATCH = tenantRoute(
  async ({ ctx, params, body }) => Response.json(await patchMenu(ctx, idParam.parse(params.id), body)),
  { permission: 'menu:write', body: menuPatchSchema },
);

export const DELETE = tenantRoute(
  async ({ ctx, params }) => {
    await deleteMenu(ctx, idParam.parse(params.id));
    return new Response(null, { status: 204 });
  },
  { permission: 'menu:write' },
);
