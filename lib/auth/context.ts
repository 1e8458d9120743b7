import { AppError } from '@/lib/platform/errors';
import { TENANT_HEADER, findTenantBySlug, type TenantInfo } from '@/lib/tenancy';
import { can, type Permission, type Role } from './permissions';
import { sessionTokenFrom, verifySessionToken, type StaffSession } from './session';

/**
 * Who a piece of tenant work is for: the host's tenant and the staff member signed in to it.
 * Made in one place (resolveStaff) from the resolved host and the session — never from input —
 * and handed to every module function that acts for someone. `tenantId` is `tenant.id`.
 */
export type TenantContext = Readonly<StaffSession & { tenant: TenantInfo; apiKey?: ApiKeyPrincipal }>;

/**
 * A request made with an API key (api-keys.ts) rather than a session. The key is the principal:
 * `can(ctx, …)` answers from `permissions` (its scopes) alone. `userId` is then the person who
 * created the key (what rows that name a person record, e.g. an order's cashier), `role` is
 * 'cashier', the least role, for nothing to read (lib/ checks `can(ctx, …)`, tested), and
 * `sessionId` is the key's id, so nothing bound to a session (approvals) carries over to a key.
 */
export type ApiKeyPrincipal = { id: string; name: string; prefix: string; scopes: readonly string[]; permissions: readonly Permission[] };

/**
 * What a read needs of the context: which tenant. App code passes its whole context; a job
 * with no person behind it (recovery, seeding) passes `{ tenantId }`.
 */
export type TenantScope = Pick<TenantContext, 'tenantId'>;

type CookieJar = Parameters<typeof sessionTokenFrom>[0];
/** A request's headers and cookies: a NextRequest, or next/headers' headers() and cookies(). */
export type RequestSource = { headers: Headers; cookies: CookieJar };

/** The host's tenant (from proxy.ts's header), or a 404: an unknown store has nothing to show. */
export async function hostTenant(headers: Headers): Promise<TenantInfo> {
  const slug = headers.get(TENANT_HEADER);
  const tenant = slug ? await findTenantBySlug(slug) : null;
  if (!tenant) throw new AppError('not_found', 'No such store');
  return tenant;
}

/** The signed-in staff member of `tenant` on this request, or null. */
export async function staffOf(tenant: TenantInfo, source: RequestSource): Promise<TenantContext | null> {
  const session = await verifySessionToken(sessionTokenFrom(source.cookies), tenant.id);
  return session && { ...session, tenant };
}

/**
 * The tenant seam: host → tenant (404), session of that same tenant (401), role allowed
 * `permission` (403). tenantRoute, requireStaff, staffAction and staffRead only map its
 * errors to their kind of answer.
 */
export async function resolveStaff(source: RequestSource, permission?: Permission): Promise<TenantContext> {
  const ctx = await staffOf(await hostTenant(source.headers), source);
  if (!ctx) throw new AppError('unauthorized', 'Sign in to continue', undefined, { words: { key: 'signInToContinue' } });
  if (permission && !can(ctx, permission)) throw new AppError('forbidden', 'Your role does not allow this', undefined, { words: { key: 'roleNotAllowed' } });
  return ctx;
}

/**
 * The context of work no request carries (seeding, benchmarks, tests): `staff` of `tenant`,
 * in a session of its own that nothing outside this process knows (approvals bind to it).
 */
export function contextFor(tenant: TenantInfo, staff: { id: string; role: Role; name: string; email: string }): TenantContext {
  const now = Date.now();
  return {
    tenant,
    tenantId: tenant.id,
    userId: staff.id,
    role: staff.role,
    name: staff.name,
    email: staff.email,
    sessionId: crypto.randomUUID(),
    authTime: now,
    expiresAt: Math.floor(now / 1000) + 3600,
  };
}
