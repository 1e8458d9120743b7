import { encode } from 'next-auth/jwt';
import { NextRequest } from 'next/server';
import { addStaff, contextFor, signUpBusiness, type Role, type TenantContext } from '@/lib/auth';
import { newSessionClaims, SESSION_COOKIE, sessionMaxAgeSeconds, type SessionClaims } from '@/lib/auth/session';
import { config } from '@/lib/platform/config';
import { TENANT_HEADER } from '@/lib/tenancy/host';
import type { TenantInfo } from '@/lib/tenancy/registry';

export const PASSWORD = 'correct-horse-battery';

let counter = 0;
export const uniqueSlug = (prefix = 't') => `${prefix}-${Date.now().toString(36)}-${(counter++).toString(36)}-${Math.random().toString(36).slice(2, 6)}`;

export type TestStaff = { id: string; tenantId: string; role: Role; name: string; email: string };
export type TestTenant = { tenant: TenantInfo; owner: TestStaff; manager: TestStaff; cashier: TestStaff };

/** A business with an owner, a manager (PIN 2222) and a cashier (PIN 3333); USD in UTC unless told. */
export async function createTenant(options: { currency?: string; timeZone?: string } = {}): Promise<TestTenant> {
  const slug = uniqueSlug();
  const { tenant, owner } = await signUpBusiness({
    businessName: `Shop ${slug}`,
    slug,
    currency: options.currency ?? 'USD',
    timeZone: options.timeZone ?? 'UTC',
    ownerName: 'Olive Owner',
    email: `owner@${slug}.test`,
    password: PASSWORD,
  });
  const ownerCtx = contextFor(tenant, owner);
  const staff = async (role: Role, name: string, pin: string): Promise<TestStaff> => {
    const m = await addStaff(ownerCtx, { name, email: `${role}@${slug}.test`, role, password: PASSWORD, pin });
    return { id: m.id, tenantId: tenant.id, role, name, email: m.email };
  };
  return {
    tenant,
    owner: { id: owner.id, tenantId: tenant.id, role: 'owner', name: owner.name, email: owner.email },
    manager: await staff('manager', 'Mo Manager', '2222'),
    cashier: await staff('cashier', 'Cas Cashier', '3333'),
  };
}

/** A session token exactly as next-auth would issue it at sign-in of `user`. */
export function sessionTokenFor(user: TestStaff, overrides: Partial<SessionClaims> = {}): Promise<string> {
  return encode({
    token: { ...newSessionClaims(user), ...overrides },
    secret: config().authSecret,
    maxAge: sessionMaxAgeSeconds(),
  });
}

/**
 * A request as a route handler receives it after proxy.ts: the host's tenant slug in the
 * trusted header, the session cookie of `as` (if any), a body sent as JSON unless `headers`
 * give another content type.
 */
export async function apiRequest(
  method: string,
  path: string,
  options: { host?: TenantInfo; as?: TestStaff | string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<NextRequest> {
  const headers = new Headers(options.headers);
  if (options.host) headers.set(TENANT_HEADER, options.host.slug);
  if (options.as) {
    const token = typeof options.as === 'string' ? options.as : await sessionTokenFor(options.as);
    headers.set('cookie', `${SESSION_COOKIE}=${token}`);
  }
  let body: string | undefined;
  if (options.body !== undefined) {
    body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
    if (!headers.has('content-type')) headers.set('content-type', 'application/json');
  }
  return new NextRequest(`http://app.test${path}`, { method, headers, body });
}

export const segment = <P extends object>(params: P) => ({ params: Promise.resolve(params) });
export const noParams = segment({} as Record<string, never>);

export async function json<T = any>(res: Response): Promise<{ status: number; body: T }> {
  return { status: res.status, body: (await res.json()) as T };
}

export { rowsOf } from '@/lib/platform/db';

/** A staff member of a test tenant (the owner unless named) as module functions take them. */
export const contextOf = (t: TestTenant, staff: TestStaff = t.owner): TenantContext => contextFor(t.tenant, staff);

/** A tracked product with the given variants (SKUs made unique per call). */
export async function createStockedProduct(
  t: TestTenant,
  options: { variants?: number; trackStock?: boolean; allowNegativeStock?: boolean; name?: string } = {},
) {
  const { createProduct } = await import('@/lib/catalog/service');
  const { productInputSchema } = await import('@/lib/catalog/schemas');
  const tag = uniqueSlug('sku').toUpperCase();
  return createProduct(
    contextOf(t),
    productInputSchema.parse({
      name: options.name ?? `Item ${tag}`,
      trackStock: options.trackStock ?? true,
      allowNegativeStock: options.allowNegativeStock ?? false,
      variants: Array.from({ length: options.variants ?? 1 }, (_, i) => ({ name: `V${i}`, sku: `${tag}-${i}`, price: 100 * (i + 1) })),
    }),
  );
}

/** The tenant's first location (created by the TenantCreated handler, or here if none yet). */
export async function mainLocation(t: TestTenant): Promise<string> {
  const { listLocations, createLocation } = await import('@/lib/inventory');
  const [first] = await listLocations({ tenantId: t.tenant.id });
  return first?.id ?? (await createLocation(contextOf(t), { name: 'Main store', address: null })).id;
}

/**
 * Starts the payment gateway simulator in this process and points the app at it, with the
 * resilience settings given (short windows for tests). Returns the gateway to inspect and steer.
 */
export async function startGateway(settings: Record<string, string> = {}) {
  const { createGateway } = await import('@/gateway/server');
  const { resetConfigForTests } = await import('@/lib/platform/config');
  const { resetGatewayPolicies } = await import('@/lib/payments/gateway');
  const gateway = createGateway();
  process.env.PAYMENT_GATEWAY_URL = await gateway.listen(0);
  Object.assign(process.env, { GATEWAY_TIMEOUT_MS: '1000', GATEWAY_RETRIES: '2', BREAKER_HALF_OPEN_MS: '60000', ...settings });
  resetConfigForTests();
  resetGatewayPolicies();
  return gateway;
}

/** A fresh signed-in session (a register) of `staff`, as resolveStaff hands it to a module. */
export async function sessionContextOf(t: TestTenant, staff: TestStaff): Promise<TenantContext> {
  const { verifySessionToken } = await import('@/lib/auth/session');
  return { ...(await verifySessionToken(await sessionTokenFor(staff), t.tenant.id))!, tenant: t.tenant };
}

/** A streamed body (or a response's) as its reader gets it: how many chunks, and the text (a byte-order mark kept). */
export async function readStream(source: ReadableStream<Uint8Array> | Response): Promise<{ chunks: number; text: string }> {
  const reader = (source instanceof Response ? source.body! : source).getReader();
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  let text = '';
  let chunks = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return { chunks, text };
    chunks++;
    text += decoder.decode(value, { stream: true });
  }
}
