import { tenantRoute } from '@/lib/auth';
import { customerPatchSchema, updateCustomer } from '@/lib/customers';
import { customerProfile } from '@/lib/orders';
import { idParam } from '@/lib/platform/validation';

/** The profile with the latest orders, totals and the points ledger. */
export const GET = tenantRoute(async ({ ctx, params }) => Response.json(await customerProfile(ctx, idParam.parse(params.id))), { permission: 'customer:read' });

export const PATCH = tenantRoute(
  async ({ ctx, params, body }) => Response.json(await updateCustomer(ctx, idParam.parse(params.id), body)),
  { permission: 'customer:write', body: customerPatchSchema },
);
