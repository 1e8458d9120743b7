import { expect, test } from '@playwright/test';
import { formatMoney } from '../lib/platform/money';
import { browserFetch, DEMO, openDemoShift, hydrated, signIn, tenantUrl } from './support';

// The seeded café's "Custom amount" key and saved discounts (scripts/seed/seed.ts): a cashier
// types a price for a custom item, gives the order "Staff meal" (50 %, saved by a manager, so no
// PIN although the limit is 10 %), and the order keeps "Staff meal" as the reason. MMK, prices
// include tax.
const CURRENCY = 'MMK';
const money = (minor: number) => formatMoney(minor, CURRENCY);
const SAMUSA = 500;
const CUSTOM = 3_000;

test('a custom amount and a saved discount: the price typed in, 50 % off without a manager, the reason kept', async ({ page, browser }) => {
  test.setTimeout(120_000);
  const registerName = `Discounts ${Date.now().toString(36)}`;
  const products = page.getByRole('region', { name: 'Products' });
  const cart = page.getByRole('region', { name: 'Current sale' });
  const lines = cart.getByRole('list', { name: 'Items in the sale' }).getByRole('listitem');
  const total = cart.getByTestId('cart-total').getByRole('definition');

  await signIn(page, DEMO.slug, DEMO.cashier.email, DEMO.password);
  await expect(page).toHaveURL(tenantUrl(DEMO.slug, '/register'));
  await page.evaluate((name) => window.localStorage.setItem('tillwise.registerName', name), registerName);
  await openDemoShift(page, registerName, CURRENCY);
  await hydrated(products.getByRole('searchbox', { name: 'Search products or scan a barcode' }));

  await test.step('the Custom amount key asks for the price, and refuses none', async () => {
    await products.getByRole('group', { name: 'Custom amounts' }).getByRole('button', { name: /Custom amount/ }).click();
    const picker = page.getByRole('dialog', { name: 'Custom amount' });
    await expect(picker).toBeVisible();
    await picker.getByTestId('picker-add').click();
    await expect(picker.getByRole('alert')).toHaveText(`Enter the price in ${CURRENCY}.`);
    await picker.getByLabel(`Price (${CURRENCY})`).fill('3,000');
    await picker.getByLabel(/^Note/).fill('Gift box');
    await expect(picker.getByTestId('picker-add')).toHaveText(`Add 1 · ${money(CUSTOM)}`);
    await picker.getByTestId('picker-add').click();
    await expect(picker).toBeHidden();
    await expect(lines).toHaveCount(1);

    await products.getByRole('group', { name: 'Menus' }).getByRole('button', { name: 'All items' }).click();
    await products.getByRole('button', { name: /^Samusa(?! Thoke)/ }).click();
    await expect(lines).toHaveCount(2);
    await expect(total).toHaveText(money(CUSTOM + SAMUSA));
  });

  await test.step('the saved "Staff meal" takes half off the order with no PIN asked', async () => {
    await cart.getByRole('button', { name: '+ Order discount' }).click();
    const dialog = page.getByTestId('discount-dialog');
    const saved = dialog.getByRole('region', { name: 'Saved discounts' });
    // Offered on the order: Staff meal (order) and Regular customer (both), not Happy hour (items only).
    await expect(saved.getByRole('button', { name: /Happy hour/ })).toHaveCount(0);
    await saved.getByRole('button', { name: /Staff meal/ }).click();
    await expect(dialog).toBeHidden();
    await expect(cart.getByRole('button', { name: /Order discount: Staff meal \(50 % off\)/ })).toBeVisible();
    await expect(total).toHaveText(money((CUSTOM + SAMUSA) / 2));
    await expect(page.getByRole('dialog', { name: /approval/i })).toHaveCount(0);
  });

  await test.step('paid in cash, the order keeps the typed price and the reason', async () => {
    const due = (CUSTOM + SAMUSA) / 2;
    await cart.getByRole('button', { name: /^Pay\b/ }).click();
    const payment = page.getByRole('dialog', { name: /^Payment/ });
    await expect(payment.getByTestId('balance-due')).toHaveText(money(due));
    await payment.getByLabel('Cash received').fill(String(due));
    await payment.getByRole('button', { name: /^Take cash/ }).click();
    const receipt = page.getByTestId('receipt-dialog');
    await expect(receipt).toBeVisible();
    const number = Number((await receipt.getByRole('heading').first().textContent())?.match(/#(\d+)/)?.[1]);
    // Newest first: this run's order is among the latest of the day.
    const recent = await browserFetch(page, `/api/v1/orders?number=${number}&limit=50`);
    expect(recent.status).toBe(200);
    const found = (recent.body.data as { id: string; total: number }[]).find((o) => o.total === due);
    expect(found, 'the paid order').toBeTruthy();
    const order = await browserFetch(page, `/api/v1/orders/${found!.id}`);
    expect(order.body).toMatchObject({ status: 'completed', orderDiscount: { kind: 'percent', basisPoints: 5000, reason: 'Staff meal' } });
    expect(order.body.lines).toEqual(expect.arrayContaining([expect.objectContaining({ productName: 'Custom amount', unitPrice: CUSTOM, note: 'Gift box' })]));
  });

  // docs/receipts.md: the printed receipt's QR code and link, opened by a customer who is not signed in.
  await test.step('the receipt prints a QR code and its link, which opens it signed out; Email receipt queues it', async () => {
    const receipt = page.getByTestId('receipt-dialog');
    const frame = page.frameLocator('[data-testid="receipt-frame"]');
    await expect(frame.getByRole('img', { name: 'QR code of this receipt online' })).toBeVisible();
    const link = /https?:\/\/\S+\/r\/[A-Za-z0-9_-]{43}/.exec((await frame.locator('.link').textContent()) ?? '')?.[0];
    expect(link, 'the printed link').toBeTruthy();
    expect(new URL(link!).host).toBe(new URL(tenantUrl(DEMO.slug, '/')).host);
    const customer = await browser.newContext();
    const phone = await customer.newPage();
    expect((await phone.goto(link!))?.status()).toBe(200);
    await expect(phone.getByText('Discount: Staff meal')).toBeVisible();
    const altered = link!.slice(0, -1) + (link!.endsWith('A') ? 'B' : 'A');
    expect((await phone.goto(altered))?.status()).toBe(404);
    await expect(phone.getByRole('heading', { name: 'No such receipt' })).toBeVisible();
    await customer.close();

    await receipt.getByRole('button', { name: /^Email receipt/ }).click();
    await receipt.getByLabel('Customer’s email').fill('guest@example.com');
    await receipt.getByRole('button', { name: 'Send receipt' }).click();
    await expect(receipt.getByText('Receipt on its way to guest@example.com.')).toBeVisible();
  });
});
