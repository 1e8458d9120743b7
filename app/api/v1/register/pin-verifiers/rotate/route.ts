import { rotateOfflinePinKey, tenantRoute } from '@/lib/auth';

/** A register lost or stolen: every register's offline PIN verifiers stop counting (each fetches new ones at its next sync). Audited. No body. */
export const POST = tenantRoute(async ({ ctx }) => Response.json(await rotateOfflinePinKey(ctx)), { permission: 'staff:write' });
