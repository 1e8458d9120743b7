import { expect, test } from '@playwright/test';
import { formatMoney } from '../lib/platform/money';
import { browserFetch, DEMO, openDemoShift, escapeRegExp, gatewayControl, hydrated, signIn, tenantUrl } from './support';

// Splitting a dine-in bill by seat on the seeded demo café (MMK, prices include tax): two guests,
// a samusa for seat 1, a cola for seat 2 and a water to share. Seat 1 pays cash with a 10 % tip,
// seat 2 by card; the order is then paid, and its parts' payments add up exactly to its total.
// Tips are switched on for the run and off again (later specs share the demo).
const CURRENCY = 'MMK';
const money = (minor: number) => formatMoney(minor, CURRENCY);
const SAMUSA = 500;
const COLA = 1_000;
const WATER = 500;

test('a dine-in bill split by seat: one seat pays cash with a tip, the other by card; the parts add up to the order', async ({ page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1180, height: 820 });
  const registerName = `Split ${Date.now().toString(36)}`;
  const products = page.getByRole('region', { name: 'Products' });
  const cart = page.getByRole('region', { name: 'Current sale' });
  const lines = cart.getByRole('list', { name: 'Items in the sale' }).getByRole('listitem');
  const payment = page.getByRole('dialog', { name: /^Payment/ });

  await gatewayControl({ reset: true });
  await signIn(page, DEMO.slug, DEMO.owner.email, DEMO.password);
  await expect(page).not.toHaveURL(/\/signin/); // an owner lands on the admin
  const tipsOn = await browserFetch(page, '/api/v1/settings', { method: 'PATCH', json: { tipsEnabled: true, tipPresets: [1000, 1500], tipCustomAmount: true } });
  expect(tipsOn.status, JSON.stringify(tipsOn.body)).toBe(200);
  let orderId = '';
  try {
    await page.goto(tenantUrl(DEMO.slug, '/register'));
    await page.evaluate((name) => window.localStorage.setItem('tillwise.registerName', name), registerName);
    await openDemoShift(page, registerName, CURRENCY);

    await test.step('a dine-in order for two guests: a samusa for seat 1, a cola for seat 2, a water shared', async () => {
      await hydrated(products.getByRole('searchbox', { name: 'Search products or scan a barcode' }));
      await products.getByRole('group', { name: 'Menus' }).getByRole('button', { name: 'All items' }).click();
      await cart.getByRole('radiogroup', { name: 'Order type' }).getByRole('radio', { name: /Dine-in/ }).click();
      await cart.getByTestId('table-select').selectOption({ index: 1 });
      await cart.getByLabel('Guests').fill('2');

      await products.getByRole('button', { name: /^Samusa(?! Thoke)/ }).click();
      await lines.nth(0).getByTestId('line-seat').selectOption('1');
      await products.getByRole('button', { name: new RegExp(`^${escapeRegExp('Coca-Cola 330 ml')}`) }).click();
      await lines.nth(1).getByTestId('line-seat').selectOption('2');
      await products.getByRole('button', { name: new RegExp(`^${escapeRegExp('Drinking water 1 L')}`) }).click();
      await expect(lines).toHaveCount(3);
      await expect(lines.nth(0)).toContainText('Seat 1');
      await expect(lines.nth(1)).toContainText('Seat 2');
      await expect(cart.getByTestId('cart-total').getByRole('definition')).toHaveText(money(SAMUSA + COLA + WATER));
    });

    await test.step('the bill is split by seat: each seat pays its items and half the water', async () => {
      await cart.getByRole('button', { name: /^Pay\b/ }).click();
      await expect(payment).toBeVisible();
      await payment.getByTestId('split-bill').click();
      const planner = payment.getByTestId('split-planner');
      await expect(planner.getByRole('radio', { name: /By seat/ })).toBeChecked();
      await planner.getByTestId('split-confirm').click();
      const parts = payment.getByTestId('split-part');
      await expect(parts).toHaveCount(2);
      await expect(parts.nth(0)).toContainText(`Seat 1${money(SAMUSA + WATER / 2)}`);
      await expect(parts.nth(1)).toContainText(`Seat 2${money(COLA + WATER / 2)}`);
      await expect(payment.getByTestId('balance-due')).toHaveText(money(SAMUSA + WATER / 2));
    });

    const seat1 = SAMUSA + WATER / 2;
    const tip = seat1 / 10;
    await test.step('seat 1 pays cash with a 10 % tip', async () => {
      await payment.getByTestId('tip-picker').getByRole('button', { name: `10 % · ${money(tip)}` }).click();
      await payment.getByRole('button', { name: `Exact ${money(seat1 + tip)}` }).click();
      await payment.getByRole('button', { name: /^Take cash/ }).click();
      await expect(payment.getByRole('status').filter({ hasText: 'Seat 1 is paid' })).toBeVisible();
      await expect(payment.getByTestId('split-part').nth(0)).toContainText('✓');
      await expect(payment.getByTestId('balance-due')).toHaveText(money(COLA + WATER / 2));
    });

    await test.step('seat 2 pays by card; the order is paid', async () => {
      await payment.getByRole('tab', { name: 'Card' }).click();
      await payment.getByRole('button', { name: /^Charge card/ }).click();
      await expect(payment).toBeHidden();
      const receipt = page.getByRole('dialog', { name: /^Order #\d+ paid$/ });
      await expect(receipt).toBeVisible();
      const src = (await receipt.locator('iframe').getAttribute('src')) ?? '';
      orderId = /orders\/([0-9a-f-]{36})\//.exec(src)?.[1] ?? '';
      expect(orderId, src).not.toBe('');
    });

    await test.step('the parts’ payments add up exactly to the order’s total; the tip is on top', async () => {
      const order = (await browserFetch(page, `/api/v1/orders/${orderId}`)).body;
      expect(order.status).toBe('completed');
      expect(order.total).toBe(SAMUSA + COLA + WATER);
      const captured = order.payments.filter((p: { status: string }) => p.status === 'captured');
      expect(captured.map((p: { tender: string; amount: number; tip: number }) => [p.tender, p.amount, p.tip])).toEqual([
        ['cash', seat1, tip],
        ['card', COLA + WATER / 2, 0],
      ]);
      expect(captured.reduce((s: number, p: { amount: number }) => s + p.amount, 0)).toBe(order.total);
      expect(order.parts.map((p: { label: string; paidTotal: number; balanceDue: number }) => [p.label, p.paidTotal, p.balanceDue])).toEqual([
        ['Seat 1', seat1, 0],
        ['Seat 2', COLA + WATER / 2, 0],
      ]);
      expect(captured.every((p: { partId: string | null }) => order.parts.some((part: { id: string }) => part.id === p.partId))).toBe(true);
    });
  } finally {
    await browserFetch(page, '/api/v1/settings', { method: 'PATCH', json: { tipsEnabled: false } });
  }
});
