import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { browserFetch, DEMO, hydrated, signIn, tenantUrl } from './support';
import { openNamedShift, ordersOfShift, Proxy, registerBehindProxy, sellWaterForCash, WATER_SKU, waterStock } from './offline-support';

/**
 * Issue 16: two registers offline selling the last unit (docs/offline.md › Needs attention). The item
 * may not go below zero (a product's "allow negative stock" is off — the demo's water, as every
 * product by default: lib/inventory's guarded decrement), 1 unit is left, both registers sell it while
 * the server is gone, both come back: the server makes one order, refuses the other (not enough
 * stock), and the refused sale is in "Needs attention" on its device and on the server's list, where a
 * manager writes it off — and the device's copy clears on its next sync.
 */
type Device = { context: BrowserContext; page: Page; registerName: string; shiftId: string };

async function device(browser: Browser, proxy: Proxy, registerName: string): Promise<Device> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, DEMO.slug, DEMO.cashier.email, DEMO.password);
  await expect(page).toHaveURL(tenantUrl(DEMO.slug, '/register'));
  const shift = await openNamedShift(page, registerName);
  await registerBehindProxy(page, proxy, registerName);
  return { context, page, registerName, shiftId: shift.id };
}

test('two registers offline sell the last unit: on sync one order, the other sale is refused for stock and needs attention, on the device and on the server', async ({ browser }) => {
  test.setTimeout(300_000);
  const proxy = new Proxy(8);
  await proxy.start();
  const tag = Date.now().toString(36);
  const devices: Device[] = [];
  const manager = await browser.newContext();
  let restoreTo: number | null = null;
  const api = await manager.newPage();
  try {
    await signIn(api, DEMO.slug, DEMO.manager.email, DEMO.password);
    await expect(api).not.toHaveURL(/\/signin/);
    await api.goto(tenantUrl(DEMO.slug, '/register/orders'));
    // One unit left.
    const levels = (await browserFetch(api, '/api/v1/inventory/levels?lowStock=false&limit=500')).body.data;
    const water = levels.find((l: { item: { sku: string } | null }) => l.item?.sku === WATER_SKU);
    restoreTo = water.quantity;
    const adjust = (delta: number) =>
      browserFetch(api, '/api/v1/inventory/adjustments', { method: 'POST', json: { locationId: water.locationId, reason: 'correction', note: 'offline two-registers test', lines: [{ variantId: water.variantId, delta }] } });
    if (water.quantity !== 1) expect((await adjust(1 - water.quantity)).status).toBe(201);
    expect(await waterStock(api)).toBe(1);

    devices.push(await device(browser, proxy, `Till A ${tag}`), await device(browser, proxy, `Till B ${tag}`));

    // The server goes; each register sells the last unit.
    await proxy.stop();
    for (const d of devices) await d.context.setOffline(true);
    const provisional: string[] = [];
    for (const d of devices) {
      await expect(d.page.getByTestId('offline-banner')).toBeVisible();
      provisional.push(await sellWaterForCash(d.page));
    }

    // Both come back at once.
    await proxy.start();
    await Promise.all(devices.map((d) => d.context.setOffline(false)));
    await expect
      .poll(async () => (await Promise.all(devices.map((d) => d.page.getByTestId('offline-attention').count()))).reduce((a, b) => a + b, 0), { timeout: 90_000 })
      .toBe(1);
    const made = await Promise.all(devices.map((d) => ordersOfShift(api, d.shiftId)));
    expect(made.flat(), 'one order for the one unit').toHaveLength(1);
    expect(made.flat()[0]!.status).toBe('completed');
    expect(await waterStock(api), 'never below zero').toBe(0);

    // The loser: its device lists the sale with the server's reason…
    const loser = made.findIndex((orders) => orders.length === 0);
    const lost = devices[loser]!;
    await expect(devices[1 - loser]!.page.getByTestId('offline-attention')).toHaveCount(0);
    await lost.page.getByTestId('offline-attention').getByRole('button', { name: 'Show' }).click();
    const row = lost.page.getByTestId('offline-attention-dialog').getByTestId('offline-refused');
    await expect(row).toContainText(provisional[loser]!);
    await expect(row).toContainText(/not enough stock/i);
    await expect(row.getByTestId('offline-refused-state')).toHaveText("On the managers' list", { timeout: 60_000 });

    // …and so does the managers' list on the server, and the register orders screen.
    const listed = (await browserFetch(api, '/api/v1/offline-sales/refused')).body.data.filter((s: { provisional: string }) => s.provisional === provisional[loser]);
    expect(listed).toMatchObject([{ status: 'open', registerName: lost.registerName, shiftId: lost.shiftId, error: { status: 409, code: 'conflict', message: expect.stringMatching(/not enough stock/i) } }]);
    // The manager's screen stands for the losing register (its name, so re-ring uses that register's open shift).
    await api.evaluate((name) => window.localStorage.setItem('tillwise.registerName', name), lost.registerName);
    await api.reload();
    const attention = api.getByTestId('needs-attention').getByTestId('refused-sale').filter({ hasText: provisional[loser]! });
    await expect(attention.getByTestId('refused-reason')).toContainText(/not enough stock/i);

    // Re-ringing it as a normal sale meets the same rule: the unit is gone, so nothing is sold twice.
    const rering = attention.getByRole('button', { name: `Re-ring on ${lost.registerName}` });
    await hydrated(rering);
    await rering.click();
    await expect(attention.getByRole('alert')).toContainText(/not enough stock/i);
    expect(await waterStock(api)).toBe(0);
    expect(await ordersOfShift(api, lost.shiftId)).toHaveLength(0);

    // A manager writes it off; the device's copy clears on its next sync.
    await hydrated(attention.getByRole('button', { name: 'Write off…' }));
    await attention.getByRole('button', { name: 'Write off…' }).click();
    await attention.getByLabel('Why it is written off').fill('Last unit sold twice offline; customer refunded');
    await attention.getByRole('button', { name: 'Write off', exact: true }).click();
    await expect(attention).toHaveCount(0);
    await lost.page.reload();
    await expect(lost.page.getByTestId('offline-attention')).toHaveCount(0, { timeout: 60_000 });
    const resolved = (await browserFetch(api, `/api/v1/offline-sales/refused?status=resolved&keys=${encodeURIComponent(listed[0].saleKey)}`)).body.data;
    expect(resolved).toMatchObject([{ status: 'written_off', resolutionReason: 'Last unit sold twice offline; customer refunded' }]);
  } finally {
    for (const d of devices) await d.context.close();
    await proxy.stop();
    if (restoreTo !== null) {
      const now = await waterStock(api).catch(() => null);
      if (now !== null && now !== restoreTo) {
        const levels = (await browserFetch(api, '/api/v1/inventory/levels?lowStock=false&limit=500')).body.data;
        const water = levels.find((l: { item: { sku: string } | null }) => l.item?.sku === WATER_SKU);
        await browserFetch(api, '/api/v1/inventory/adjustments', { method: 'POST', json: { locationId: water.locationId, reason: 'correction', note: 'offline two-registers test: back', lines: [{ variantId: water.variantId, delta: restoreTo - now } ] } });
      }
    }
    await manager.close();
  }
});
