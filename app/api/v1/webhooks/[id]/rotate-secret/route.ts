import { tenantRoute } from '@/lib/auth';
import { idParam } from '@/lib/platform/validation';
import { rotateSecret } from '@/lib/webhooks';

/** A new signing secret, in the answer this once; the previous one keeps signing beside it for 24 hours. */
export const POST = tenantRoute(async ({ ctx, params }) => Response.json(await rotateSecret(ctx, idParam.parse(params.id))), { permission: 'webhooks:write' });
