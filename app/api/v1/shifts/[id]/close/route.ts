import { tenantRoute, approvalTokenSchema } from '@/lib/auth';
import { closeShift, closeShiftSchema } from '@/lib/orders';
import { idParam } from '@/lib/platform/validation';

const bodySchema = closeShiftSchema.extend({ approval: approvalTokenSchema.nullable().default(null) });

/** Closes the shift with the counted cash; answers the Z report. Someone else's shift needs `shift:manage` or a manager's `approval` token. */
export const POST = tenantRoute(
  async ({ ctx, params, body }) => {
    const { countedCash, approval } = body;
    return Response.json(await closeShift(ctx, idParam.parse(params.id), countedCash, approval));
  },
  { permission: 'shift:operate', body: bodySchema },
);
