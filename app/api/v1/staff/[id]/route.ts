import { getStaffMember, tenantRoute, updateStaff, updateStaffSchema } from '@/lib/auth';
import { idParam } from '@/lib/platform/validation';

type Params = { id: string };

export const GET = tenantRoute<Params>(
  async ({ ctx, params }) => Response.json(await getStaffMember(ctx, idParam.parse(params.id))),
  { permission: 'staff:read' },
);

export const PATCH = tenantRoute<Params>(
  async ({ ctx, params, json }) => Response.json(await updateStaff(ctx, idParam.parse(params.id), updateStaffSchema.parse(json()))),
  { permission: 'staff:write' },
);
