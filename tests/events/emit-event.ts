// Run as a separate process by live.test.ts: another "app instance" appends an event.
import { closeDatabase } from '@/db/client';
import { appendEvents } from '@/lib/events';
import { closeLiveEvents } from '@/lib/events/live';
import { withTenant } from '@/lib/platform/db';
import { closeRedis } from '@/lib/platform/redis';

async function main(): Promise<void> {
  const [tenantId, kind] = process.argv.slice(2) as [string, string];
  await withTenant(tenantId, (tx) =>
    appendEvents(tx, tenantId, [{ type: 'StockChanged', payload: { locationId: crypto.randomUUID(), variantId: crypto.randomUUID(), delta: 1, quantity: 1, kind, referenceId: null } }]),
  );
  await closeLiveEvents(); // sends the Redis wake-up before this process ends
  await closeDatabase();
  await closeRedis();
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
