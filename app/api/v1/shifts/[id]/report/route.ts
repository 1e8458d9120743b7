import { tenantRoute } from '@/lib/auth';
import { shiftReport } from '@/lib/orders';
import { idParam } from '@/lib/platform/validation';

/** The X report (the shift so far), or the Z report of a closed shift. */
export const GET = tenantRoute(async ({ ctx, params }) => Response.json(await shiftReport(ctx, idParam.parse(params.id))), {
  permission: 'shift:read',
});
