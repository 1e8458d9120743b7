import { expect, test, type Browser, type Page } from '@playwright/test';
import { formatMoney } from '../lib/platform/money';
import { browserFetch, choose, DEMO, hydrated, signIn, tenantUrl } from './support';

// The restaurant's leftovers on the seeded demo café (docs/kitchen.md, docs/time-clock.md):
// a cashier taking off a unit the kitchen already has asks a manager's PIN, then the Send goes
// through; a tab with nothing on it is cancelled (not voided) from the floor and from the
// register's emptied cart; Take payment on the orders list offers the tip prompt; the locked
// register's PIN screen clocks staff in and out without signing anyone in. Settings changed for
// the run are put back, and what is left on a table is voided (later specs share the demo).

const SAMUSA = 'Samusa';
const SAMUSA_PRICE = 500;
const money = (minor: number) => formatMoney(minor, 'MMK');

async function tablet(browser: Browser, email?: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1180, height: 820 } });
  const page = await context.newPage();
  if (email) {
    await signIn(page, DEMO.slug, email, DEMO.password);
    await expect(page).not.toHaveURL(/\/signin/);
  }
  return page;
}

async function openShift(page: Page, registerName: string) {
  await page.goto(tenantUrl(DEMO.slug, '/register'));
  await page.evaluate((name) => window.localStorage.setItem('tillwise.registerName', name), registerName);
  await page.goto(tenantUrl(DEMO.slug, '/register/shift'));
  const open = page.getByRole('region', { name: 'Open a shift' });
  await hydrated(open.getByRole('button', { name: 'Open shift' }));
  await open.getByLabel(/^Starting cash/).fill('0');
  await open.getByRole('button', { name: 'Open shift' }).click();
  await expect(page).toHaveURL(tenantUrl(DEMO.slug, '/register'));
}

const orderOf = async (page: Page, id: string) => (await browserFetch(page, `/api/v1/orders/${id}`)).body;
const tabOn = async (page: Page, number: number) =>
  ((await browserFetch(page, '/api/v1/orders/tabs')).body.data as { orderId: string; number: number }[]).find((t) => t.number === number)!.orderId;

test('a cashier needs a manager to take off what the kitchen has; empty tabs are cancelled, not voided', async ({ browser }) => {
  test.setTimeout(180_000);
  const owner = await tablet(browser, DEMO.owner.email);
  const page = await tablet(browser, DEMO.cashier.email);
  const cart = page.getByRole('region', { name: 'Current sale' });
  const lines = cart.getByRole('list', { name: 'Items in the sale' }).getByRole('listitem');
  const products = page.getByRole('region', { name: 'Products' });
  const tile = (name: string) => page.getByTestId('floor-table').filter({ has: page.getByText(name, { exact: true }) });
  const tableDialog = page.getByRole('dialog');
  const announcer = page.getByTestId('announcer');
  const tabNumber = async () => Number((await cart.getByRole('heading', { level: 2 }).textContent())!.match(/#(\d+)/)![1]);
  const leftOpen: string[] = [];

  const seatAndStart = async (table: string) => {
    await page.goto(tenantUrl(DEMO.slug, '/floor'));
    await hydrated(tile(table));
    await expect(tile(table)).toHaveAttribute('data-status', 'free');
    await tile(table).click();
    await tableDialog.getByRole('button', { name: /^Seat \d+ & start order$/ }).click();
    await expect(page).toHaveURL(tenantUrl(DEMO.slug, '/register'));
    await expect(cart.getByRole('heading', { level: 2 })).toHaveText(/^Tab #\d+/);
    return tabNumber();
  };
  const reopen = async (table: string, number: number) => {
    await page.goto(tenantUrl(DEMO.slug, '/floor'));
    await hydrated(tile(table));
    await tile(table).click();
    await tableDialog.getByRole('link', { name: new RegExp(`^Open order #${number}`) }).click();
    await expect(page).toHaveURL(tenantUrl(DEMO.slug, '/register'));
  };

  try {
    await openShift(page, `E2E Leftovers ${Date.now().toString(36)}`);
    let number = 0;
    let tabId = '';

    await test.step('P1 is seated from the floor; two samusas go to the kitchen', async () => {
      number = await seatAndStart('P1');
      tabId = await tabOn(page, number);
      leftOpen.push(tabId);
      await products.getByRole('group', { name: 'Menus' }).getByRole('button', { name: 'All items' }).click();
      const samusa = products.getByRole('button', { name: new RegExp(`^${SAMUSA}(?! Thoke)`) });
      await samusa.click();
      await samusa.click();
      await expect(lines).toHaveCount(1);
      await expect(lines.first()).toContainText(`2 × ${SAMUSA}`);
      await cart.getByTestId('send').click();
      await expect(announcer).toContainText(`Order #${number} (table P1): 2 items sent to the kitchen.`);
    });

    await test.step('one samusa fewer: the register asks a manager’s PIN, then sends', async () => {
      await reopen('P1', number);
      await expect(lines.first().getByTestId('line-course')).toHaveText('Course 1 · sent');
      await lines.first().getByRole('button', { name: `One less ${SAMUSA}` }).click();
      await expect(lines.first()).toContainText(`1 × ${SAMUSA}`);
      await cart.getByTestId('send').click();
      // A state of its own, like a discount over the limit — but nothing to take off but the change itself.
      const error = cart.getByTestId('approval-waiting');
      await expect(error).toContainText(`The kitchen already has 1× ${SAMUSA}`);
      await expect(error.getByRole('button', { name: 'Remove the discounts' })).toHaveCount(0);
      expect((await orderOf(page, tabId)).lines[0]).toMatchObject({ quantity: 2, firedQuantity: 2 });

      await error.getByRole('button', { name: 'Manager PIN' }).click();
      const approval = page.getByRole('dialog', { name: 'Manager approval' });
      await expect(approval).toBeVisible();
      const who = approval.getByLabel('Manager or owner');
      await who.selectOption(await who.locator('option', { hasText: DEMO.manager.name }).getAttribute('value'));
      await approval.getByLabel('Their PIN').fill(DEMO.manager.pin);
      await approval.getByRole('button', { name: 'Approve' }).click();
      await expect(announcer).toContainText(`Order #${number} (table P1): nothing new to send.`);
      expect((await orderOf(page, tabId)).lines[0]).toMatchObject({ quantity: 1, firedQuantity: 1 });
    });

    await test.step('a tab the kitchen has something of cannot be cancelled away', async () => {
      await reopen('P1', number);
      await lines.first().getByRole('button', { name: `Remove ${SAMUSA}` }).click();
      await cart.getByTestId('cancel-tab').click();
      await expect(page.getByTestId('tab-notice')).toContainText('void the order instead');
      expect((await orderOf(page, tabId)).status).toBe('open');
    });

    await test.step('an empty tab is cancelled from the floor: the table frees, no void', async () => {
      const empty = await seatAndStart('P2');
      const emptyId = await tabOn(page, empty);
      leftOpen.push(emptyId);
      await page.goto(tenantUrl(DEMO.slug, '/floor'));
      await hydrated(tile('P2'));
      await tile('P2').click();
      await tableDialog.getByTestId('cancel-tab').click();
      await expect(page.getByText(`Order #${empty} cancelled; P2 is free.`)).toBeVisible();
      await expect(tile('P2')).toHaveAttribute('data-status', 'free');
      expect(await orderOf(page, emptyId)).toMatchObject({ status: 'cancelled', voidedAt: null });
    });

    await test.step('and from the register, where the seated tab opened empty', async () => {
      const empty = await seatAndStart('P2');
      const emptyId = await tabOn(page, empty);
      leftOpen.push(emptyId);
      await cart.getByTestId('cancel-tab').click();
      await expect(announcer).toContainText(`Tab #${empty} cancelled; its table is free.`);
      expect((await orderOf(page, emptyId)).status).toBe('cancelled');
    });
  } finally {
    for (const id of leftOpen) {
      if ((await orderOf(owner, id)).status === 'open') await browserFetch(owner, `/api/v1/orders/${id}/void`, { method: 'POST', json: { reason: 'E2E leftovers clean-up' } });
    }
  }
});

test('Take payment on the orders list offers the tip prompt', async ({ browser }) => {
  test.setTimeout(120_000);
  const page = await tablet(browser, DEMO.owner.email);
  const tipsOn = await browserFetch(page, '/api/v1/settings', { method: 'PATCH', json: { tipsEnabled: true, tipPresets: [1000, 1500], tipCustomAmount: true } });
  expect(tipsOn.status, JSON.stringify(tipsOn.body)).toBe(200);
  try {
    const registerName = `E2E Tips ${Date.now().toString(36)}`;
    await openShift(page, registerName);
    const shiftId = (await browserFetch(page, `/api/v1/shifts?register=${encodeURIComponent(registerName)}`)).body.id as string;
    const found = await browserFetch(page, `/api/v1/products?search=${SAMUSA}`);
    const variantId: string = (found.body.data as { name: string; variants: { id: string }[] }[]).find((p) => p.name === SAMUSA)!.variants[0]!.id;
    const placed = await browserFetch(page, '/api/v1/orders', { method: 'POST', json: { type: 'takeaway', shiftId, lines: [{ variantId, quantity: 1 }] } });
    expect(placed.body).toMatchObject({ status: 'placed', balanceDue: SAMUSA_PRICE });

    await page.goto(tenantUrl(DEMO.slug, `/register/orders?order=${placed.body.id}`));
    const detail = page.getByRole('article', { name: `Order #${placed.body.number}` });
    const take = detail.getByRole('button', { name: /^Take payment/ });
    await hydrated(take);
    await take.click();
    const payment = page.getByRole('dialog', { name: `Payment · order #${placed.body.number}` });
    const tip = SAMUSA_PRICE / 10;
    await payment.getByTestId('tip-picker').getByRole('button', { name: `10 % · ${money(tip)}` }).click();
    await payment.getByRole('button', { name: `Exact ${money(SAMUSA_PRICE + tip)}` }).click();
    await payment.getByRole('button', { name: /^Take cash/ }).click();
    const receipt = page.getByRole('dialog', { name: /^Order #\d+ paid$/ });
    await expect(receipt).toBeVisible();
    await receipt.getByRole('button', { name: 'Done' }).click();

    const order = await orderOf(page, placed.body.id);
    expect(order).toMatchObject({ status: 'completed', total: SAMUSA_PRICE, tipTotal: tip });
    expect(order.payments.map((p: { tender: string; amount: number; tip: number }) => [p.tender, p.amount, p.tip])).toEqual([['cash', SAMUSA_PRICE, tip]]);
  } finally {
    await browserFetch(page, '/api/v1/settings', { method: 'PATCH', json: { tipsEnabled: false } });
  }
});

test('a bill split by item down to units: 2 of 4 samusas to each part', async ({ browser }) => {
  test.setTimeout(120_000);
  const page = await tablet(browser, DEMO.owner.email);
  const registerName = `E2E Units ${Date.now().toString(36)}`;
  await openShift(page, registerName);
  const shiftId = (await browserFetch(page, `/api/v1/shifts?register=${encodeURIComponent(registerName)}`)).body.id as string;
  const found = await browserFetch(page, `/api/v1/products?search=${SAMUSA}`);
  const variantId: string = (found.body.data as { name: string; variants: { id: string }[] }[]).find((p) => p.name === SAMUSA)!.variants[0]!.id;
  const placed = await browserFetch(page, '/api/v1/orders', { method: 'POST', json: { type: 'takeaway', shiftId, lines: [{ variantId, quantity: 4 }] } });
  expect(placed.body).toMatchObject({ status: 'placed', balanceDue: 4 * SAMUSA_PRICE });
  try {
    await page.goto(tenantUrl(DEMO.slug, `/register/orders?order=${placed.body.id}`));
    const take = page.getByRole('article', { name: `Order #${placed.body.number}` }).getByRole('button', { name: /^Take payment/ });
    await hydrated(take);
    await take.click();
    const payment = page.getByRole('dialog', { name: `Payment · order #${placed.body.number}` });
    await payment.getByTestId('split-bill').click();
    const planner = payment.getByTestId('split-planner');
    await choose(planner.getByRole('radio', { name: /By item/ }));
    await planner.getByRole('button', { name: 'Share units' }).click();
    await planner.getByLabel(`Units of ${SAMUSA} in part 1`).fill('3');
    await planner.getByTestId('split-confirm').click();
    await expect(planner.getByRole('alert')).toHaveText(`Share out every unit of ${SAMUSA}: 3 of 4 are in a part.`);
    await planner.getByLabel(`Units of ${SAMUSA} in part 1`).fill('2');
    await planner.getByLabel(`Units of ${SAMUSA} in part 2`).fill('2');
    await planner.getByTestId('split-confirm').click();
    const parts = payment.getByTestId('split-part');
    await expect(parts).toHaveCount(2);
    await expect(parts.nth(0)).toContainText(`Part 1${money(2 * SAMUSA_PRICE)}`);
    await expect(parts.nth(1)).toContainText(`Part 2${money(2 * SAMUSA_PRICE)}`);
    const order = await orderOf(page, placed.body.id);
    expect(order.parts.map((p: { items: { quantity: number }[] }) => p.items.map((i) => i.quantity))).toEqual([[2], [2]]);
  } finally {
    await browserFetch(page, `/api/v1/orders/${placed.body.id}/void`, { method: 'POST', json: { reason: 'E2E split clean-up' } });
  }
});

test('the locked register’s PIN screen clocks staff in and out without signing anyone in', async ({ browser }) => {
  test.setTimeout(120_000);
  const owner = await tablet(browser, DEMO.owner.email);
  const before = (await browserFetch(owner, '/api/v1/settings')).body.idleLockMinutes as number;
  const setIdle = (minutes: number) => browserFetch(owner, '/api/v1/settings', { method: 'PATCH', json: { idleLockMinutes: minutes } });
  const clockedIn = async () => ((await browserFetch(owner, '/api/v1/time-clock')).body.data as { name: string }[]).map((e) => e.name);
  const page = await tablet(browser);
  const pinScreen = page.getByTestId('pin-screen');
  try {
    expect((await setIdle(1)).status).toBe(200);
    await page.clock.install();
    await signIn(page, DEMO.slug, DEMO.cashier.email, DEMO.password);
    await expect(page).toHaveURL(tenantUrl(DEMO.slug, '/register'));
    await hydrated(page.getByRole('button', { name: 'Time clock' }));
    const locked = page.waitForResponse((r) => r.url().endsWith('/api/v1/register/lock'));
    await page.clock.fastForward('01:05');
    expect((await locked).status()).toBe(200);
    await expect(pinScreen.getByRole('heading', { name: 'Register locked' })).toBeVisible();

    const who = pinScreen.getByLabel('Who are you?');
    await who.selectOption(await who.locator('option', { hasText: DEMO.manager.name }).getAttribute('value'));
    await pinScreen.getByLabel('PIN').fill('0000');
    await pinScreen.getByRole('button', { name: 'Clock in' }).click();
    await expect(pinScreen.getByRole('alert')).toHaveText('Wrong PIN.');
    await pinScreen.getByLabel('PIN').fill(DEMO.manager.pin);
    await pinScreen.getByRole('button', { name: 'Clock in' }).click();
    await expect(pinScreen.getByRole('status')).toHaveText(`${DEMO.manager.name} clocked in.`);
    expect(await clockedIn()).toContain(DEMO.manager.name);
    // Still locked: nobody was signed in by it.
    await expect(pinScreen).toBeVisible();
    expect((await browserFetch(page, '/api/v1/me')).status).toBe(401);

    await pinScreen.getByLabel('PIN').fill(DEMO.manager.pin);
    await pinScreen.getByRole('button', { name: 'Clock out' }).click();
    await expect(pinScreen.getByRole('status')).toHaveText(`${DEMO.manager.name} clocked out.`);
    expect(await clockedIn()).not.toContain(DEMO.manager.name);

    // The same screen still signs the cashier back in by PIN.
    await who.selectOption(await who.locator('option', { hasText: DEMO.cashier.name }).getAttribute('value'));
    await pinScreen.getByLabel('PIN').fill(DEMO.cashier.pin);
    await pinScreen.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByTestId('current-staff')).toContainText(DEMO.cashier.name);
  } finally {
    await setIdle(before);
  }
});
