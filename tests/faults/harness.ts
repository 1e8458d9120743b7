/**
 * One scenario's world: a private Postgres and Redis (services.ts), the card gateway simulator
 * in this process (its ledger and faults read and set directly), and the app as a production
 * server process (`next start` of the build, scripts/app-server.ts, as the HTTP bench runs it)
 * talking to all three. Shops are made with the bench's module calls; checks read the
 * database as its superuser, past RLS.
 */
import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import postgres from 'postgres';
import { createGateway } from '@/gateway/server';
import { ensureBuild, httpRequest, sessionCookie, startAppServer, stopProcess, waitForHealth, type HttpAnswer } from '@/scripts/app-server';
import { setUpBenchShop, type BenchShop } from '@/scripts/bench-shop';
import { privatePostgres, privateRedis } from './services';

const PG_PORT = Number(process.env.FAULTS_PG_PORT ?? 55432);
const REDIS_PORT = Number(process.env.FAULTS_REDIS_PORT ?? 56379);
const APP_PORT = Number(process.env.FAULTS_APP_PORT ?? 3480);
const DATABASE = 'tillwise_faults';
const SECRET = `tillwise-faults-${randomUUID()}`;
const GATEWAY_KEY = 'sk_test_faults_tillwise';

/**
 * How long one request may take before the suite calls it a hang. Not a speed target: a sound
 * answer (a 2xx or a prompt 503) comes in well under a second; this only keeps a hung request
 * from hanging the suite and names it as the failure it is.
 */
export const REQUEST_BOUND_MS = 20_000;

export type Harness = Awaited<ReturnType<typeof startHarness>>;

export async function startHarness({ appEnv = {} }: { appEnv?: Record<string, string> } = {}) {
  ensureBuild();
  const pg = privatePostgres(PG_PORT);
  pg.start();
  const redis = privateRedis(REDIS_PORT);
  await redis.start();
  const admin = postgres(pg.url(), { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${DATABASE}`);
  await admin.end();
  const databaseUrl = pg.url(DATABASE);

  // This process makes the shops with module calls: point its config at the private database.
  process.env.DATABASE_URL = databaseUrl;
  process.env.NEXTAUTH_SECRET = SECRET;
  const [{ resetConfigForTests }, { migrateDatabase }, { databaseSettings }] = await Promise.all([
    import('@/lib/platform/config'),
    import('@/db/migrate'),
    import('@/lib/platform/db'),
  ]);
  resetConfigForTests();
  await migrateDatabase(databaseSettings());

  const gateway = createGateway({ apiKey: GATEWAY_KEY });
  const gatewayUrl = await gateway.listen(0);
  const env: Record<string, string> = {
    LOG_LEVEL: 'warn',
    ROOT_DOMAIN: `localhost:${APP_PORT}`,
    NEXTAUTH_SECRET: SECRET,
    DATABASE_URL: databaseUrl,
    REDIS_URL: redis.url,
    PAYMENT_GATEWAY_URL: gatewayUrl,
    PAYMENT_GATEWAY_KEY: GATEWAY_KEY,
    ...appEnv,
  };
  let server: ChildProcess | undefined;
  let starts = 0;
  const startApp = async () => {
    server = startAppServer({ port: APP_PORT, env, logFile: `.data/faults/server-${++starts}.log` });
    await waitForHealth(APP_PORT, server);
    return server;
  };
  await startApp();

  /** The database as its owner (superuser): sees every tenant's rows. */
  const sql = postgres(databaseUrl, { max: 2, onnotice: () => {} });

  return {
    pg,
    redis,
    gateway,
    sql,
    port: APP_PORT,
    /** The server's NEXTAUTH_SECRET, for signing session cookies (scripts/app-server.ts sessionCookie). */
    secret: SECRET,
    get server() {
      return server!;
    },
    startApp,
    async stopApp(signal: NodeJS.Signals = 'SIGTERM') {
      if (server) await stopProcess(server, signal);
    },
    async shop(): Promise<Shop> {
      const shop = await setUpBenchShop();
      return { ...shop, cashier: await sessionCookie(SECRET, shop.tenantId, shop.staff.cashier), owner: await sessionCookie(SECRET, shop.tenantId, shop.staff.owner) };
    },
    /** A request to `shop`'s host as `as` (its cashier by default), bounded by REQUEST_BOUND_MS. */
    request(
      shop: Shop,
      method: string,
      path: string,
      { body, rawBody, as = 'cashier', idempotencyKey, headers = {} }: { body?: unknown; rawBody?: string; as?: 'cashier' | 'owner' | null; idempotencyKey?: string; headers?: Record<string, string> } = {},
    ): Promise<HttpAnswer> {
      return httpRequest(APP_PORT, {
        method,
        path,
        body,
        rawBody,
        timeoutMs: REQUEST_BOUND_MS,
        headers: {
          host: `${shop.slug}.localhost:${APP_PORT}`,
          origin: `http://${shop.slug}.localhost:${APP_PORT}`,
          ...(as && { cookie: shop[as] }),
          ...(idempotencyKey && { 'idempotency-key': idempotencyKey }),
          ...headers,
        },
      });
    },
    async stop() {
      await gateway.close().catch(() => undefined);
      if (server) await stopProcess(server);
      await sql.end({ timeout: 5 }).catch(() => undefined);
      const { closeDatabase } = await import('@/db/client');
      await closeDatabase().catch(() => undefined);
      await redis.stop();
      pg.destroy();
    },
  };
}

export type Shop = BenchShop & { cashier: string; owner: string };

/** The outcome of one request as the client saw it: an answer, or none within the bound. */
export type Outcome = { key: string; status: number | 'timeout' | 'network'; body: unknown; at: number };

/** POST /api/v1/orders (a 3-line cash checkout) under a fresh Idempotency-Key. */
export async function cashCheckout(h: Harness, shop: Shop, i: number, key: string = randomUUID()): Promise<Outcome> {
  return send(() => h.request(shop, 'POST', '/api/v1/orders', { body: { ...shop.cart(i), payments: [{ tender: 'cash', tendered: 100_000 }] }, idempotencyKey: key }), key);
}

/** Runs `request` and records what came back (a timeout or a dropped connection included). */
export async function send(request: () => Promise<HttpAnswer>, key = ''): Promise<Outcome> {
  try {
    const answer = await request();
    let body: unknown = answer.body;
    try {
      body = JSON.parse(answer.body);
    } catch {
      // not JSON: kept as text, and the assertions on the error shape will say so
    }
    return { key, status: answer.status, body, at: Date.now() };
  } catch (err) {
    return { key, status: (err as { code?: string }).code === 'TIMEOUT' ? 'timeout' : 'network', body: String(err), at: Date.now() };
  }
}

export const ok = (o: Outcome) => typeof o.status === 'number' && o.status >= 200 && o.status < 300;
export const orderId = (o: Outcome) => (o.body as { id: string }).id;

/** Waits until `check` holds, polling every 200 ms, for `seconds` at most; false if it never did. */
export async function eventually(check: () => Promise<boolean> | boolean, seconds: number): Promise<boolean> {
  const until = Date.now() + seconds * 1000;
  while (Date.now() < until) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 200));
  }
  return check();
}
