import { revokeApiKey, tenantRoute } from '@/lib/auth';

/** Revokes a key (kept, as revoked, for the list and the audit log); revoking it again answers the same. */
export const DELETE = tenantRoute<{ id: string }>(async ({ ctx, params }) => Response.json(await revokeApiKey(ctx, params.id)), {
  permission: 'apikeys:manage',
});
