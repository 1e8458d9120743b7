import { tenantRoute } from '@/lib/auth/tenant-route';
import { closeShift, closeShiftSchema } from '@/lib/orders';
import { idParam } from '@/lib/platform/validation';

/** Closes the shift with the counted cash; answers the Z report. */
export const POST = tenantRoute<{ id: string }>(
  async ({ tenant, user, params, json }) =>
    Response.json(await closeShift({ tenant, user }, idParam.parse(params.id), closeShiftSchema.parse(json()).countedCash)),
  { permission: 'shift:operate' },
);
