import { tenantRoute } from '@/lib/auth';
import { idParam } from '@/lib/platform/validation';
import { sendTestEvent } from '@/lib/webhooks';

/** Sends a `webhook.test` event to the endpoint now and answers how it went (it is in the delivery log too). */
export const POST = tenantRoute(async ({ ctx, params }) => Response.json(await sendTestEvent(ctx, idParam.parse(params.id))), { permission: 'webhooks:write' });
