import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { database } from '@/db/client';
import { outboxEvents } from '@/db/schema/events';
import { appendEvents } from '@/lib/events';
import { databaseSettings, rowsOf, withTenant } from '@/lib/platform/db';
import { requestFingerprint, withIdempotency } from '@/lib/platform/idempotency';
import { createTenant, type TestTenant } from '../helpers';
import { ownDatabase } from '../own-database';

/**
 * The app behind PgBouncer in transaction pooling mode (docs/scaling.md): many
 * client connections share 2 server connections, so whatever a transaction sets must end with
 * it. withTenant's settings are transaction-local; this proves they never reach the next
 * tenant on the same server connection, and that the app's queries (DATABASE_PREPARE=false)
 * run through a pooler without prepared-statement support (PgBouncer 1.18).
 */
const pgbouncer = ['pgbouncer', '/usr/sbin/pgbouncer'].find((bin) => spawnSync(bin, ['--version']).status === 0);
const notRun = !process.env.DATABASE_URL
  ? 'PgBouncer test did not run: DATABASE_URL is not set (embedded PGlite has no server connections to pool)'
  : !pgbouncer
    ? 'PgBouncer test did not run: no pgbouncer binary (apt-get install -y pgbouncer)'
    : undefined;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Resolves once something accepts connections on `port` (or rejects if the process ends first). */
async function listening(port: number, child: ChildProcess, log: () => string): Promise<void> {
  for (;;) {
    if (child.exitCode !== null) throw new Error(`pgbouncer exited (${child.exitCode}):\n${log()}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = createConnection({ host: '127.0.0.1', port }, () => {
        socket.end();
        resolve(true);
      }).on('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const stockChanged = (kind: string) => ({
  type: 'StockChanged' as const,
  payload: { locationId: crypto.randomUUID(), variantId: crypto.randomUUID(), delta: 1, quantity: 1, kind, referenceId: null },
});

if (notRun) {
  // Said out loud, not only counted among the skipped: a green run here proved nothing about pooling.
  console.info(notRun);
  describe.skip(`PgBouncer transaction pooling — ${notRun}`, () => {
    it('needs DATABASE_URL and the pgbouncer binary', () => {});
  });
} else {
  describe('PgBouncer transaction pooling (pool_mode=transaction, default_pool_size=2)', () => {
    let dir: string;
    let port: number;
    let bouncer: ChildProcess;
    let db: Awaited<ReturnType<typeof ownDatabase>>;
    let a: TestTenant;
    let b: TestTenant;

    beforeAll(async () => {
      db = await ownDatabase('pgbouncer');
      const server = new URL(db.url);
      port = await freePort();
      dir = await mkdtemp(path.join(tmpdir(), 'tillwise-pgbouncer-'));
      await chmod(dir, 0o755); // pgbouncer refuses to run as root; as `nobody` it must still read its files
      await writeFile(path.join(dir, 'userlist.txt'), '"tillwise_app" ""\n');
      await writeFile(
        path.join(dir, 'pgbouncer.ini'),
        [
          '[databases]',
          `${db.name} = host=${server.hostname} port=${server.port || 5432} dbname=${db.name}`,
          '[pgbouncer]',
          'listen_addr = 127.0.0.1',
          `listen_port = ${port}`,
          'unix_socket_dir =',
          'auth_type = trust',
          `auth_file = ${path.join(dir, 'userlist.txt')}`,
          'pool_mode = transaction',
          'default_pool_size = 2',
          'min_pool_size = 0',
          'reserve_pool_size = 0',
          'max_client_conn = 200',
          '',
        ].join('\n'),
      );
      let log = '';
      const asRoot = process.getuid?.() === 0;
      bouncer = spawn(pgbouncer!, [...(asRoot ? ['-u', 'nobody'] : []), path.join(dir, 'pgbouncer.ini')], { stdio: ['ignore', 'pipe', 'pipe'] });
      bouncer.stdout!.on('data', (chunk) => (log += chunk));
      bouncer.stderr!.on('data', (chunk) => (log += chunk));
      await listening(port, bouncer, () => log);
      // Migrations went straight to Postgres as the owner; the app's own login goes through the pooler.
      await db.use({ DATABASE_APP_URL: `postgres://tillwise_app@127.0.0.1:${port}/${db.name}`, DATABASE_PREPARE: 'false' });
      a = await createTenant();
      b = await createTenant();
    });

    afterAll(async () => {
      await db?.use({}); // close the pooled connections before pgbouncer goes
      if (bouncer && bouncer.exitCode === null) {
        const exited = new Promise((resolve) => bouncer.once('exit', resolve));
        bouncer.kill('SIGINT'); // SIGINT: safe shutdown, waits for clients (there are none left)
        await exited;
      }
      await db?.drop();
      if (dir) await rm(dir, { recursive: true, force: true });
    });

    it('runs the app through the pooler, not straight to Postgres', async () => {
      const settings = databaseSettings();
      expect(new URL(settings.appUrl!).port).toBe(String(port));
      expect(settings.prepare).toBe(false);
      const { db: raw } = await database(settings);
      const [server] = rowsOf<{ port: number }>(await raw.execute(sql`select inet_server_port() as port`));
      expect(Number(server!.port)).not.toBe(port); // Postgres itself answers on its own port, behind the pooler
    });

    it('never lets a tenant see another tenant’s rows, however transactions interleave on 2 server connections', async () => {
      const tenants = [a, b];
      const marker = (t: TestTenant) => `pool-${t.tenant.id}`;
      /** Which tenant each server connection (backend pid) served, in order. */
      const servedBy = new Map<number, string[]>();
      const rounds = 60; // more concurrent transactions than the app's 10 client connections, and those than 2 server connections
      await Promise.all(
        Array.from({ length: rounds }, (_, i) => {
          const t = tenants[i % tenants.length]!;
          return withTenant(t.tenant.id, async (tx) => {
            const [session] = rowsOf<{ pid: number; tenant: string; role: string }>(
              await tx.execute(sql`select pg_backend_pid() as pid, current_setting('app.tenant_id', true) as tenant, current_user as role`),
            );
            expect(session).toMatchObject({ tenant: t.tenant.id, role: 'tillwise_app' });
            servedBy.set(session!.pid, [...(servedBy.get(session!.pid) ?? []), t.tenant.id]);
            await appendEvents(tx, t.tenant.id, [stockChanged(marker(t))]);
            await tx.execute(sql`select pg_sleep(0.005)`); // hold the server connection so others queue behind it
            const seen = await tx.select({ tenantId: outboxEvents.tenantId, payload: outboxEvents.payload }).from(outboxEvents);
            expect(seen.length).toBeGreaterThan(0);
            expect(new Set(seen.map((e) => e.tenantId))).toEqual(new Set([t.tenant.id]));
          });
        }),
      );
      // Every transaction ran on one of the pool's 2 server connections, and at least one of them
      // served both tenants — the sharing whose safety is under test really happened.
      expect(servedBy.size).toBeLessThanOrEqual(2);
      expect([...servedBy.values()].flat()).toHaveLength(rounds);
      expect([...servedBy.values()].some((served) => new Set(served).size === tenants.length)).toBe(true);
      for (const t of tenants) {
        const own = await withTenant(t.tenant.id, (tx) => tx.select({ payload: outboxEvents.payload }).from(outboxEvents).where(eq(outboxEvents.type, 'StockChanged')));
        expect(own).toHaveLength(rounds / tenants.length);
        expect(new Set(own.map((e) => (e.payload as { kind: string }).kind))).toEqual(new Set([marker(t)]));
      }
    });

    it('leaves no role or tenant on a server connection after a transaction', async () => {
      await Promise.all([a, b].flatMap((t) => Array.from({ length: 10 }, () => withTenant(t.tenant.id, (tx) => tx.execute(sql`select 1`)))));
      // A bare query (no withTenant) lands on one of the same 2 server connections.
      const { db: raw } = await database(databaseSettings());
      const bare = await Promise.all(
        Array.from({ length: 20 }, async () => {
          const [session] = rowsOf<{ tenant: string | null; role: string }>(
            await raw.execute(sql`select current_setting('app.tenant_id', true) as tenant, current_user as role`),
          );
          const visible = await raw.select({ id: outboxEvents.id }).from(outboxEvents);
          return { tenant: session!.tenant || null, role: session!.role, visible: visible.length };
        }),
      );
      expect(bare).toEqual(Array.from({ length: 20 }, () => ({ tenant: null, role: 'tillwise_app', visible: 0 })));
    });

    it('claims and completes Idempotency-Keys in one statement each through the pooler, and leaves nothing set', async () => {
      // callTenantFunction's statements run in no explicit transaction: on a transaction pooler
      // each is a transaction of its own, so the set_config(…, true) inside ends with it.
      let runs = 0;
      const answers = await Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          withIdempotency([a, b][Math.floor(i / 20)]!.tenant.id, `pool-key-${i % 10}`, requestFingerprint('POST', '/x', String(i % 10)), async () => {
            runs++;
            return new Response('ok', { status: 201 });
          }).then((r) => r.status, (e: { code?: string }) => e.code),
        ),
      );
      // The same 10 key strings in each of 2 tenants, each sent twice: every pair ran once, its duplicate replayed or got 409.
      expect(runs).toBe(20);
      expect(answers.every((x) => x === 201 || x === 'conflict')).toBe(true);
      const { db: raw } = await database(databaseSettings());
      const bare = await Promise.all(
        Array.from({ length: 20 }, async () => rowsOf<{ tenant: string | null }>(await raw.execute(sql`select nullif(current_setting('app.tenant_id', true), '') as tenant`))[0]!),
      );
      expect(bare).toEqual(Array.from({ length: 20 }, () => ({ tenant: null })));
    });

    it('runs the same statements over and over through the pooler and keeps every commit', async () => {
      // What a page repeats: the same statement text each time, for different tenants and
      // parameters, concurrently. drizzle's query builder sends unnamed statements anyway; raw
      // `tx.execute(sql…)` (withTenant's own set_config among them) and postgres.js's BEGIN/COMMIT
      // are named statements unless DATABASE_PREPARE=false. On PgBouncer 1.18 such a statement fails
      // with `prepared statement "…" does not exist` once a client's transaction lands on the other
      // server connection — and worse, some transactions resolve while their writes were rolled
      // back (most likely postgres.js's retry of the missing statement runs in the aborted
      // transaction, where COMMIT means rollback): the caller sees success, the rows are gone.
      const countOf = (t: TestTenant) =>
        withTenant(t.tenant.id, async (tx) => (await tx.select({ id: outboxEvents.id }).from(outboxEvents)).length);
      const before = await Promise.all([a, b].map(countOf));
      const round = () =>
        Promise.all(
          Array.from({ length: 40 }, (_, i) => {
            const t = [a, b][i % 2]!;
            return withTenant(t.tenant.id, async (tx) => {
              const [raw] = rowsOf<{ n: number }>(await tx.execute(sql`select count(*)::int as n from outbox_events where tenant_id = ${t.tenant.id}`));
              await appendEvents(tx, t.tenant.id, [stockChanged(`repeat-${t.tenant.id}`)]);
              await tx.execute(sql`select pg_sleep(0.005)`); // keep both server connections busy, so clients move between them
              return raw!.n;
            });
          }),
        );
      const counts = [...(await round()), ...(await round()), ...(await round())];
      expect(counts.every((n, i) => n >= before[i % 2]!)).toBe(true);
      expect(await Promise.all([a, b].map(countOf))).toEqual(before.map((n) => n + 60));
    });
  });
}
