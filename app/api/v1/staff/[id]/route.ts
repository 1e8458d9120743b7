import { getStaffMember, tenantRoute, updateStaff, updateStaffSchema } from '@/lib/auth';
import { idParam } from '@/lib/platform/validation';

type Params = { id: string };

export const GET = tenantRoute<Params>(
  async ({ tenant, params }) => Response.json(await getStaffMember(tenant.id, idParam.parse(params.id))),
  { permission: 'staff:read' },
);

export const PATCH = tenantRoute<Params>(
  async ({ user, params, json }) => Response.json(await updateStaff(user, idParam.parse(params.id), updateStaffSchema.parse(json()))),
  { permission: 'staff:write' },
);
