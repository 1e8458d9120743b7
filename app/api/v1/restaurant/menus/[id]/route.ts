import { tenantRoute } from '@/lib/auth';
import { deleteMenu, getMenu, menuInputSchema, menuPatchSchema, patchMenu, replaceMenu } from '@/lib/restaurant';
import { idParam } from '@/lib/platform/validation';

/** Another tenant's menu id is "not found", exactly like a missing one. */
type P = { id: string };

export const GET = tenantRoute<P>(async ({ ctx, params }) => Response.json(await getMenu(ctx, idParam.parse(params.id))), {
  permission: 'menu:read',
});

export const PUT = tenantRoute<P>(
  async ({ ctx, params, json }) => Response.json(await replaceMenu(ctx, idParam.parse(params.id), menuInputSchema.parse(json()))),
  { permission: 'menu:write' },
);

export const PATCH = tenantRoute<P>(
  async ({ ctx, params, json }) => Response.json(await patchMenu(ctx, idParam.parse(params.id), menuPatchSchema.parse(json()))),
  { permission: 'menu:write' },
);

export const DELETE = tenantRoute<P>(
  async ({ ctx, params }) => {
    await deleteMenu(ctx, idParam.parse(params.id));
    return new Response(null, { status: 204 });
  },
  { permission: 'menu:write' },
);
