import { tenantRoute } from '@/lib/auth';
import { getLocation, locationInputSchema, updateLocation } from '@/lib/inventory';
import { idParam } from '@/lib/platform/validation';


export const GET = tenantRoute(async ({ ctx, params }) => Response.json(await getLocation(ctx, idParam.parse(params.id))), {
  permission: 'stock:read',
});

export const PUT = tenantRoute(
  async ({ ctx, params, body }) => Response.json(await updateLocation(ctx, idParam.parse(params.id), body)),
  { permission: 'stock:write', body: locationInputSchema },
);
