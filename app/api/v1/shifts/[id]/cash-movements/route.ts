import { tenantRoute, approvalTokenSchema } from '@/lib/auth';
import { addCashMovement, cashMovementSchema } from '@/lib/orders';
import { idParam } from '@/lib/platform/validation';

const bodySchema = cashMovementSchema.extend({ approval: approvalTokenSchema.nullable().default(null) });

/** Cash in or out; cash out above the tenant's limit needs `shift:manage` or a manager's `approval` token (403 asks for it). */
export const POST = tenantRoute(
  async ({ ctx, params, body }) => {
    const { approval, ...movement } = body;
    return Response.json(await addCashMovement(ctx, idParam.parse(params.id), movement, approval), { status: 201 });
  },
  { permission: 'shift:operate', body: bodySchema },
);
