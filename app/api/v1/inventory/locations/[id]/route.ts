import { z } from 'zod';
import { tenantRoute } from '@/lib/auth/tenant-route';
import { getLocation, locationInputSchema, updateLocation } from '@/lib/inventory';

type P = { id: string };
const id = z.uuid('The id must be a UUID');

export const GET = tenantRoute<P>(async ({ tenant, params }) => Response.json(await getLocation(tenant.id, id.parse(params.id))), {
  permission: 'stock:read',
});

export const PUT = tenantRoute<P>(
  async ({ user, params, json }) => Response.json(await updateLocation(user, id.parse(params.id), locationInputSchema.parse(json()))),
  { permission: 'stock:write' },
);
