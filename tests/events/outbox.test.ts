import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { outboxDeliveries, outboxEvents } from '@/db/schema/events';
import { appendEvents, dispatchPending, onEvent, onEvents } from '@/lib/events';
import { onEventsAppended } from '@/lib/events/outbox';
import { listLocations } from '@/lib/inventory'; // registers inventory's TenantCreated handler
import { databaseSettings, withTenant } from '@/lib/platform/db';
import { createTenant, type TestTenant } from '../helpers';

const eventRows = (t: TestTenant, type: string) =>
  withTenant(t.tenant.id, (tx) => tx.select().from(outboxEvents).where(eq(outboxEvents.type, type)));

/** Handlers for these tests listen to StockChanged events tagged with a test-specific kind. */
const seen: { handler: string; eventId: string }[] = [];
let failuresLeft = 0;
onEvent('StockChanged', 'test.recorder', async (tx, event) => {
  if (!event.payload.kind.startsWith('test-')) return;
  seen.push({ handler: 'recorder', eventId: event.id });
});
onEvent('StockChanged', 'test.flaky', async (tx, event) => {
  if (event.payload.kind !== 'test-flaky') return;
  if (failuresLeft > 0) {
    failuresLeft--;
    throw new Error('downstream unavailable');
  }
  seen.push({ handler: 'flaky', eventId: event.id });
});

/** A batch handler: every call's events (test kinds only); it refuses a batch holding 'test-poison'. */
const batches: string[][] = [];
onEvents('StockChanged', 'test.batch', async (tx, events) => {
  if (events.some((e) => e.payload.kind === 'test-poison')) throw new Error('cannot take this one');
  const ours = events.filter((e) => e.payload.kind.startsWith('test-')).map((e) => e.id);
  if (ours.length > 0) batches.push(ours);
});
/** A per-event handler whose work is in the database: it answers 'test-poison' with an event of its own. */
onEvent('StockChanged', 'test.writer', async (tx, event) => {
  if (event.payload.kind === 'test-poison') await appendEvents(tx, event.tenantId, [stockChanged(`test-written-${event.id}`)]);
});

const stockChanged = (kind: string) => ({
  type: 'StockChanged' as const,
  payload: { locationId: crypto.randomUUID(), variantId: crypto.randomUUID(), delta: 1, quantity: 1, kind, referenceId: null },
});

describe('outbox', () => {
  let t: TestTenant;
  beforeAll(async () => {
    t = await createTenant();
  });

  it('writes an event if and only if its transaction commits', async () => {
    await withTenant(t.tenant.id, (tx) => appendEvents(tx, t.tenant.id, [stockChanged('test-commit')]));
    await expect(
      withTenant(t.tenant.id, async (tx) => {
        await appendEvents(tx, t.tenant.id, [stockChanged('test-rollback')]);
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    const kinds = (await eventRows(t, 'StockChanged')).map((e) => e.payload.kind);
    expect(kinds).toContain('test-commit');
    expect(kinds).not.toContain('test-rollback');
  });

  it('carries tenant id, event id, type, time and payload to handlers', async () => {
    await withTenant(t.tenant.id, (tx) => appendEvents(tx, t.tenant.id, [stockChanged('test-shape')]));
    await dispatchPending();
    const [row] = (await eventRows(t, 'StockChanged')).filter((e) => e.payload.kind === 'test-shape');
    expect(row).toMatchObject({ tenantId: t.tenant.id, type: 'StockChanged', attempts: 1 });
    expect(row!.dispatchedAt).toBeInstanceOf(Date);
    expect(row!.occurredAt).toBeInstanceOf(Date);
    expect(seen.filter((s) => s.eventId === row!.id && s.handler === 'recorder')).toHaveLength(1);
  });

  it('retries a handler that throws, without re-running the ones that succeeded', async () => {
    failuresLeft = 1;
    await withTenant(t.tenant.id, (tx) => appendEvents(tx, t.tenant.id, [stockChanged('test-flaky')]));
    await dispatchPending();
    const [failed] = (await eventRows(t, 'StockChanged')).filter((e) => e.payload.kind === 'test-flaky');
    expect(failed).toMatchObject({ dispatchedAt: null, attempts: 1, lastError: expect.stringContaining('downstream unavailable') });
    expect(failed!.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() - 1000);

    // Make it due now instead of waiting for the backoff.
    await withTenant(t.tenant.id, (tx) => tx.update(outboxEvents).set({ nextAttemptAt: sql`now()` }).where(eq(outboxEvents.id, failed!.id)));
    await dispatchPending();
    const [retried] = (await eventRows(t, 'StockChanged')).filter((e) => e.id === failed!.id);
    expect(retried).toMatchObject({ attempts: 2, lastError: null });
    expect(retried!.dispatchedAt).toBeInstanceOf(Date);
    expect(seen.filter((s) => s.eventId === failed!.id).map((s) => s.handler).sort()).toEqual(['flaky', 'recorder']);
  });

  it('delivering an event twice changes nothing', async () => {
    await withTenant(t.tenant.id, (tx) => appendEvents(tx, t.tenant.id, [stockChanged('test-twice')]));
    await dispatchPending();
    const [event] = (await eventRows(t, 'StockChanged')).filter((e) => e.payload.kind === 'test-twice');
    // As if the dispatcher crashed after the handlers ran but before marking the event done.
    await withTenant(t.tenant.id, (tx) =>
      tx.update(outboxEvents).set({ dispatchedAt: null, nextAttemptAt: sql`now()` }).where(eq(outboxEvents.id, event!.id)),
    );
    await dispatchPending();
    expect(seen.filter((s) => s.eventId === event!.id)).toHaveLength(1);
    const deliveries = await withTenant(t.tenant.id, (tx) =>
      tx.select().from(outboxDeliveries).where(and(eq(outboxDeliveries.eventId, event!.id))),
    );
    expect(deliveries.map((d) => d.handler).sort()).toEqual(['test.batch', 'test.flaky', 'test.recorder', 'test.writer']);
  });

  it('creates a new business’s first location from TenantCreated', async () => {
    const fresh = await createTenant();
    expect(await eventRows(fresh, 'TenantCreated')).toHaveLength(1);
    await dispatchPending();
    expect((await listLocations({ tenantId: fresh.tenant.id })).map((l) => ({ name: l.name, isDefault: l.isDefault }))).toEqual([
      { name: 'Main store', isDefault: true },
    ]);
    await dispatchPending(); // a second run does not add another
    expect(await listLocations({ tenantId: fresh.tenant.id })).toHaveLength(1);
  });

  it('hands a batch handler a tenant’s events together, in the order they occurred', async () => {
    for (const n of [1, 2, 3]) await withTenant(t.tenant.id, (tx) => appendEvents(tx, t.tenant.id, [stockChanged(`test-batch-${n}`)]));
    const ids = (await eventRows(t, 'StockChanged')).filter((e) => String(e.payload.kind).startsWith('test-batch-')).sort((a, b) => String(a.payload.kind).localeCompare(String(b.payload.kind))).map((e) => e.id);
    await dispatchPending();
    expect(batches.find((b) => b.includes(ids[0]!))).toEqual(ids);
  });

  it('keeps one bad event of a batch from holding up the rest, and the other handlers’ work on it', async () => {
    let wakeUps = 0;
    const stop = onEventsAppended(() => wakeUps++);
    await withTenant(t.tenant.id, (tx) => appendEvents(tx, t.tenant.id, [stockChanged('test-good-1'), stockChanged('test-poison'), stockChanged('test-good-2')]));
    const before = wakeUps;
    await dispatchPending();
    stop();
    const rows = await eventRows(t, 'StockChanged');
    const byKind = (kind: string) => rows.find((e) => e.payload.kind === kind)!;
    const [good1, poison, good2] = [byKind('test-good-1'), byKind('test-poison'), byKind('test-good-2')];
    expect(good1.dispatchedAt).toBeInstanceOf(Date);
    expect(good2.dispatchedAt).toBeInstanceOf(Date);
    expect(batches.flat()).toEqual(expect.arrayContaining([good1.id, good2.id]));
    expect(poison).toMatchObject({ dispatchedAt: null, attempts: 1, lastError: expect.stringContaining('test.batch: cannot take this one') });
    // The writer's work on the poison event committed in the same transaction, and woke the dispatcher after it.
    expect(rows.filter((e) => e.payload.kind === `test-written-${poison.id}`)).toHaveLength(1);
    expect(wakeUps).toBeGreaterThan(before);
    const delivered = await withTenant(t.tenant.id, (tx) => tx.select().from(outboxDeliveries).where(eq(outboxDeliveries.eventId, poison.id)));
    expect(delivered.map((d) => d.handler).sort()).toEqual(['test.flaky', 'test.recorder', 'test.writer']);

    // Retried, it fails again for the batch handler alone: the writer is not run twice.
    await withTenant(t.tenant.id, (tx) => tx.update(outboxEvents).set({ nextAttemptAt: sql`now()` }).where(eq(outboxEvents.id, poison.id)));
    await dispatchPending();
    const again = await eventRows(t, 'StockChanged');
    expect(again.find((e) => e.id === poison.id)).toMatchObject({ dispatchedAt: null, attempts: 2 });
    expect(again.filter((e) => e.payload.kind === `test-written-${poison.id}`)).toHaveLength(1);
  });

  it('gives the dispatcher’s role nothing but reading and leasing the outbox (and reading which webhook deliveries are due)', async () => {
    const { database } = await import('@/db/client');
    const { rowsOf } = await import('../helpers');
    const { db } = await database(databaseSettings());
    const granted = rowsOf(
      await db.execute(sql`
        select c.relname as "table", p.privilege
        from pg_class c
        join pg_namespace n on n.oid = c.relnamespace
        cross join unnest(array['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE', 'REFERENCES', 'TRIGGER']) as p(privilege)
        where n.nspname = 'public' and c.relkind in ('r', 'p') and has_table_privilege('tillwise_dispatcher', c.oid, p.privilege)
        order by 1, 2`),
    );
    expect(granted).toEqual([
      { table: 'outbox_events', privilege: 'SELECT' },
      { table: 'outbox_events', privilege: 'UPDATE' },
      // webhook_tenants_due (db/policies.sql): answers only the ids of tenants with webhook deliveries due.
      { table: 'webhook_deliveries', privilege: 'SELECT' },
    ]);
  });
});
