import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { browserFetch, DEMO, hydrated, signIn } from './support';
import { managerShiftAndWatcher, ordersOfShift, Proxy, registerBehindProxy, sellWaterForCash, WATER } from './offline-support';

/**
 * The device's side of selling offline (docs/offline.md): the stock it shows is the last level it
 * heard less its own unsent sales, "as of" when it heard it; a saved discount that asks for no
 * manager is applied offline and reaches the server as it would online; a restaurant's register
 * says the kitchen gets an offline order when it is sent; and signing out clears the session's
 * copies on the device but never a sale the server does not have yet.
 */
type Stored = { key: string; state: string; total: number; body: { orderDiscount?: { kind: string; discountId?: string } | null; expectedTotal?: number } };

const onDevice = (page: Page) =>
  page.evaluate(async () => {
    const read = async <T,>(name: string, store: string): Promise<T[]> => {
      const open = indexedDB.open(name);
      const db: IDBDatabase = await new Promise((resolve) => (open.onsuccess = () => resolve(open.result)));
      if (!db.objectStoreNames.contains(store)) return [];
      return new Promise<T[]>((resolve) => {
        const r = db.transaction(store).objectStore(store).getAll();
        r.onsuccess = () => resolve(r.result as T[]);
      });
    };
    return {
      sales: await read<Stored>('tillwise-offline', 'sales'),
      verifiers: (await read<{ staff: unknown[] }>('tillwise-offline-pins', 'verifiers')).length,
      cachedRegister: Boolean(await caches.match('/register')),
    };
  });

/** The water tile's count ("96 in stock", "▲ Low · 3 left"). */
async function waterOnTile(page: Page): Promise<number> {
  const text = await page.getByRole('region', { name: 'Products' }).getByTestId('product-tile').filter({ hasText: WATER.name }).textContent();
  return Number(/(\d+) (?:in stock|left)/.exec(text ?? '')![1]);
}

test('offline: stock less unsent sales as of a time, a saved discount, the kitchen note; sign-out keeps unsent sales and clears the rest', async ({ page, context, browser }) => {
  test.setTimeout(240_000);
  const proxy = new Proxy(13);
  await proxy.start();
  const registerName = `Device till ${Date.now().toString(36)}`;
  let watcher: BrowserContext | null = null;
  try {
    const signedIn = await managerShiftAndWatcher(page, context, browser, registerName);
    watcher = signedIn.watcher;
    const { shift, api } = signedIn;
    // Saved before the register loads (its page carries the saved discounts).
    const suffix = Date.now().toString(36);
    const saved = await browserFetch(api, '/api/v1/discounts', { method: 'POST', json: { name: `Offline ten ${suffix}`, kind: 'percent', basisPoints: 1000, appliesTo: 'order' } });
    expect(saved.status).toBe(201);
    expect((await browserFetch(api, '/api/v1/discounts', { method: 'POST', json: { name: `Boss half ${suffix}`, kind: 'percent', basisPoints: 5000, needsApproval: true } })).status).toBe(201);

    await registerBehindProxy(page, proxy, registerName);
    await expect.poll(async () => (await onDevice(page)).verifiers, { timeout: 60_000 }).toBe(1);
    await page.getByRole('region', { name: 'Products' }).getByRole('group', { name: 'Menus' }).getByRole('button', { name: 'All items' }).click();
    const before = await waterOnTile(page);

    await proxy.stop();
    await context.setOffline(true);
    await expect(page.getByTestId('offline-banner')).toBeVisible();
    await expect(page.getByTestId('stock-as-of')).toHaveText(/Stock as of \d{2}:\d{2}$/);
    await expect(page.getByTestId('offline-kitchen')).toHaveText(/kitchen gets orders when the register is back online/i);

    // One plain sale: the tile counts it at once.
    const plainNumber = await sellWaterForCash(page);
    await expect.poll(() => waterOnTile(page)).toBe(before - 1);
    const plain = (await onDevice(page)).sales.find((s) => s.state === 'queued')!;
    expect(plainNumber).toMatch(/^OFF-/);

    // One with the saved discount; the one asking for a manager and typing one in wait for the connection.
    const products = page.getByRole('region', { name: 'Products' });
    await products.getByTestId('product-tile').filter({ hasText: WATER.name }).click();
    const cart = page.getByRole('region', { name: 'Current sale' });
    await cart.getByRole('button', { name: '+ Order discount' }).click();
    const dialog = page.getByRole('dialog', { name: 'Order discount' });
    await expect(dialog.getByRole('button', { name: new RegExp(`^Boss half ${suffix}`) })).toBeDisabled();
    await expect(dialog.getByTestId('discount-offline-note')).toBeVisible();
    await dialog.getByRole('button', { name: new RegExp(`^Offline ten ${suffix}`) }).click();
    await expect(dialog).toBeHidden();
    const pay = cart.getByRole('button', { name: /^Pay\b/ });
    await expect(pay).toBeEnabled();
    await pay.click();
    const payment = page.getByRole('dialog', { name: /^Payment/ });
    await payment.getByLabel('Cash received').fill(String(plain.total));
    await payment.getByRole('button', { name: /^Take cash/ }).click();
    const receipt = page.getByTestId('offline-receipt');
    await expect(receipt.getByTestId('offline-receipt-kitchen')).toBeVisible();
    await receipt.getByTestId('new-sale').click();
    await expect.poll(() => waterOnTile(page)).toBe(before - 2);
    const queued = (await onDevice(page)).sales.filter((s) => s.state === 'queued');
    expect(queued).toHaveLength(2);
    const discounted = queued.find((s) => s.body.orderDiscount)!;
    expect(discounted.body.orderDiscount).toMatchObject({ kind: 'saved', discountId: saved.body.id });
    expect(discounted.total).toBeLessThan(plain.total);

    // Signing out offline: it asks first (two unsent), then cannot reach the server — nothing changes.
    const signOut = page.getByRole('button', { name: 'Sign out' });
    await signOut.click();
    const ask = page.getByTestId('sign-out-unsent');
    await expect(ask).toContainText('2 sales made offline are not sent yet');
    await ask.getByRole('button', { name: 'Cancel' }).click();
    await expect(ask).toBeHidden();
    await signOut.click();
    await ask.getByRole('button', { name: 'Sign out anyway' }).click();
    await expect(page.getByTestId('sign-out-failed')).toBeVisible();
    expect(await onDevice(page)).toMatchObject({ verifiers: 1, cachedRegister: true });

    // The server back but busy with checkouts: the sales stay queued; sign out anyway.
    proxy.refuseCheckouts = true;
    await proxy.start();
    await context.setOffline(false);
    await expect(page.getByTestId('offline-banner')).toBeHidden({ timeout: 30_000 });
    await signOut.click();
    await ask.getByRole('button', { name: 'Sign out anyway' }).click();
    await expect(page).toHaveURL(/\/signin/);
    const left = await onDevice(page);
    expect(left.sales.map((s) => s.state).sort()).toEqual(['queued', 'queued']);
    expect(left).toMatchObject({ verifiers: 0, cachedRegister: false });
    expect((await browserFetch(page, `/api/v1/shifts?register=${encodeURIComponent(registerName)}`)).status).toBe(401);

    // Someone signs in here: the kept sales are sent, the discounted one at the total it showed.
    // (The watcher had a copy of the manager's session, revoked with it: the owner asks now.)
    await signIn(api, DEMO.slug, DEMO.owner.email, DEMO.password);
    await expect(api).not.toHaveURL(/\/signin/);
    proxy.refuseCheckouts = false;
    await signIn(page, DEMO.slug, DEMO.cashier.email, DEMO.password);
    await expect(page).not.toHaveURL(/\/signin/);
    await page.goto(proxy.url('/register'));
    await expect.poll(async () => (await ordersOfShift(api, shift.id)).length, { timeout: 60_000 }).toBe(2);
    const totals = await Promise.all((await ordersOfShift(api, shift.id)).map(async (o) => (await browserFetch(api, `/api/v1/orders/${o.id}`)).body.total as number));
    expect(totals.sort((a, b) => a - b)).toEqual([discounted.total, plain.total].sort((a, b) => a - b));
    await expect.poll(async () => (await onDevice(page)).sales.map((s) => s.state), { timeout: 60_000 }).toEqual(['synced', 'synced']);

    // Signed out with nothing unsent: no question, and the synced copies go too.
    await hydrated(page.getByRole('button', { name: 'Sign out' })).then((b) => b.click());
    await expect(page).toHaveURL(/\/signin/);
    expect((await onDevice(page)).sales).toEqual([]);
  } finally {
    await watcher?.close();
    await proxy.stop();
  }
});
