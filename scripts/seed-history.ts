// npm run seed:history -- --tenant <slug> --orders <n> [--per-day 1000] [--seed 1] [--like demo|acme]
//
// Brings a tenant's order history to <n> orders before today (the benchmark's 1M-order café:
// `--tenant demo --orders 1000000`), then rebuilds its report rollups (the history emits no
// events). Orders are added on the days before the oldest it has, <per-day> a day on average;
// see topUpOrderHistory in scripts/seed/seed-history.ts. `--like demo` first creates the tenant
// as a twin of that demo business (staff, catalog, 60 days) when the slug does not exist yet.
// Deterministic for the same arguments; running it again adds nothing (and rebuilds nothing).
// Prints progress.
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { migrateDatabase } from '@/db/migrate';
import { rebuildAnalytics } from '@/lib/analytics';
import { databaseSettings } from '@/lib/platform/db';
import { findTenantBySlug } from '@/lib/tenancy';
import { runScript } from './run-script';
import { DEMO_TENANTS, seedDemoTenant } from './seed/seed';
import { topUpOrderHistory, type HistoryProfile } from './seed/seed-history';

const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(1);

export async function seedHistory(args: { tenant: string; orders: number; perDay?: number; seed?: number; like?: string; log?: (line: string) => void }): Promise<void> {
  const log = args.log ?? console.log;
  const twinOf = args.like ?? args.tenant;
  const demo = DEMO_TENANTS.find((t) => t.slug === twinOf);
  if (args.like && !demo) throw new Error(`--like names a demo tenant: ${DEMO_TENANTS.map((t) => t.slug).join(', ')}`);
  if (args.like && demo && !(await findTenantBySlug(args.tenant))) {
    const started = performance.now();
    await seedDemoTenant({ ...demo, slug: args.tenant, domain: `${args.tenant}.test`, businessName: `${demo.businessName} (${args.tenant})` });
    log(`${args.tenant}: created as a twin of ${demo.slug} in ${seconds(started)} s`);
  }
  const tenant = await findTenantBySlug(args.tenant);
  if (!tenant) throw new Error(`No tenant with the slug ${args.tenant} (npm run db:seed creates demo and acme; --like demo makes a twin)`);
  const profile: HistoryProfile = demo?.kind === 'shop' ? 'shop' : 'cafe';

  const started = performance.now();
  let shown = 0;
  const history = await topUpOrderHistory(tenant.id, {
    slug: tenant.slug,
    profile,
    orders: args.orders,
    perDay: args.perDay,
    seed: args.seed,
    onBatch: (r) => {
      if (r.orders < r.target && r.orders - shown < r.target / 20) return; // about 20 lines per run
      shown = r.orders;
      const rate = r.orders / ((performance.now() - started) / 1000);
      const eta = Math.round((r.target - r.orders) / rate);
      log(`  ${r.orders.toLocaleString('en')} / ${r.target.toLocaleString('en')} orders (${r.days} / ${r.totalDays} days) — ${Math.round(rate)} orders/s, ${eta} s to go`);
    },
  });
  if (history.skipped) {
    log(`${args.tenant}: already holds ${history.existing.toLocaleString('en')} orders before today (≥ ${args.orders.toLocaleString('en')}): nothing added, rollups left as they are`);
    log(`  (if an earlier run stopped before its rebuild: npm run analytics:rebuild -- --tenant ${args.tenant})`);
    return;
  } else {
    log(
      `${args.tenant}: added ${history.orders.toLocaleString('en')} orders (${history.lines.toLocaleString('en')} lines, ${history.payments.toLocaleString('en')} payments, ` +
        `${history.refunds} refunds, ${history.voided} voids) on ${history.days} days ${history.from}…${history.to} to the ${history.existing.toLocaleString('en')} it had, in ${seconds(started)} s`,
    );
  }

  const rebuilding = performance.now();
  let lastShown = 0;
  const rebuilt = await rebuildAnalytics(tenant.id, {
    daysPerBatch: 14,
    onBatch: (r) => {
      if (performance.now() - lastShown < 10_000) return;
      lastShown = performance.now();
      log(`  rollups: ${r.sales.toLocaleString('en')} sales through ${r.through} (of …${r.last}), ${seconds(rebuilding)} s`);
    },
  });
  log(`${args.tenant}: rollups rebuilt from ${rebuilt.sales.toLocaleString('en')} sales, ${rebuilt.refunds} refunds, ${rebuilt.voids} voids over ${rebuilt.days} days in ${seconds(rebuilding)} s`);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { tenant: { type: 'string' }, orders: { type: 'string' }, 'per-day': { type: 'string' }, seed: { type: 'string' }, like: { type: 'string' } },
  });
  const orders = Number(values.orders);
  if (!values.tenant || !Number.isInteger(orders) || orders < 0) throw new Error('Usage: npm run seed:history -- --tenant <slug> --orders <n> [--per-day 1000] [--seed 1] [--like demo]');
  await migrateDatabase(databaseSettings());
  await seedHistory({
    tenant: values.tenant,
    orders,
    perDay: values['per-day'] ? Number(values['per-day']) : undefined,
    seed: values.seed ? Number(values.seed) : undefined,
    like: values.like,
  });
}

if (process.argv[1]?.endsWith('seed-history.ts')) runScript(main); // not when the bench imports seedHistory
