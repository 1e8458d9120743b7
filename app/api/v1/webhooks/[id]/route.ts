import { tenantRoute } from '@/lib/auth';
import { idParam } from '@/lib/platform/validation';
import { deleteEndpoint, getEndpoint, updateEndpoint, webhookEndpointPatchSchema } from '@/lib/webhooks';

export const GET = tenantRoute(async ({ ctx, params }) => Response.json(await getEndpoint(ctx, idParam.parse(params.id))), { permission: 'webhooks:read' });

/** Changes the URL, events or description, or turns the endpoint on (`enabled: true`, which restarts its failure clock) or off. */
export const PATCH = tenantRoute(
  async ({ ctx, params, body }) => Response.json(await updateEndpoint(ctx, idParam.parse(params.id), body)),
  { permission: 'webhooks:write', body: webhookEndpointPatchSchema },
);

/** Deletes the endpoint and its delivery log. */
export const DELETE = tenantRoute(
  async ({ ctx, params }) => {
    await deleteEndpoint(ctx, idParam.parse(params.id));
    return new Response(null, { status: 204 });
  },
  { permission: 'webhooks:write' },
);
