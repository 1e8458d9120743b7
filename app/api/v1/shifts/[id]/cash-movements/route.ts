import { tenantRoute } from '@/lib/auth/tenant-route';
import { addCashMovement, cashMovementSchema } from '@/lib/orders';
import { idParam } from '@/lib/platform/validation';

export const POST = tenantRoute<{ id: string }>(
  async ({ tenant, user, params, json }) =>
    Response.json(await addCashMovement({ tenant, user }, idParam.parse(params.id), cashMovementSchema.parse(json())), { status: 201 }),
  { permission: 'shift:operate' },
);
