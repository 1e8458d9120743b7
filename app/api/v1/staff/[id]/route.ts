import { getStaffMember, tenantRoute, updateStaff, updateStaffSchema } from '@/lib/auth';
import { idParam } from '@/lib/platform/validation';


export const GET = tenantRoute(
  async ({ ctx, params }) => Response.json(await getStaffMember(ctx, idParam.parse(params.id))),
  { permission: 'staff:read' },
);

export const PATCH = tenantRoute(
  async ({ ctx, params, body }) => Response.json(await updateStaff(ctx, idParam.parse(params.id), body)),
  { permission: 'staff:write', body: updateStaffSchema },
);
