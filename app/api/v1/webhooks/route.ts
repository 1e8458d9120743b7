import { tenantRoute } from '@/lib/auth';
import { createEndpoint, listEndpoints, webhookEndpointInputSchema } from '@/lib/webhooks';

/** The business's webhook endpoints (never their secrets: only each secret's prefix). */
export const GET = tenantRoute(async ({ ctx }) => Response.json(await listEndpoints(ctx)), { permission: 'webhooks:read' });

/** Adds an endpoint; the answer's `secret` is shown this once. The URL is refused (422) if it is or resolves to an internal address. */
export const POST = tenantRoute(
  async ({ ctx, body }) => {
    const endpoint = await createEndpoint(ctx, body);
    return Response.json(endpoint, { status: 201, headers: { Location: `/api/v1/webhooks/${endpoint.id}` } });
  },
  { permission: 'webhooks:write', body: webhookEndpointInputSchema },
);
