import { apiKeyPatchSchema, getApiKey, revokeApiKey, tenantRoute, updateApiKey } from '@/lib/auth';

/** One key of the business (never its secret); another business's id is a 404. */
export const GET = tenantRoute<{ id: string }>(async ({ ctx, params }) => Response.json(await getApiKey(ctx, params.id)), {
  permission: 'apikeys:manage',
});

/**
 * Changes the key's name, scopes, expiry (null: none) or rate limit (null: the default); what the
 * body leaves out stays. Audited as `api_key.updated`; every instance honours the change from its next request.
 */
export const PATCH = tenantRoute<{ id: string }, typeof apiKeyPatchSchema>(
  async ({ ctx, params, body }) => Response.json(await updateApiKey(ctx, params.id, body)),
  { permission: 'apikeys:manage', body: apiKeyPatchSchema },
);

/** Revokes a key (kept, as revoked, for the list and the audit log); revoking it again answers the same. */
export const DELETE = tenantRoute<{ id: string }>(async ({ ctx, params }) => Response.json(await revokeApiKey(ctx, params.id)), {
  permission: 'apikeys:manage',
});
