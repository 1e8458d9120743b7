// npm run bench, section `offline` (BENCH_ONLY=offline to run it alone): the offline register's
// drain — the time from "network back" to "queue empty" for 100 sales queued while offline
// (issue 16, docs/offline.md, docs/performance.md).
//
// Driven by the register's own code: components/register/offline-drain.ts#drainQueue, the function
// the browser's sync hook runs, through the register's fetch wrapper (components/register/api.ts),
// so each sale goes as the device sends it — sequentially, POST /api/v1/orders with its own
// Idempotency-Key, the exact checkout body it queued (placedAt, expectedTotal, the cash tender) and
// the wrapper's headers. What stands in for the browser: `fetch` here hands each request, with the
// headers the wrapper set plus the session cookie and the tenant header the proxy would add, to the
// orders route handler in this process (the same tenantRoute, idempotency and checkout a server runs),
// and the queue is kept in memory instead of IndexedDB. So the figure is the server's work and the
// drain's own sequencing, without a network's round trips or the browser's IndexedDB writes.
// BENCH_OFFLINE_SALES: how many (default 100).
import { performance } from 'node:perf_hooks';
import { setUpBenchShop } from './bench-shop';

const SALES = Number(process.env.BENCH_OFFLINE_SALES ?? 100);

export async function benchOfflineDrain(): Promise<void> {
  const { NextRequest } = await import('next/server');
  const { encode } = await import('next-auth/jwt');
  const { newSessionClaims, SESSION_COOKIE, sessionMaxAgeSeconds } = await import('../lib/auth/session');
  const { config } = await import('../lib/platform/config');
  const { TENANT_HEADER } = await import('../lib/tenancy/host');
  const { openShift, quoteOrder, createOrderSchema, listOrders, listOrdersQuerySchema } = await import('../lib/orders');
  const orders = await import('../app/api/v1/orders/route');
  const { drainQueue } = await import('../components/register/offline-drain');
  const { newActionKey } = await import('../components/register/api');
  type QueuedSale = import('../components/register/offline-queue').QueuedSale;

  const shop = await setUpBenchShop();
  const registerName = 'Offline till';
  const shift = await openShift(shop.cashierCtx, { registerName, locationId: shop.locationId, openingFloat: 0 });
  const token = await encode({ token: { ...newSessionClaims({ ...shop.staff.cashier, tenantId: shop.tenantId }) }, secret: config().authSecret, maxAge: sessionMaxAgeSeconds() });

  // The queue as the register writes it offline (use-sale.ts#saveOffline): its own key, the checkout body, placedAt.
  const queue: QueuedSale[] = [];
  for (let i = 0; i < SALES; i++) {
    const cart = { ...shop.cart(i), shiftId: shift.id };
    const { total } = await quoteOrder(shop.cashierCtx, createOrderSchema.parse(cart));
    const placedAt = new Date().toISOString(); // rung up one after another, after the shift opened
    queue.push({
      key: newActionKey(),
      tenantId: shop.tenantId,
      registerName,
      seq: i + 1,
      provisional: `OFF-BNCH-${String(i + 1).padStart(4, '0')}`,
      body: { ...cart, expectedTotal: total, payments: [{ tender: 'cash', tendered: total }], placedAt },
      total,
      currency: 'USD',
      cashTendered: total,
      changeGiven: 0,
      placedAt,
      state: 'queued',
      orderId: null,
      number: null,
      syncedAt: null,
      error: null,
    });
  }

  // The browser's fetch, answered by the route handler in this process.
  const browserFetch = globalThis.fetch;
  let requests = 0;
  globalThis.fetch = (async (input: string | URL | Request, init?: RequestInit) => {
    const path = typeof input === 'string' ? input : input instanceof URL ? input.pathname : input.url;
    if (path !== '/api/v1/orders' || init?.method !== 'POST') throw new Error(`the drain asked for ${init?.method ?? 'GET'} ${path}`);
    requests++;
    const headers = new Headers(init.headers);
    headers.set('cookie', `${SESSION_COOKIE}=${token}`);
    headers.set(TENANT_HEADER, shop.slug);
    headers.set('sec-fetch-site', 'same-origin');
    const req = new NextRequest(`http://${shop.slug}.bench.test${path}`, { method: 'POST', headers, body: init.body as string });
    return orders.POST(req, { params: Promise.resolve({}) });
  }) as typeof fetch;

  let synced = 0;
  let refused = 0;
  let result: { stoppedEarly: boolean };
  const started = performance.now();
  try {
    result = await drainQueue(queue, {
      online: () => true,
      synced: async (sale, order) => {
        Object.assign(sale, { state: 'synced', orderId: order.id, number: order.number, syncedAt: new Date().toISOString() });
        synced++;
      },
      refused: async (sale, error) => {
        Object.assign(sale, { state: 'refused', error });
        refused++;
      },
    });
  } finally {
    globalThis.fetch = browserFetch;
  }
  const ms = performance.now() - started;

  const made = await listOrders(shop.cashierCtx, listOrdersQuerySchema.parse({ shift: shift.id, limit: '200' }));
  if (result.stoppedEarly || synced !== SALES || refused !== 0 || made.total !== SALES) {
    throw new Error(`offline drain: ${synced} synced, ${refused} refused, ${made.total} orders of ${SALES} (stopped early: ${result.stoppedEarly})`);
  }
  console.log(`\nOffline drain (${process.env.DATABASE_URL ? 'Postgres' : 'PGlite'}): ${SALES} queued sales, network back → queue empty`);
  console.table([
    {
      sales: SALES,
      requests,
      'total ms': Number(ms.toFixed(0)),
      'ms per sale': Number((ms / SALES).toFixed(1)),
      'sales per s': Number(((SALES * 1000) / ms).toFixed(1)),
    },
  ]);
}
