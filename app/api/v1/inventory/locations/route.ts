import { tenantRoute } from '@/lib/auth';
import { createLocation, listLocations, locationInputSchema } from '@/lib/inventory';

export const GET = tenantRoute(async ({ ctx }) => Response.json({ data: await listLocations(ctx) }), { permission: 'stock:read' });

export const POST = tenantRoute(
  async ({ ctx, body }) => {
    const location = await createLocation(ctx, body);
    return Response.json(location, { status: 201, headers: { Location: `/api/v1/inventory/locations/${location.id}` } });
  },
  { permission: 'stock:write', body: locationInputSchema },
);
