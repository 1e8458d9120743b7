import { z } from 'zod';
import { getStaffMember, tenantRoute, updateStaff, updateStaffSchema } from '@/lib/auth';

type Params = { id: string };
const id = z.uuid('Staff id must be a UUID');

export const GET = tenantRoute<Params>(
  async ({ tenant, params }) => Response.json(await getStaffMember(tenant.id, id.parse(params.id))),
  { permission: 'staff:read' },
);

export const PATCH = tenantRoute<Params>(
  async ({ user, params, json }) => Response.json(await updateStaff(user, id.parse(params.id), updateStaffSchema.parse(json()))),
  { permission: 'staff:write' },
);
