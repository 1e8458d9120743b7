import { expect, test, type BrowserContext } from '@playwright/test';
import { browserFetch, DEMO, signIn, tenantUrl } from './support';
import { openNamedShift, ordersOfShift, Proxy, registerBehindProxy, sellWaterForCash, WATER_PRICE, waterStock } from './offline-support';

/**
 * The offline register (docs/offline.md). The register runs behind a small proxy of this spec's own
 * (e2e/offline-support.ts), so "the server is gone" is exact, and the browser context is set offline
 * too. The proxy can also cut the answer of one checkout after the server made it — a sync
 * interrupted half-way, the device never hearing of the order.
 */
test('offline: cash sales are kept on the device through a reload, sent once each when the server is back (also after a sync cut half-way); a refused one waits for a manager', async ({ page, context, browser }) => {
  test.setTimeout(240_000);
  const proxy = new Proxy(7);
  await proxy.start();
  const registerName = `Offline till ${Date.now().toString(36)}`;
  let watcher: BrowserContext | null = null;
  let manager: BrowserContext | null = null;
  try {
    // Signed in and a shift opened on the app's own origin (its session cookie serves the proxy's too).
    await signIn(page, DEMO.slug, DEMO.cashier.email, DEMO.password);
    await expect(page).toHaveURL(tenantUrl(DEMO.slug, '/register'));
    const shift = await openNamedShift(page, registerName);
    watcher = await browser.newContext({ storageState: await context.storageState() });
    const api = await watcher.newPage();
    await api.goto(tenantUrl(DEMO.slug, '/register/orders'));
    const stockBefore = await waterStock(api);

    await registerBehindProxy(page, proxy, registerName);
    await expect(page.getByTestId('register-name')).toContainText(registerName);

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
    // It reached the managers' "Needs attention" list on the server (resolving it: offline-two-registers.spec.ts).
    await expect(row.getByTestId('offline-refused-state')).toHaveText("On the managers' list", { timeout: 60_000 });
    const listed = (await browserFetch(api, '/api/v1/offline-sales/refused')).body.data.filter((s: { provisional: string }) => s.provisional === refused);
    expect(listed).toMatchObject([{ status: 'open', registerName, cashierName: DEMO.cashier.name, total: WATER_PRICE, error: { status: 409, message: expect.stringMatching(/shift is closed/i) } }]);
    // The cashier may not settle it; a manager writes it off (through the API here), and the device's copy goes at its next sync.
    expect((await browserFetch(api, `/api/v1/offline-sales/refused/${listed[0].id}/resolve`, { method: 'POST', json: { resolution: 'written_off', reason: 'Sold after the shift closed' } })).status).toBe(403);
    manager = await browser.newContext();
    const managerPage = await manager.newPage();
    await signIn(managerPage, DEMO.slug, DEMO.manager.email, DEMO.password);
    await expect(managerPage).not.toHaveURL(/\/signin/);
    const writtenOff = await browserFetch(managerPage, `/api/v1/offline-sales/refused/${listed[0].id}/resolve`, { method: 'POST', json: { resolution: 'written_off', reason: 'Sold after the shift closed' } });
    expect([writtenOff.status, writtenOff.body.status]).toEqual([200, 'written_off']);
    await page.reload();
    await expect(page.getByTestId('offline-attention')).toHaveCount(0, { timeout: 60_000 });
  } finally {
    await context.setOffline(false);
    await proxy.stop();
    await watcher?.close();
    await manager?.close();
  }
});
