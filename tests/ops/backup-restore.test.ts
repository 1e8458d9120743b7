import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { afterAll, describe, expect, it } from 'vitest';
import { migrateDatabase } from '@/db/migrate';
import { receiveStock } from '@/lib/inventory';
import { checkout, createOrderSchema, getOrder } from '@/lib/orders';
import { contextOf, createStockedProduct, createTenant, mainLocation } from '../helpers';
import { ownDatabase } from '../own-database';

/**
 * The backup and restore docs/operations.md gives, done for real: pg_dump of a database with
 * sales in it, pg_restore into an empty one, and the app pointed at the copy — the sale reads
 * back the same, the tenant wall (RLS, the app role's grants) stands, and migrating the copy
 * finds nothing to do. PGlite (the embedded default) is backed up as its directory: see the doc.
 */
const onPostgres = process.env.DATABASE_URL ? describe : describe.skip;

onPostgres('backup and restore (pg_dump → pg_restore)', () => {
  const dump = join(tmpdir(), `tillwise-backup-${crypto.randomUUID()}.dump`);
  let source: Awaited<ReturnType<typeof ownDatabase>> | undefined;
  let restored: Awaited<ReturnType<typeof ownDatabase>> | undefined;

  afterAll(async () => {
    rmSync(dump, { force: true });
    // The copy first: each puts back the DATABASE_URL it found, the source's last.
    await restored?.drop();
    await source?.drop();
  });

  it('restores a dump into an empty database: the same sale, the same tenant wall, nothing left to migrate', async () => {
    source = await ownDatabase('backup');
    await source.use({});
    const t = await createTenant();
    const other = await createTenant();
    const location = await mainLocation(t);
    const product = await createStockedProduct(t);
    const variantId = product.variants[0]!.id;
    await receiveStock(contextOf(t), { locationId: location, supplier: null, note: null, lines: [{ variantId, quantity: 5 }] });
    const { order } = await checkout(contextOf(t, t.cashier), createOrderSchema.parse({ type: 'retail', locationId: location, lines: [{ variantId, quantity: 2 }], payments: [{ tender: 'cash', tendered: 1000 }] }));

    execFileSync('pg_dump', ['--format=custom', '--file', dump, source.url], { stdio: 'pipe' });
    restored = await ownDatabase('backup_restored', { migrate: false });
    execFileSync('pg_restore', ['--exit-on-error', '--dbname', restored.url, dump], { stdio: 'pipe' });

    // The app on the copy, as its own role under RLS.
    await restored.use({});
    expect(await getOrder(contextOf(t), order.id)).toEqual(order);
    await expect(getOrder(contextOf(other), order.id)).rejects.toMatchObject({ code: 'not_found' });

    // Its migrations came with it: migrating the copy applies nothing and changes nothing.
    const before = await tableCounts(restored.url);
    await migrateDatabase({ url: restored.url, pgliteDir: 'memory://' });
    expect(await tableCounts(restored.url)).toEqual(before);
  });
});

/** Rows per migration journal and per sales table: what a second migration or a lost restore would change. */
async function tableCounts(url: string): Promise<Record<string, number>> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const [row] = await sql`
      select (select count(*)::int from drizzle.__drizzle_migrations) as migrations,
             (select count(*)::int from orders) as orders,
             (select count(*)::int from payments) as payments,
             (select count(*)::int from stock_movements) as movements,
             (select count(*)::int from pg_policies where schemaname = 'public') as policies`;
    return row as Record<string, number>;
  } finally {
    await sql.end();
  }
}
