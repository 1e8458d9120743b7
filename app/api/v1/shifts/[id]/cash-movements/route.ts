import { z } from 'zod';
import { tenantRoute } from '@/lib/auth/tenant-route';
import { addCashMovement, cashMovementSchema } from '@/lib/orders';

export const POST = tenantRoute<{ id: string }>(
  async ({ tenant, user, params, json }) =>
    Response.json(await addCashMovement({ tenant, user }, z.uuid().parse(params.id), cashMovementSchema.parse(json())), { status: 201 }),
  { permission: 'shift:operate' },
);
