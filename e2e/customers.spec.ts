import { expect, test } from '@playwright/test';
import { browserFetch, DEMO, hydrated, openDemoShift, signIn, tenantUrl } from './support';

// A cashier finds a customer by phone at the register, attaches them with one tap, and the paid
// order carries them: on the order, its receipt and the customer's profile history.
test('a customer found by phone is attached to the sale in one tap and shows on the receipt', async ({ page }) => {
  test.setTimeout(120_000);
  const registerName = `Customers ${Date.now().toString(36)}`;
  const phone = `09 ${Date.now().toString().slice(-9)}`;
  const products = page.getByRole('region', { name: 'Products' });
  const cart = page.getByRole('region', { name: 'Current sale' });

  await signIn(page, DEMO.slug, DEMO.cashier.email, DEMO.password);
  await expect(page).toHaveURL(tenantUrl(DEMO.slug, '/register'));
  const made = await browserFetch(page, '/api/v1/customers', { method: 'POST', json: { name: 'Ma Hnin Si', phone } });
  expect(made.status).toBe(201);
  await page.evaluate((name) => window.localStorage.setItem('tillwise.registerName', name), registerName);
  await openDemoShift(page, registerName, 'MMK');
  await hydrated(products.getByRole('searchbox', { name: 'Search products or scan a barcode' }));

  await test.step('search by the last digits of the phone, tap the customer', async () => {
    await cart.getByTestId('customer-search').fill(phone.slice(-6));
    await cart.getByRole('list', { name: 'Customers found' }).getByRole('button', { name: /Ma Hnin Si/ }).click();
    await expect(cart.getByTestId('attached-customer')).toContainText('Ma Hnin Si');
    await expect(cart.getByTestId('attached-customer')).toContainText('0 points');
  });

  await test.step('paid in cash, the order and its receipt name the customer', async () => {
    await products.getByRole('group', { name: 'Menus' }).getByRole('button', { name: 'All items' }).click();
    await products.getByRole('button', { name: /^Samusa(?! Thoke)/ }).click();
    await cart.getByRole('button', { name: /^Pay\b/ }).click();
    const payment = page.getByRole('dialog', { name: /^Payment/ });
    await payment.getByLabel('Cash received').fill('500');
    await payment.getByRole('button', { name: /^Take cash/ }).click();
    const receipt = page.getByTestId('receipt-dialog');
    await expect(receipt).toBeVisible();
    await expect(page.frameLocator('[data-testid="receipt-frame"]').getByText('Customer: Ma Hnin Si')).toBeVisible();
    const profile = await browserFetch(page, `/api/v1/customers/${made.body.id}`);
    expect(profile.body.orders).toHaveLength(1);
    expect(profile.body.totals).toMatchObject({ orders: 1, spent: 500 });
  });
});
