// npm run bench — how fast the money path is, as ratios against a baseline measured in the
// same run on the same machine (absolute numbers vary between machines; ratios much less).
//
// Baseline: an empty tenant transaction (withTenant + set_config). Measured: pricing a cart
// (pure), quoting it (catalog reads), a checkout (order + lines + stock + outbox), and a
// checkout with a cash payment. Memory: heap growth over the checkout run. Then the dashboard
// at 10k and 1M orders (scripts/bench-dashboard.ts) and the memory of a 200k-row CSV export
// (scripts/bench-export.ts), real Postgres only; and the assistant's cold and cached answers
// (scripts/bench-assistant.ts). Figures and how to run: docs/performance.md.
// Runs on a throw-away in-memory PGlite unless DATABASE_URL is set (then a scratch database).
// The HTTP section (scripts/bench-http.ts): the production server under autocannon, real Postgres only.
// The offline register's drain of 100 queued sales (scripts/bench-offline-drain.ts), on PGlite or Postgres.
// BENCH_ONLY=money,http,dashboard,export,assistant,offline runs only the sections named (default: all).
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { benchAssistant } from './bench-assistant';
import { benchDashboard } from './bench-dashboard';
import { benchExport } from './bench-export';
import { benchHttp } from './bench-http';
import { benchOfflineDrain } from './bench-offline-drain';
import { setUpBenchShop } from './bench-shop';

process.env.LOG_LEVEL ??= 'silent';
// The assistant section: the built-in model whatever keys are set, and a few hundred turns a minute.
process.env.ASSISTANT_PROVIDER = 'offline';
process.env.ASSISTANT_RATE_LIMIT = '1000';
if (!process.env.DATABASE_URL) process.env.PGLITE_DIR = 'memory://';
// BENCH_DATABASE: a name of one's own when several checkouts bench against one server.
else process.env.DATABASE_URL = Object.assign(new URL(process.env.DATABASE_URL), { pathname: `/${process.env.BENCH_DATABASE ?? 'tillwise_bench'}` }).toString();

const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 200);
const SECTIONS = ['money', 'http', 'dashboard', 'export', 'assistant', 'offline'] as const;
const only = process.env.BENCH_ONLY?.split(',').map((s) => s.trim());
const unknown = only?.filter((s) => !(SECTIONS as readonly string[]).includes(s));
if (unknown?.length) throw new Error(`BENCH_ONLY: unknown section ${unknown.join(', ')} (one of ${SECTIONS.join(', ')})`);
const runs = (section: (typeof SECTIONS)[number]) => !only || only.includes(section);

async function measure(name: string, iterations: number, fn: (i: number) => Promise<unknown> | unknown) {
  for (let i = 0; i < Math.min(20, iterations); i++) await fn(i); // warm-up
  const started = performance.now();
  for (let i = 0; i < iterations; i++) await fn(i);
  const ms = (performance.now() - started) / iterations;
  return { name, msPerOp: ms };
}

async function main(): Promise<void> {
  const { migrateDatabase } = await import('../db/migrate');
  const { closeDatabase } = await import('../db/client');
  const { databaseSettings, withTenant } = await import('../lib/platform/db');
  await migrateDatabase(databaseSettings());
  // An empty transaction sets a tenant id and touches no row: any id will do.
  const emptyTenant = randomUUID();
  const baseline = await measure('empty tenant transaction (baseline)', ITERATIONS, () => withTenant(emptyTenant, async () => undefined));
  if (runs('money')) await benchMoneyPath(baseline);
  if (runs('http')) await benchHttp();
  if (runs('dashboard')) await benchDashboard(baseline.msPerOp);
  if (runs('export')) await benchExport();
  if (runs('assistant')) await benchAssistant();
  if (runs('offline')) await benchOfflineDrain();
  const { closeLiveEvents } = await import('../lib/events/live');
  await closeLiveEvents();
  await closeDatabase();
  const { closeRedis } = await import('../lib/platform/redis');
  await closeRedis();
}

async function benchMoneyPath(baseline: { name: string; msPerOp: number }): Promise<void> {
  const { createOrder, createOrderSchema, payOrder, priceOrder } = await import('../lib/orders');
  const { quoteOrder } = await import('../lib/orders/quote');

  const shop = await setUpBenchShop();
  const ctx = shop.cashierCtx;
  const cart = (i: number) => createOrderSchema.parse(shop.cart(i));

  const results = [
    await measure('price a 3-line cart (pure)', ITERATIONS * 10, () =>
      priceOrder([{ unitPrice: 120, modifiersTotal: 0, quantity: 2, taxRateBasisPoints: 700 }, { unitPrice: 99, modifiersTotal: 30, quantity: 1, taxRateBasisPoints: 0 }], { pricesIncludeTax: false }),
    ),
    await measure('quote a 3-line cart', ITERATIONS, (i) => quoteOrder(ctx, cart(i))),
  ];
  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  results.push(await measure('checkout (order + stock + outbox)', ITERATIONS, (i) => createOrder(ctx, cart(i))));
  results.push(
    await measure('checkout + cash payment', ITERATIONS, async (i) => {
      const id = await createOrder(ctx, cart(i));
      await payOrder(ctx, id, { tender: 'cash', tendered: 10_000 });
    }),
  );
  global.gc?.();
  const heapGrowthMb = (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024;

  console.log(`\nTillwise bench — ${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'}, ${ITERATIONS} iterations\n`);
  console.log(`${'operation'.padEnd(40)} ${'ms/op'.padStart(9)} ${'× baseline'.padStart(11)}`);
  for (const r of [baseline, ...results]) {
    console.log(`${r.name.padEnd(40)} ${r.msPerOp.toFixed(3).padStart(9)} ${(r.msPerOp / baseline.msPerOp).toFixed(2).padStart(11)}`);
  }
  console.log(`\nheap growth over the checkout runs: ${heapGrowthMb.toFixed(1)} MB (${((heapGrowthMb * 1024) / (ITERATIONS * 2)).toFixed(1)} KB per order)`);
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
