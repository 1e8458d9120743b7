import { expect, test, type BrowserContext } from '@playwright/test';
import { browserFetch, DEMO } from './support';
import { managerShiftAndWatcher, ordersOfShift, Proxy, registerBehindProxy, sellWaterForCash } from './offline-support';

/**
 * Switching staff with no server (docs/offline.md › Switching staff offline): the register, signed in
 * as the manager, keeps this device's PIN verifiers from its last sync; offline, a wrong PIN is
 * refused on the device and the cashier's right one makes her the one selling; back online, her
 * sale reaches the server as hers (the manager's session sent it), and the register is the
 * signed-in manager's again.
 */
test('offline: switch to another cashier by PIN, sell, back online → the order is that cashier’s', async ({ page, context, browser }) => {
  test.setTimeout(180_000);
  const proxy = new Proxy(11);
  await proxy.start();
  const registerName = `PIN till ${Date.now().toString(36)}`;
  let watcher: BrowserContext | null = null;
  try {
    const signedIn = await managerShiftAndWatcher(page, context, browser, registerName);
    watcher = signedIn.watcher;
    const { shift, api } = signedIn;
    const cashier = (await browserFetch(api, '/api/v1/staff')).body.data.find((s: { email: string }) => s.email === DEMO.cashier.email);

    await registerBehindProxy(page, proxy, registerName);
    await expect(page.getByTestId('current-staff')).toContainText(DEMO.manager.name);
    // Before the server goes: this device's verifiers kept (nothing but them).
    const kept = () =>
      page.evaluate(async () => {
        const open = indexedDB.open('tillwise-offline-pins');
        const db: IDBDatabase = await new Promise((resolve) => (open.onsuccess = () => resolve(open.result)));
        return new Promise<{ staff: { name: string; verifier: string }[] }[]>((resolve) => {
          const r = db.transaction('verifiers').objectStore('verifiers').getAll();
          r.onsuccess = () => resolve(r.result);
        });
      });
    await expect.poll(async () => (await kept())[0]?.staff.map((s) => s.name).sort() ?? [], { timeout: 60_000 }).toEqual([DEMO.manager.name, DEMO.cashier.name].sort());
    expect(JSON.stringify(await kept())).not.toContain(DEMO.cashier.pin);

    await proxy.stop();
    await context.setOffline(true);
    await expect(page.getByTestId('offline-banner')).toBeVisible();

    // Switch staff, offline: a wrong PIN is refused here, the right one switches.
    await page.getByRole('button', { name: 'Switch staff' }).click();
    const dialog = page.getByRole('dialog', { name: 'Switch staff' });
    await expect(dialog).toContainText('the PIN is checked on this device');
    await dialog.getByLabel('Staff member').selectOption({ label: `${DEMO.cashier.name} (cashier)` });
    await dialog.getByLabel('PIN').fill('9999');
    await dialog.getByRole('button', { name: 'Switch' }).click();
    await expect(dialog.getByRole('alert')).toHaveText('Wrong PIN.', { timeout: 30_000 });
    await dialog.getByLabel('PIN').fill(DEMO.cashier.pin);
    await dialog.getByRole('button', { name: 'Switch' }).click();
    await expect(dialog).toBeHidden({ timeout: 30_000 });
    await expect(page.getByTestId('offline-cashier')).toHaveText(`Offline: ${DEMO.cashier.name} is selling`);

    // Water is on every menu's "All items" (the menu on now depends on the time of day).
    await page.getByRole('group', { name: 'Menus' }).getByRole('button', { name: 'All items' }).click();
    const provisional = await sellWaterForCash(page);
    // Her sale, in the queue with her proof (the body the server will get).
    const queued = await page.evaluate(async (p) => {
      const open = indexedDB.open('tillwise-offline');
      const db: IDBDatabase = await new Promise((resolve) => (open.onsuccess = () => resolve(open.result)));
      return new Promise<{ cashierName: string; body: { offlineCashier?: { userId: string } } }[]>((resolve) => {
        const r = db.transaction('sales').objectStore('sales').getAll();
        r.onsuccess = () => resolve(r.result.filter((s: { provisional: string }) => s.provisional === p));
      });
    }, provisional);
    expect(queued.map((s) => [s.cashierName, s.body.offlineCashier?.userId])).toEqual([[DEMO.cashier.name, cashier.id]]);

    // Back online: the sale syncs as hers; the register is the signed-in manager's again.
    await proxy.start();
    await context.setOffline(false);
    await expect(page.getByTestId('offline-mapped')).toContainText(provisional, { timeout: 60_000 });
    const orders = await ordersOfShift(api, shift.id);
    expect(orders).toHaveLength(1);
    // Booked to her, the manager's session having sent it: the audit row says so.
    const audit = (await browserFetch(api, '/api/v1/audit?action=order.offline_attributed')).body.data.filter((r: { entityId: string }) => r.entityId === orders[0]!.id);
    expect(audit.map((r: { after: unknown; details: { accepted: boolean }; actor: { id: string } | null }) => [r.after, r.details.accepted])).toEqual([[{ cashierId: cashier.id }, true]]);
    await expect(page.getByTestId('offline-cashier')).toHaveCount(0);
    await expect(page.getByTestId('current-staff')).toContainText(DEMO.manager.name);

    const wrongTries = () =>
      page.evaluate(async () => {
        const open = indexedDB.open('tillwise-offline-pins');
        const db: IDBDatabase = await new Promise((resolve) => (open.onsuccess = () => resolve(open.result)));
        return new Promise<number>((resolve) => {
          const r = db.transaction('meta').objectStore('meta').getAll();
          r.onsuccess = () => resolve(Number(r.result.find((m: { name: string }) => m.name.startsWith('wrong-tries:'))?.value ?? 0));
        });
      });
    // Offline again: five wrong PINs in a row lock offline switching on this device, the right PIN included, until the next sync.
    await proxy.stop();
    await context.setOffline(true);
    await expect(page.getByTestId('offline-banner')).toBeVisible();
    await page.getByRole('button', { name: 'Switch staff' }).click();
    await dialog.getByLabel('Staff member').selectOption({ label: `${DEMO.cashier.name} (cashier)` });
    for (let i = 1; i <= 5; i++) {
      await dialog.getByLabel('PIN').fill(`99${i}0`);
      await dialog.getByRole('button', { name: 'Switch' }).click();
      // Each try counted on the device before the next is typed (the alert alone reads the same for tries 1–4).
      await expect.poll(wrongTries, { timeout: 30_000 }).toBe(i);
      await expect(dialog.getByRole('alert')).toHaveText(i < 5 ? 'Wrong PIN.' : /Too many wrong PINs on this device/);
    }
    await dialog.getByLabel('PIN').fill(DEMO.cashier.pin);
    await dialog.getByRole('button', { name: 'Switch' }).click();
    await expect(dialog.getByRole('alert')).toHaveText(/Too many wrong PINs on this device/);
    await expect(page.getByTestId('offline-cashier')).toHaveCount(0);
  } finally {
    await context.setOffline(false);
    await proxy.stop();
    await watcher?.close();
  }
});
