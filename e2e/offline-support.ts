import type { Socket } from 'node:net';
import http from 'node:http';
import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { cafe } from '../scripts/seed/seed-data';
import { browserFetch, DEMO, hydrated, openDemoShift, ROOT_DOMAIN, signIn, tenantUrl } from './support';

/**
 * What the offline register's specs share (docs/offline.md): a small proxy of the spec's own in front
 * of the app server, so "the server is gone" is exact and needs no second app instance — it stops
 * answering (its sockets are cut, new connections refused) — and can cut the answer of one checkout
 * after the server made it (a sync interrupted half-way). Cookies ignore ports, so a session signed
 * in on the app server's own origin goes along; the proxy says Host, Origin and Referer as the app's
 * own origin would (its CSRF check compares them). Each spec takes its own port (`offset`).
 */
export const APP_PORT = Number(process.env.E2E_PORT ?? 3100);
export const APP_HOST = `${DEMO.slug}.${ROOT_DOMAIN}`;
export const WATER = cafe.products.find((p) => p.name === 'Drinking water 1 L')!;
export const WATER_PRICE = WATER.variants[0]!.price;
export const WATER_SKU = WATER.variants[0]!.sku;

export class Proxy {
  readonly port: number;
  readonly host: string;
  private server: http.Server | null = null;
  private sockets = new Set<Socket>();
  /** Order checkouts answered so far; past `cutAfter`, the next answer is cut and the proxy goes down. */
  checkouts = 0;
  cutAfter: number | null = null;
  /** While set, every checkout gets a 503 (the server busy): the register keeps its queue and tries again later. */
  refuseCheckouts = false;

  constructor(offset: number) {
    this.port = APP_PORT + offset;
    this.host = `${DEMO.slug}.localhost:${this.port}`;
  }

  url(path: string): string {
    return `http://${this.host}${path}`;
  }

  start(): Promise<void> {
    const server = http.createServer((req, res) => {
      const checkout = req.method === 'POST' && req.url === '/api/v1/orders';
      if (checkout && this.refuseCheckouts) {
        req.resume();
        res.writeHead(503, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { code: 'unavailable', message: 'Busy (the spec says so)' } }));
        return;
      }
      const upstream = http.request({ host: '127.0.0.1', port: APP_PORT, method: req.method, path: req.url, headers: { ...req.headers, host: APP_HOST, ...(req.headers.origin && { origin: `http://${APP_HOST}` }), ...(req.headers.referer && { referer: req.headers.referer.replace(this.host, APP_HOST) }) } }, (answer) => {
        if (checkout && answer.statusCode === 201) {
          this.checkouts++;
          if (this.cutAfter !== null && this.checkouts > this.cutAfter) {
            answer.resume();
            answer.on('end', () => void this.stop());
            return;
          }
        }
        const headers = { ...answer.headers };
        if (typeof headers.location === 'string') headers.location = headers.location.replace(APP_HOST, this.host);
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
    return new Promise((resolve) => server.listen(this.port, '127.0.0.1', () => resolve()));
  }

  stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    for (const socket of this.sockets) socket.destroy();
    return new Promise((resolve) => (server ? server.close(() => resolve()) : resolve()));
  }
}

/** Names this origin's register `registerName` (localStorage) and opens its shift; answers the shift. */
export async function openNamedShift(page: Page, registerName: string): Promise<{ id: string }> {
  await page.evaluate((name) => window.localStorage.setItem('tillwise.registerName', name), registerName);
  await page.reload();
  await openDemoShift(page, registerName, 'MMK');
  return (await browserFetch(page, `/api/v1/shifts?register=${encodeURIComponent(registerName)}`)).body;
}

/**
 * The manager signed in with register `registerName`'s shift open (on the app's own origin), and a
 * second browser context with the same session on that origin to ask the server (never offline).
 * The caller closes `watcher`.
 */
export async function managerShiftAndWatcher(page: Page, context: BrowserContext, browser: Browser, registerName: string): Promise<{ shift: { id: string }; watcher: BrowserContext; api: Page }> {
  await signIn(page, DEMO.slug, DEMO.manager.email, DEMO.password);
  await expect(page).not.toHaveURL(/\/signin/);
  await page.goto(tenantUrl(DEMO.slug, '/register'));
  const shift = await openNamedShift(page, registerName);
  const watcher = await browser.newContext({ storageState: await context.storageState() });
  const api = await watcher.newPage();
  await api.goto(tenantUrl(DEMO.slug, '/register/orders'));
  return { shift, watcher, api };
}

/**
 * The register `registerName` on the proxy's origin (its own localStorage, IndexedDB and service
 * worker), once the service worker holds the page and the shift — what it needs before the server goes.
 */
export async function registerBehindProxy(page: Page, proxy: Proxy, registerName: string): Promise<void> {
  await page.goto(proxy.url('/signin'));
  await page.evaluate((name) => window.localStorage.setItem('tillwise.registerName', name), registerName);
  await page.goto(proxy.url('/register'));
  await hydrated(page.getByRole('region', { name: 'Products' }));
  await expect
    .poll(() => page.evaluate(async (url) => Boolean((await caches.match('/register')) && (await caches.match(url))), `/api/v1/shifts?register=${encodeURIComponent(registerName)}`), { timeout: 60_000 })
    .toBe(true);
}

export async function sellWaterForCash(page: Page): Promise<string> {
  const products = page.getByRole('region', { name: 'Products' });
  // The grid opens on the menu offered now, which need not hold water (the evening's does not).
  await products.getByRole('group', { name: 'Menus' }).getByRole('button', { name: 'All items' }).click();
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
export async function ordersOfShift(api: Page, shiftId: string): Promise<{ id: string; number: number; status: string }[]> {
  const res = await browserFetch(api, `/api/v1/orders?shift=${shiftId}&limit=200`);
  expect(res.status).toBe(200);
  return res.body.data;
}

export async function waterStock(api: Page): Promise<number> {
  const res = await browserFetch(api, '/api/v1/inventory/levels?lowStock=false&limit=500');
  expect(res.status).toBe(200);
  return res.body.data.find((l: { item: { sku: string } | null }) => l.item?.sku === WATER_SKU).quantity;
}

