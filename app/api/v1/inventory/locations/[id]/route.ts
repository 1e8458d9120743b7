import { tenantRoute } from '@/lib/auth';
import { getLocation, locationInputSchema, updateLocation } from '@/lib/inventory';
import { idParam } from '@/lib/platform/validation';

type P = { id: string };

export const GET = tenantRoute<P>(async ({ ctx, params }) => Response.json(await getLocation(ctx, idParam.parse(params.id))), {
  permission: 'stock:read',
});

export const PUT = tenantRoute<P>(
  async ({ ctx, params, json }) => Response.json(await updateLocation(ctx, idParam.parse(params.id), locationInputSchema.parse(json()))),
  { permission: 'stock:write' },
);
