import { z } from 'zod';
import { tenantRoute } from '@/lib/auth';
import { currentShift, openShift, openShiftSchema } from '@/lib/orders';
import { AppError } from '@/lib/platform/errors';
import { idParam } from '@/lib/platform/validation';

/** The open shift of a register (`?register=Register 1`), or 404. */
export const GET = tenantRoute(
  async ({ ctx, searchParams }) => {
    const { register, location } = z
      .object({ register: z.string().trim().min(1).max(40).default('Register 1'), location: idParam.optional() })
      .parse(Object.fromEntries(searchParams));
    const shift = await currentShift(ctx, register, location);
    if (!shift) throw new AppError('not_found', `${register} has no open shift`);
    return Response.json(shift);
  },
  { permission: 'shift:read' },
);

export const POST = tenantRoute(
  async ({ ctx, body }) => {
    const shift = await openShift(ctx, body);
    return Response.json(shift, { status: 201, headers: { Location: `/api/v1/shifts/${shift.id}` } });
  },
  { permission: 'shift:operate', body: openShiftSchema },
);
