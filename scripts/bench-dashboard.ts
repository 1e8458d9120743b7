// The dashboard part of `npm run bench` (issue #10): the /admin home's one read,
// `dashboard(ctx)` for today and for the last 30 days, for a café with 10k orders of history
// and its twin with 1M, measured interleaved in the same run; p50/p95 per case, the ratio
// 1M ÷ 10k and each p95 against the run's baseline. Real Postgres only (a 1M-order history on
// embedded PGlite is not a thing anyone runs).
//
// The two tenants (by slug; BENCH_SMALL_TENANT, BENCH_LARGE_TENANT):
//   - small, default `bench-10k`: created here when missing, as a twin of `demo` with its
//     history brought to 10 000 orders (seconds);
//   - large, default `demo`: must already hold 1M orders — `npm run seed:history -- --tenant
//     demo --orders 1000000` (minutes); without them the large case is skipped and says so.
// Both share the demo's catalog, staff and last 60 days (same seed), so "today" and "30 days"
// read the same amount of rollups in both: only the depth of history differs.
// Today: both get the same 100 cash sales through the real checkout and the outbox handlers
// (once a day: a rerun finds them), so today's figures are live figures, not empty.
//
// Through the module function always; also through the HTTP route when BENCH_HTTP is set to a
// `next start` of this build on the same database (e.g. http://127.0.0.1:3300; the Host header
// names the tenant, the session cookie is minted with the server's NEXTAUTH_SECRET).
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import type { StaffMember } from '../lib/auth';
import type { TenantInfo } from '../lib/tenancy';

const ITERATIONS = Number(process.env.BENCH_DASHBOARD_ITERATIONS ?? 200);
const SMALL = { slug: process.env.BENCH_SMALL_TENANT ?? 'bench-10k', orders: 10_000 };
const LARGE = { slug: process.env.BENCH_LARGE_TENANT ?? 'demo', orders: 1_000_000 };
const TODAY_SALES = 100;

type Case = { name: string; tenant: string; range: 'today' | '30 days'; run: () => Promise<unknown> };
type Timing = { p50: number; p95: number; mean: number };

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

/** Runs the cases round-robin (so drift and the neighbours' load hit all alike) and times each call. */
async function measureInterleaved(cases: Case[], iterations: number): Promise<Map<Case, Timing>> {
  const samples = new Map(cases.map((c) => [c, [] as number[]]));
  for (let i = 0; i < Math.min(20, iterations); i++) for (const c of cases) await c.run(); // warm-up
  for (let i = 0; i < iterations; i++) {
    for (const c of cases) {
      const started = performance.now();
      await c.run();
      samples.get(c)!.push(performance.now() - started);
    }
  }
  return new Map(
    cases.map((c) => {
      const sorted = samples.get(c)!.sort((a, b) => a - b);
      return [c, { p50: percentile(sorted, 50), p95: percentile(sorted, 95), mean: sorted.reduce((a, b) => a + b, 0) / sorted.length }];
    }),
  );
}

export async function benchDashboard(baselineMs: number): Promise<void> {
  if (!process.env.DATABASE_URL) {
    console.log('\ndashboard: skipped (real Postgres only: set DATABASE_URL; the bench uses its own database tillwise_bench)');
    return;
  }
  const { and, count, gte, lt } = await import('drizzle-orm');
  const { orders } = await import('../db/schema/orders');
  const { dashboard } = await import('../lib/analytics');
  const { contextFor, listStaff } = await import('../lib/auth');
  const { catalogRepository } = await import('../lib/catalog/service');
  const { dispatchPending } = await import('../lib/events');
  const { addDays } = await import('../lib/platform/business-day');
  const { withTenant } = await import('../lib/platform/db');
  const { createOrder, createOrderSchema, payOrder } = await import('../lib/orders');
  const { findTenantBySlug } = await import('../lib/tenancy');
  const { seedHistory } = await import('./seed-history');

  type Tenant = TenantInfo;
  const today = async (tenant: Tenant) => (await dashboard(contextFor(tenant, await staffOf(tenant, 'owner')))).from;
  async function staffOf(tenant: Tenant, role: 'owner' | 'cashier') {
    const member = (await listStaff({ tenantId: tenant.id })).find((s) => s.role === role && s.active);
    if (!member) throw new Error(`${tenant.slug} has no active ${role}`);
    return member;
  }
  async function historyOf(tenant: Tenant): Promise<number> {
    const day = await today(tenant);
    const [row] = await withTenant(tenant.id, (tx) => tx.select({ n: count() }).from(orders).where(lt(orders.businessDate, day)));
    return row?.n ?? 0;
  }
  /** Today's sales through the real checkout (cash, items without stock or required choices), then the handlers. */
  async function ringUpToday(tenant: Tenant): Promise<void> {
    const day = await today(tenant);
    const [done] = await withTenant(tenant.id, (tx) => tx.select({ n: count() }).from(orders).where(and(gte(orders.businessDate, day), lt(orders.businessDate, addDays(day, 1)))));
    if ((done?.n ?? 0) >= TODAY_SALES) return;
    const ctx = contextFor(tenant, await staffOf(tenant, 'cashier'));
    const sellable = (await (await catalogRepository()).allProducts(tenant.id))
      .filter((p) => p.status === 'active' && !p.trackStock && p.modifierGroupIds.length === 0)
      .flatMap((p) => p.variants)
      .sort((a, b) => (a.sku < b.sku ? -1 : 1));
    if (sellable.length === 0) throw new Error(`${tenant.slug}: nothing to sell without stock or modifiers`);
    for (let i = done?.n ?? 0; i < TODAY_SALES; i++) {
      const lines = [0, 1].map((k) => ({ variantId: sellable[(i + k) % sellable.length]!.id, quantity: 1 + ((i + k) % 2) }));
      const id = await createOrder(ctx, createOrderSchema.parse({ type: 'takeaway', lines }));
      await payOrder(ctx, id, { tender: 'cash', tendered: 1_000_000 });
    }
    await dispatchPending(); // OrderPaid → analytics.sale
  }

  const small = (await findTenantBySlug(SMALL.slug)) ?? null;
  if (!small || (await historyOf(small)) < SMALL.orders) {
    console.log(`\ndashboard: preparing ${SMALL.slug} (a twin of demo with ${SMALL.orders.toLocaleString('en')} orders)…`);
    await seedHistory({ tenant: SMALL.slug, like: 'demo', orders: SMALL.orders, log: () => {} });
  }
  const tenants: { label: string; tenant: Tenant; orders: number }[] = [];
  for (const t of [SMALL, LARGE]) {
    const tenant = await findTenantBySlug(t.slug);
    const held = tenant ? await historyOf(tenant) : 0;
    if (!tenant || held < t.orders) {
      console.log(`\ndashboard: ${t.slug} holds ${held.toLocaleString('en')} orders, not ${t.orders.toLocaleString('en')}: skipped (npm run seed:history -- --tenant ${t.slug} --orders ${t.orders})`);
      continue;
    }
    await ringUpToday(tenant);
    tenants.push({ label: t.orders >= 1_000_000 ? `${t.orders / 1_000_000}M` : `${t.orders / 1000}k`, tenant, orders: held });
  }
  if (tenants.length === 0) return;

  const via: { name: string; call: (tenant: Tenant, query: Record<string, string>) => Promise<(tenant: Tenant, query: Record<string, string>) => Promise<unknown>> }[] = [
    {
      name: 'module',
      call: async (tenant) => {
        const ctx = contextFor(tenant, await staffOf(tenant, 'owner'));
        return (_t, query) => dashboard(ctx, query);
      },
    },
  ];
  if (process.env.BENCH_HTTP) via.push({ name: 'HTTP', call: httpCaller(process.env.BENCH_HTTP, staffOf) });

  const cases: Case[] = [];
  for (const v of via) {
    for (const { label, tenant } of tenants) {
      const day = await today(tenant);
      const call = await v.call(tenant, {});
      cases.push({ name: `${v.name} ${label} today`, tenant: label, range: 'today', run: () => call(tenant, {}) });
      cases.push({ name: `${v.name} ${label} 30 days`, tenant: label, range: '30 days', run: () => call(tenant, { from: addDays(day, -29), to: day }) });
    }
  }
  const timings = await measureInterleaved(cases, ITERATIONS);

  console.log(`\ndashboard — ${ITERATIONS} calls per case, interleaved; ${tenants.map((t) => `${t.label} = ${t.tenant.slug} (${t.orders.toLocaleString('en')} orders before today)`).join(', ')}`);
  console.log(`${'case'.padEnd(28)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)} ${'mean ms'.padStart(8)} ${'p95 × baseline'.padStart(15)}`);
  for (const c of cases) {
    const t = timings.get(c)!;
    console.log(`${c.name.padEnd(28)} ${t.p50.toFixed(2).padStart(8)} ${t.p95.toFixed(2).padStart(8)} ${t.mean.toFixed(2).padStart(8)} ${(t.p95 / baselineMs).toFixed(1).padStart(15)}`);
  }
  if (tenants.length === 2) {
    console.log(`\n1M ÷ 10k (target ≤ 2× at p95; 30-day p95 at 1M < 150 ms)`);
    for (const v of via) {
      for (const range of ['today', '30 days'] as const) {
        const [a, b] = tenants.map((t) => timings.get(cases.find((c) => c.name === `${v.name} ${t.label} ${range}`)!)!);
        console.log(`${`${v.name} ${range}`.padEnd(28)} p50 ${(b!.p50 / a!.p50).toFixed(2)}×   p95 ${(b!.p95 / a!.p95).toFixed(2)}×   (1M p95 ${b!.p95.toFixed(1)} ms)`);
      }
    }
  }
}

/** GET /api/v1/analytics/dashboard on a running server, as the tenant's owner (a session minted like sign-in's). */
function httpCaller(base: string, staffOf: (tenant: TenantInfo, role: 'owner') => Promise<StaffMember>) {
  return async (tenant: TenantInfo) => {
    const { encode } = await import('next-auth/jwt');
    const { newSessionClaims, SESSION_COOKIE, sessionMaxAgeSeconds } = await import('../lib/auth/session');
    const { config } = await import('../lib/platform/config');
    const owner = await staffOf(tenant, 'owner');
    const token = await encode({ token: { ...newSessionClaims({ ...owner, tenantId: tenant.id }) }, secret: config().authSecret, maxAge: sessionMaxAgeSeconds() });
    const host = `${tenant.slug}.${config().ROOT_DOMAIN.split(':')[0]}`; // the proxy reads the slug from Host, ports aside
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 }); // a browser keeps its connection too
    return (_t: unknown, query: Record<string, string>) =>
      new Promise<unknown>((resolve, reject) => {
        // node:http, not fetch: fetch drops a Host header, and cannot resolve *.localhost itself.
        const req = http.get(`${base}/api/v1/analytics/dashboard?${new URLSearchParams(query)}`, { agent, headers: { host, cookie: `${SESSION_COOKIE}=${token}` }, timeout: 30_000 }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const body = Buffer.concat(chunks).toString();
            if (res.statusCode !== 200) reject(new Error(`dashboard over HTTP: ${res.statusCode} ${body}`));
            else resolve(JSON.parse(body));
          });
          res.on('error', reject);
        });
        req.on('timeout', () => req.destroy(new Error('dashboard over HTTP: no answer in 30 s')));
        req.on('error', reject);
      });
  };
}
