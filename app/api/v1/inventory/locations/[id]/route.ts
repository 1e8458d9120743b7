import { tenantRoute } from '@/lib/auth';
import { getLocation, locationInputSchema, updateLocation } from '@/lib/inventory';
import { idParam } from '@/lib/platform/validation';

type P = { id: string };

export const GET = tenantRoute<P>(async ({ tenant, params }) => Response.json(await getLocation(tenant.id, idParam.parse(params.id))), {
  permission: 'stock:read',
});

export const PUT = tenantRoute<P>(
  async ({ user, params, json }) => Response.json(await updateLocation(user, idParam.parse(params.id), locationInputSchema.parse(json()))),
  { permission: 'stock:write' },
);
