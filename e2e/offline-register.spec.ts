import type { Socket } from 'node:net';
import http from 'node:http';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { cafe } from '../scripts/seed/seed-data';
import { browserFetch, DEMO, hydrated, openDemoShift, ROOT_DOMAIN, signIn, tenantUrl } from './support';

/**
 * The offline register (docs/offline.md). The register runs behind a small proxy of this spec's own
 * (a second port in front of the app server), so "the server is gone" is exact and needs no second
 * app instance: the proxy stops answering (its sockets are cut, new connections refused) and the
 * browser context is set offline too. The proxy can also cut the answer of one checkout after the
 * server made it — a sync interrupted half-way, the device never hearing of the order.
 * Cookies ignore ports, so the session signed in on the app server's own origin goes along; the
 * proxy says Host, Origin and Referer as the app's own origin would (its CSRF check compares them).
 */
const APP_PORT = Number(process.env.E2E_PORT ?? 3100);
const PROXY_PORT = APP_PORT + 7;
const PROXY_HOST = `${DEMO.slug}.localhost:${PROXY_PORT}`;
const APP_HOST = `${DEMO.slug}.${ROOT_DOMAIN}`;
const WATER = cafe.products.find((p) => p.name === 'Drinking water 1 L')!;
const WATER_PRICE = WATER.variants[0]!.price;
const WATER_SKU = WATER.variants[0]!.sku;

class Proxy {
  private server: http.Server | null = null;
  private sockets = new Set<Socket>();
  /** Order checkouts answered so far; past `cutAfter`, the next answer is cut and the proxy goes down. */
  checkouts = 0;
  cutAfter: number | null = null;

  start(): Promise<void> {
    const server = http.createServer((req, res) => {
      const checkout = req.method === 'POST' && req.url === '/api/v1/orders';
      const upstream = http.request({ host: '127.0.0.1', port: APP_PORT, method: req.method, path: req.url, headers: { ...req.headers, host: APP_HOST, ...(req.headers.origin && { origin: `http://${APP_HOST}` }), ...(req.headers.referer && { referer: req.headers.referer.replace(PROXY_HOST, APP_HOST) }) } }, (answer) => {
        if (checkout && answer.statusCode === 201) {
          this.checkouts++;
          if (this.cutAfter !== null && this.checkouts > this.cutAfter) {
            answer.resume();
            answer.on('end', () => void this.stop());
            return;
          }
        }
        const headers = { ...answer.headers };
        if (typeof headers.location === 'string') headers.location = headers.location.replace(APP_HOST, PROXY_HOST);
        res.writeHead(answer.statusCode ?? 502, headers);
        answer.pipe(res);
      });
      upstream.on('error', () => res.destroy());
      req.pipe(upstream);
    });
    server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    this.server = server;
    return new Promise((resolve) => server.listen(PROXY_PORT, '127.0.0.1', () => resolve()));
  }

  stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    for (const socket of this.sockets) socket.destroy();
    return new Promise((resolve) => (server ? server.close(() => resolve()) : resolve()));
  }
}

const proxyUrl = (path: string) => `http://${PROXY_HOST}${path}`;

async function sellWaterForCash(page: Page): Promise<string> {
  const products = page.getByRole('region', { name: 'Products' });
  await products.getByTestId('product-tile').filter({ hasText: WATER.name }).click();
  const cart = page.getByRole('region', { name: 'Current sale' });
  const pay = cart.getByRole('button', { name: /^Pay\b/ });
  await expect(pay).toBeEnabled();
  await pay.click();
  const payment = page.getByRole('dialog', { name: /^Payment/ });
  await payment.getByLabel('Cash received').fill(String(WATER_PRICE));
  await payment.getByRole('button', { name: /^Take cash/ }).click();
  const receipt = page.getByTestId('offline-receipt');
  const number = (await receipt.getByTestId('provisional-number').textContent())!.trim();
  expect(number).toMatch(/^OFF-[A-Z0-9]{4}-\d{4}$/);
  await receipt.getByTestId('new-sale').click();
  await expect(receipt).toBeHidden();
  return number;
}

/** What the server holds, asked from a page of another browser context on the app's own origin (never offline). */
async function ordersOfShift(api: Page, shiftId: string): Promise<{ id: string; number: number; status: string }[]> {
  const res = await browserFetch(api, `/api/v1/orders?shift=${shiftId}&limit=200`);
  expect(res.status).toBe(200);
  return res.body.data;
}

async function waterStock(api: Page): Promise<number> {
  const res = await browserFetch(api, '/api/v1/inventory/levels?lowStock=false&limit=500');
  expect(res.status).toBe(200);
  return res.body.data.find((l: { item: { sku: string } | null }) => l.item?.sku === WATER_SKU).quantity;
}

test('offline: cash sales are kept on the device through a reload, sent once each when the server is back (also after a sync cut half-way); a refused one waits for a manager', async ({ page, context, browser }) => {
  test.setTimeout(240_000);
  const proxy = new Proxy();
  await proxy.start();
  const registerName = `Offline till ${Date.now().toString(36)}`;
  let watcher: BrowserContext | null = null;
  try {
    // Signed in and a shift opened on the app's own origin (its session cookie serves the proxy's too).
    await signIn(page, DEMO.slug, DEMO.cashier.email, DEMO.password);
    await expect(page).toHaveURL(tenantUrl(DEMO.slug, '/register'));
    await page.evaluate((name) => window.localStorage.setItem('tillwise.registerName', name), registerName);
    await page.reload();
    await openDemoShift(page, registerName, 'MMK');
    watcher = await browser.newContext({ storageState: await context.storageState() });
    const api = await watcher.newPage();
    await api.goto(tenantUrl(DEMO.slug, '/register/orders'));
    const shift = (await browserFetch(api, `/api/v1/shifts?register=${encodeURIComponent(registerName)}`)).body;
    const stockBefore = await waterStock(api);

    // The register on the proxy's origin: its own localStorage, IndexedDB and service worker.
    await page.goto(proxyUrl('/signin'));
    await page.evaluate((name) => window.localStorage.setItem('tillwise.registerName', name), registerName);
    await page.goto(proxyUrl('/register'));
    await hydrated(page.getByRole('region', { name: 'Products' }));
    await expect(page.getByTestId('register-name')).toContainText(registerName);
    // The service worker holds the page and the shift before the server goes.
    await expect
      .poll(() => page.evaluate(async (url) => Boolean((await caches.match('/register')) && (await caches.match(url))), `/api/v1/shifts?register=${encodeURIComponent(registerName)}`), { timeout: 60_000 })
      .toBe(true);

    await proxy.stop();
    await context.setOffline(true);
    await expect(page.getByTestId('offline-banner')).toBeVisible();
    const provisional: string[] = [];
    for (let i = 0; i < 3; i++) provisional.push(await sellWaterForCash(page));
    await expect(page.getByTestId('offline-waiting')).toContainText('3 sales waiting');

    await page.reload();
    await expect(page.getByTestId('offline-banner')).toBeVisible();
    await expect(page.getByTestId('offline-waiting')).toContainText('3 sales waiting');
    provisional.push(await sellWaterForCash(page));
    expect(new Set(provisional).size).toBe(4);
    expect(await ordersOfShift(api, shift.id)).toHaveLength(0);

    // Back, but the answer to the third checkout is cut after the server made it: the server goes again.
    proxy.cutAfter = 2;
    await proxy.start();
    await context.setOffline(false);
    await expect.poll(async () => (await ordersOfShift(api, shift.id)).length, { timeout: 60_000 }).toBe(3);
    await expect(page.getByTestId('offline-banner')).toBeVisible({ timeout: 30_000 });

    // Back for good: the third is sent again (same key: the same order), then the fourth.
    proxy.cutAfter = null;
    await proxy.start();
    await expect(page.getByTestId('offline-mapped')).toContainText(provisional[3]!, { timeout: 60_000 });
    const orders = await ordersOfShift(api, shift.id);
    expect(orders, 'four sales, four orders: none twice').toHaveLength(4);
    expect(orders.every((o) => o.status === 'completed')).toBe(true);
    expect(await waterStock(api)).toBe(stockBefore - 4);
    await expect(page.getByTestId('offline-sync')).toHaveCount(0);
    // The provisional numbers of this page's drain, each with a real order number.
    const mapped = (await page.getByTestId('offline-mapped').textContent()) ?? '';
    for (const p of provisional.slice(2)) expect(mapped).toMatch(new RegExp(`${p} is order #\\d+`));
    const numbers = await page.evaluate(async () => {
      const open = indexedDB.open('tillwise-offline');
      const db: IDBDatabase = await new Promise((resolve) => (open.onsuccess = () => resolve(open.result)));
      const all: { provisional: string; number: number | null; state: string }[] = await new Promise((resolve) => {
        const r = db.transaction('sales').objectStore('sales').getAll();
        r.onsuccess = () => resolve(r.result);
      });
      return all;
    });
    const mine = numbers.filter((s) => provisional.includes(s.provisional));
    expect(mine.map((s) => s.state)).toEqual(['synced', 'synced', 'synced', 'synced']);
    expect(new Set(mine.map((s) => s.number))).toEqual(new Set(orders.map((o) => o.number)));

    // A sale the server refuses is kept for a manager, never dropped: here its shift closed while the register was offline.
    await proxy.stop();
    await context.setOffline(true);
    await expect(page.getByTestId('offline-banner')).toBeVisible();
    const refused = await sellWaterForCash(page);
    expect((await browserFetch(api, `/api/v1/shifts/${shift.id}/close`, { method: 'POST', json: { countedCash: 0 } })).status).toBe(200);
    await proxy.start();
    await context.setOffline(false);
    const attention = page.getByTestId('offline-attention');
    await expect(attention).toContainText('1 offline sale needs attention', { timeout: 60_000 });
    expect(await ordersOfShift(api, shift.id), 'the refused sale made no order').toHaveLength(4);
    await attention.getByRole('button', { name: 'Show' }).click();
    const dialog = page.getByTestId('offline-attention-dialog');
    const row = dialog.getByTestId('offline-refused');
    await expect(row).toContainText(refused);
    await expect(row).toContainText(/shift is closed/i);
    await row.getByRole('button', { name: 'Dealt with — remove' }).click();
    await expect(row).toHaveCount(0);
    await expect(attention).toHaveCount(0);
  } finally {
    await context.setOffline(false);
    await proxy.stop();
    await watcher?.close();
  }
});
