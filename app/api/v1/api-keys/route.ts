import { apiKeyInputSchema, createApiKey, listApiKeys, tenantRoute } from '@/lib/auth';

/** The business's API keys (docs/api.md): for a signed-in owner only — no scope grants `apikeys:manage`, so a key gets 403. */
export const GET = tenantRoute(async ({ ctx }) => Response.json({ data: await listApiKeys(ctx) }), {
  permission: 'apikeys:manage',
});

/** Creates a key; `secret` is in this answer and nowhere else, ever. */
export const POST = tenantRoute(
  async ({ ctx, body }) => {
    const { key, secret } = await createApiKey(ctx, body);
    return Response.json({ ...key, secret }, { status: 201, headers: { Location: `/api/v1/api-keys/${key.id}` } });
  },
  { permission: 'apikeys:manage', body: apiKeyInputSchema },
);
