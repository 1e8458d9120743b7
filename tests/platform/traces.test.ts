import { context, trace, type Attributes } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import * as orders from '@/app/api/v1/orders/route';
import type { Gateway } from '@/gateway/server';
import '@/lib/analytics'; // subscribes to OrderPaid (as instrumentation.ts does)
import '@/lib/restaurant'; // subscribes to OrderPlaced
import { receiveStock } from '@/lib/inventory';
import { guarded } from '@/lib/assistant/tools';
import { dispatchPending, startDispatcher } from '@/lib/events';
import { gatheringRunner } from '@/lib/events/dispatcher';
import { REQUEST_ID_HEADER } from '@/lib/platform/headers';
import { currentContext, runWithContext } from '@/lib/platform/request-context';
import { apiRequest, contextOf, createStockedProduct, createTenant, mainLocation, noParams, PASSWORD, sessionTokenFor, startGateway, type TestTenant } from '../helpers';

/**
 * The spans of a checkout, as an OTLP collector would get them: a real SDK provider with an
 * in-memory exporter stands where @vercel/otel's would (instrumentation.ts registers that only
 * with an OTLP endpoint). Names and attributes: docs/operations.md › Traces.
 */
const exporter = new InMemorySpanExporter();
const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
const contextManager = new AsyncLocalStorageContextManager();

let gateway: Gateway;
let t: TestTenant;
let item: string;
let token: string;
/** Every span this file saw, for the secrets check at the end. */
const seen: ReadableSpan[] = [];

beforeAll(async () => {
  context.setGlobalContextManager(contextManager.enable());
  trace.setGlobalTracerProvider(provider);
  gateway = await startGateway();
  t = await createTenant();
  const product = await createStockedProduct(t);
  item = product.variants[0]!.id;
  await receiveStock(contextOf(t), { locationId: await mainLocation(t), supplier: null, note: null, lines: [{ variantId: item, quantity: 50 }] });
  token = await sessionTokenFor(t.cashier);
  await checkout('req-warm-up', 'cash'); // the host's tenant is looked up once per process
  await dispatchPending();
});

afterAll(async () => {
  await gateway.close();
  // Back to the API's no-op, as every other test file (and a server without OTLP) runs.
  trace.disable();
  context.disable();
  await provider.shutdown();
});

beforeEach(() => {
  seen.push(...exporter.getFinishedSpans());
  exporter.reset();
});

const checkout = (requestId: string, tender: 'cash' | 'card') =>
  apiRequest('POST', '/api/v1/orders', {
    host: t.tenant,
    as: token,
    headers: { [REQUEST_ID_HEADER]: requestId },
    body: { type: 'retail', lines: [{ variantId: item, quantity: 1 }], payments: [tender === 'cash' ? { tender: 'cash', tendered: 500 } : { tender: 'card', source: 'tok_visa' }] },
  }).then((req) => orders.POST(req, noParams));

const spans = () => exporter.getFinishedSpans();
const parentOf = (span: ReadableSpan) => span.parentSpanContext?.spanId;
const childrenOf = (parent: ReadableSpan, all = spans()) => all.filter((s) => parentOf(s) === parent.spanContext().spanId);
const named = (name: string | RegExp, all = spans()) => all.filter((s) => (typeof name === 'string' ? s.name === name : name.test(s.name)));
/** The span's ancestors up to its trace's root. */
function ancestors(span: ReadableSpan, all = spans()): ReadableSpan[] {
  const parent = all.find((s) => s.spanContext().spanId === parentOf(span));
  return parent ? [parent, ...ancestors(parent, all)] : [];
}

describe('traces', () => {
  it('a cash checkout: the route span holds its database transactions and Redis calls, each with the tenant and request id', async () => {
    const res = await checkout('req-trace-cash', 'cash');
    expect(res.status).toBe(201);

    const [route, ...more] = named('POST /api/v1/orders');
    expect(more).toEqual([]);
    expect(route!.attributes).toMatchObject({
      'http.request.method': 'POST',
      'http.route': '/api/v1/orders',
      'http.response.status_code': 201,
      'tenant.id': t.tenant.id,
      'request.id': 'req-trace-cash',
    });
    expect(parentOf(route!)).toBeUndefined(); // the root here; under Next's own span in a server

    const transactions = named('db.transaction');
    expect(transactions.length).toBeGreaterThan(0);
    for (const tx of transactions) {
      expect(parentOf(tx)).toBe(route!.spanContext().spanId);
      expect(tx.attributes).toMatchObject({ 'db.system.name': 'postgresql', 'tenant.id': t.tenant.id, 'request.id': 'req-trace-cash' });
    }
    // The session check asks Redis for revocations: one span per call, named by the command only.
    const redisCalls = named(/^redis /);
    expect(redisCalls.length).toBeGreaterThan(0);
    for (const call of redisCalls) {
      expect(call.attributes).toMatchObject({ 'db.system.name': 'redis', 'request.id': 'req-trace-cash' });
      expect(ancestors(call)).toContain(route);
    }
    // One trace, and nothing in it outside the route span.
    expect(new Set(spans().map((s) => s.spanContext().traceId))).toEqual(new Set([route!.spanContext().traceId]));
  });

  it('delivering the outbox: a span per tenant batch and per handler call, each with the tenant', async () => {
    await checkout('req-trace-outbox', 'cash');
    exporter.reset();
    await dispatchPending();

    const batches = named('outbox.deliver');
    for (const batch of batches) expect(batch.attributes['tenant.id']).toEqual(expect.any(String));
    const ours = batches.filter((b) => b.attributes['tenant.id'] === t.tenant.id);
    expect(ours).toHaveLength(1);
    const [tx] = childrenOf(ours[0]!);
    expect(tx).toMatchObject({ name: 'db.transaction', attributes: { 'tenant.id': t.tenant.id } });
    const handled = childrenOf(tx!).filter((s) => s.name.startsWith('outbox.handle '));
    expect(handled.map((s) => s.attributes['event.type'])).toEqual(expect.arrayContaining(['OrderPlaced', 'OrderPaid']));
    for (const span of handled) {
      expect(span.name).toBe(`outbox.handle ${span.attributes['event.type']}`);
      expect(span.attributes).toMatchObject({ 'tenant.id': t.tenant.id, 'event.handler': expect.any(String), 'outbox.events': expect.any(Number) });
    }
  });

  it('a card checkout: a gateway span per call with a child per attempt, retries included, under the route span', async () => {
    gateway.control.failNext = 1; // the first attempt is answered 500, the retry (same key) captures
    const res = await checkout('req-trace-card', 'card');
    expect(await res.json()).toMatchObject({ status: 'completed', paymentError: null });

    const [route] = named('POST /api/v1/orders');
    const [charge, ...more] = named('gateway charge');
    expect(more).toEqual([]);
    expect(ancestors(charge!)).toContain(route);
    expect(charge!.attributes).toMatchObject({ 'tenant.id': t.tenant.id, 'request.id': 'req-trace-card', 'gateway.attempts': 2, 'http.response.status_code': 201 });
    const attempts = childrenOf(charge!);
    expect(attempts.map((a) => [a.name, a.attributes['gateway.attempt'], a.attributes['http.response.status_code']])).toEqual([
      ['gateway attempt', 1, 500],
      ['gateway attempt', 2, 201],
    ]);
    expect(attempts[0]!.status.code).toBe(2); // SpanStatusCode.ERROR
  });

  it('the dispatcher a checkout wakes up works outside that request: its own trace, no request id', async () => {
    const stop = startDispatcher(60_000, 0);
    try {
      await checkout('req-trace-wakes', 'cash');
      const batch = await vi.waitFor(() => {
        const found = named('outbox.deliver').find((b) => b.attributes['tenant.id'] === t.tenant.id);
        if (!found) throw new Error('not delivered yet');
        return found;
      });
      const [route] = named('POST /api/v1/orders');
      expect(parentOf(batch)).toBeUndefined();
      expect(batch.spanContext().traceId).not.toBe(route!.spanContext().traceId);
      expect(batch.attributes['request.id']).toBeUndefined();
    } finally {
      stop();
    }
  });

  it('an assistant tool call: a span named by the tool, an error status when it failed, never its arguments', async () => {
    await runWithContext({ requestId: 'req-trace-tool', tenantId: t.tenant.id }, async () => {
      await guarded('salesSummary', async () => ({ net: 1 }));
      await guarded('findOrder', async () => Promise.reject(new Error('lost the database')));
    });
    const [ok, broken] = [named('assistant.tool salesSummary')[0]!, named('assistant.tool findOrder')[0]!];
    expect(ok.attributes).toEqual({ 'request.id': 'req-trace-tool', 'tenant.id': t.tenant.id, 'assistant.tool': 'salesSummary' });
    expect([ok.status.code, broken.status.code]).toEqual([0, 2]); // UNSET, ERROR
  });

  it('a dispatch round woken inside a request runs outside it: no request context for its log lines, no parent span', async () => {
    const inside: unknown[] = [];
    const runner = gatheringRunner(async () => {
      inside.push(currentContext(), trace.getActiveSpan());
    }, 0);
    await runWithContext({ requestId: 'req-wakes', tenantId: t.tenant.id }, () =>
      trace.getTracer('test').startActiveSpan('a request', async (span) => {
        runner.trigger(); // what a commit's afterCommit does
        span.end();
      }),
    );
    await vi.waitFor(() => expect(inside).toHaveLength(2));
    expect(inside).toEqual([undefined, undefined]);
  });

  it('no span, attribute or event anywhere carries the session token, the card source or a password', () => {
    seen.push(...spans());
    expect(seen.length).toBeGreaterThan(20);
    const text = JSON.stringify(
      seen.map((s) => ({ name: s.name, attributes: s.attributes, status: s.status, events: s.events.map((e) => [e.name, e.attributes as Attributes]) })),
    );
    for (const secret of [token, 'tok_visa', PASSWORD, process.env.NEXTAUTH_SECRET!]) expect(text).not.toContain(secret);
    expect(text).toContain(t.tenant.id); // the check reads the right thing
  });
});
