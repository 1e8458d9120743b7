import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as events from '@/app/api/v1/events/route';
import { appendEvents } from '@/lib/events';
import { withTenant } from '@/lib/platform/db';
import { apiRequest, createTenant, noParams, type TestTenant } from '../helpers';

type Received = { id: string; type: string; payload: { kind?: string } };

/** Opens the tenant's event stream and collects what arrives. */
async function openStream(t: TestTenant, lastEventId?: string) {
  const abort = new AbortController();
  const req = await apiRequest('GET', '/api/v1/events', { host: t.tenant, as: t.cashier, headers: lastEventId ? { 'last-event-id': lastEventId } : {} });
  const res = await events.GET(new (req.constructor as typeof Request)(req, { signal: abort.signal }) as typeof req, noParams);
  expect(res.headers.get('content-type')).toContain('text/event-stream');
  const received: Received[] = [];
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  void (async () => {
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      const blocks = buffer.split('\n\n');
      buffer = blocks.pop()!;
      for (const block of blocks) {
        const data = block.split('\n').find((l) => l.startsWith('data: '));
        if (data) received.push(JSON.parse(data.slice(6)));
      }
    }
  })();
  const waitFor = async (predicate: (r: Received[]) => boolean) => {
    while (!predicate(received)) await new Promise((r) => setTimeout(r, 20));
  };
  return { received, waitFor, close: () => abort.abort() };
}

const emit = (t: TestTenant, kind: string) =>
  withTenant(t.tenant.id, (tx) =>
    appendEvents(tx, t.tenant.id, [{ type: 'StockChanged', payload: { locationId: crypto.randomUUID(), variantId: crypto.randomUUID(), delta: 1, quantity: 1, kind, referenceId: null } }]),
  );
const kinds = (received: Received[]) => received.map((r) => r.payload.kind).filter((k) => k?.startsWith('live-'));

describe('live events (server-sent)', () => {
  let a: TestTenant;
  let b: TestTenant;
  beforeAll(async () => {
    a = await createTenant();
    b = await createTenant();
  });
  afterAll(() => undefined);

  it('streams a tenant’s new events, and never another tenant’s', async () => {
    const streamA = await openStream(a);
    const streamB = await openStream(b);
    await emit(a, 'live-a1');
    await emit(b, 'live-b1');
    await streamA.waitFor((r) => kinds(r).includes('live-a1'));
    await streamB.waitFor((r) => kinds(r).includes('live-b1'));
    expect(kinds(streamA.received)).not.toContain('live-b1');
    expect(kinds(streamB.received)).not.toContain('live-a1');
    streamA.close();
    streamB.close();
  });

  it('catches up after a reconnect with Last-Event-ID', async () => {
    const first = await openStream(a);
    await emit(a, 'live-before');
    await first.waitFor((r) => kinds(r).includes('live-before'));
    const last = first.received.at(-1)!;
    first.close();
    await emit(a, 'live-missed-1');
    await emit(a, 'live-missed-2');
    const again = await openStream(a, last.id);
    await again.waitFor((r) => kinds(r).includes('live-missed-2'));
    expect(kinds(again.received)).toEqual(expect.arrayContaining(['live-missed-1', 'live-missed-2']));
    expect(again.received.map((r) => r.id)).not.toContain(last.id);
    again.close();
  });

  it.runIf(process.env.DATABASE_URL && process.env.REDIS_URL)('fans out across app instances (Redis pub/sub)', async () => {
    const stream = await openStream(a);
    await promisify(execFile)('npx', ['tsx', '--tsconfig', 'tsconfig.scripts.json', 'tests/events/emit-event.ts', a.tenant.id, 'live-other-instance'], { env: process.env });
    await stream.waitFor((r) => kinds(r).includes('live-other-instance'));
    stream.close();
  }, 60_000);
});
