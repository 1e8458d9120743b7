// npm run analytics:rebuild [-- --tenant <slug>] — recomputes the report rollups from the orders
// (every tenant, or one), a week of business days per transaction. Safe while the app runs.
import { parseArgs } from 'node:util';
import { migrateDatabase } from '@/db/migrate';
import { rebuildAnalytics } from '@/lib/analytics';
import { databaseSettings } from '@/lib/platform/db';
import { findTenantBySlug, listTenantIds } from '@/lib/tenancy';
import { runScript } from './run-script';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { tenant: { type: 'string' }, 'days-per-batch': { type: 'string' } } });
  await migrateDatabase(databaseSettings());
  let tenantIds: string[];
  if (values.tenant) {
    const tenant = await findTenantBySlug(values.tenant);
    if (!tenant) throw new Error(`No tenant with the slug ${values.tenant}`);
    tenantIds = [tenant.id];
  } else {
    tenantIds = await listTenantIds();
  }
  const daysPerBatch = values['days-per-batch'] ? Number(values['days-per-batch']) : undefined;
  for (const tenantId of tenantIds) {
    const started = performance.now();
    const result = await rebuildAnalytics(tenantId, { daysPerBatch });
    console.log(`${values.tenant ?? tenantId}: ${result.sales} sales, ${result.refunds} refunds, ${result.voids} voids over ${result.days} days in ${Math.round(performance.now() - started)} ms`);
  }
}

runScript(main);
