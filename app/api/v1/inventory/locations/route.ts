import { tenantRoute } from '@/lib/auth';
import { createLocation, listLocations, locationInputSchema } from '@/lib/inventory';

export const GET = tenantRoute(async ({ tenant }) => Response.json({ data: await listLocations(tenant.id) }), { permission: 'stock:read' });

export const POST = tenantRoute(
  async ({ user, json }) => {
    const location = await createLocation(user, locationInputSchema.parse(json()));
    return Response.json(location, { status: 201, headers: { Location: `/api/v1/inventory/locations/${location.id}` } });
  },
  { permission: 'stock:write' },
);
