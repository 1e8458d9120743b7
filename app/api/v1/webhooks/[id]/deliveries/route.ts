import { tenantRoute } from '@/lib/auth';
import { idParam } from '@/lib/platform/validation';
import { deliveriesOf, deliveryListQuery } from '@/lib/webhooks';

/** The endpoint's delivery log, newest first (`?limit=`, at most 100), each delivery with its attempts. */
export const GET = tenantRoute(
  async ({ ctx, params, searchParams }) => Response.json(await deliveriesOf(ctx, idParam.parse(params.id), deliveryListQuery.parse(Object.fromEntries(searchParams)).limit)),
  { permission: 'webhooks:read' },
);
