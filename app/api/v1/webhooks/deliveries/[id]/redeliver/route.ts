import { tenantRoute } from '@/lib/auth';
import { idParam } from '@/lib/platform/validation';
import { redeliver } from '@/lib/webhooks';

/** Sends the delivery again now: a new attempt of the same event id (receivers deduplicate by Tillwise-Event-Id). */
export const POST = tenantRoute(async ({ ctx, params }) => Response.json(await redeliver(ctx, idParam.parse(params.id))), { permission: 'webhooks:write' });
