import { tenantRoute } from '@/lib/auth';
import { shiftReport } from '@/lib/orders';
import { idParam } from '@/lib/platform/validation';

/** The X report (the shift so far), or the Z report of a closed shift. */
export const GET = tenantRoute<{ id: string }>(async ({ tenant, params }) => Response.json(await shiftReport(tenant.id, idParam.parse(params.id))), {
  permission: 'shift:operate',
});
