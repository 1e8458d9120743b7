import { expect, test } from '@playwright/test';
import { browserFetch, DEMO, escapeRegExp, expectSignInPage, hydrated, signIn, submitSignIn, tenantUrl } from './support';

// One worker runs the tests in file order (playwright.config.ts). The main flow is a single
// test whose steps depend on each other; it adds to the seeded demo tenant (MMK, one stock
// location "Main store") with names and SKUs unique to this run, so it can run again on the
// same database.

test('the owner builds a product and receives stock; a cashier cannot change the catalog', async ({ page }) => {
  const run = Date.now().toString(36);
  const category = `E2E Specials ${run}`;
  const group = `Syrup ${run}`;
  const product = `E2E Iced Tea ${run}`;
  const sku = (suffix: string) => `E2E-${run}-${suffix}`.toUpperCase();
  const variants = [
    { name: 'Regular', sku: sku('R'), price: '3500' },
    { name: 'Large', sku: sku('L'), price: '4500' },
  ];
  const received = variants[0]!;
  const receivedLabel = `${product} (${received.name})`;

  await test.step('the owner signs in', async () => {
    await signIn(page, DEMO.slug, DEMO.owner.email, DEMO.password);
    await expect(page).toHaveURL(tenantUrl(DEMO.slug, '/admin'));
  });

  await test.step('the owner adds a category', async () => {
    await page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Catalog' }).click();
    await expect(page).toHaveURL(tenantUrl(DEMO.slug, '/admin/catalog'));
    await page.getByRole('navigation', { name: 'Catalog' }).getByRole('link', { name: 'Categories' }).click();
    await expect(page).toHaveURL(tenantUrl(DEMO.slug, '/admin/catalog/categories'));
    await expect(page.getByRole('heading', { level: 1, name: 'Categories' })).toBeVisible();

    const add = page.getByRole('region', { name: 'Add a category' });
    await hydrated(add.getByRole('button', { name: 'Add', exact: true }));
    await add.getByLabel('Name').fill(category);
    // Goods bought in and counted: new items in it track stock (the café's own default is off).
    await add.getByLabel('New items here').selectOption({ label: 'Track stock' });
    await add.getByRole('button', { name: 'Add', exact: true }).click();

    await expect(add.getByRole('status')).toHaveText(`“${category}” was added.`);
    const row = page.getByTestId('category-row').filter({ hasText: category });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText('0 products');
    await expect(row).toContainText('New items track stock');
    // The form is cleared for the next one.
    await expect(add.getByLabel('Name')).toHaveValue('');
  });

  await test.step('the owner adds a modifier group with two priced options', async () => {
    await page.getByRole('navigation', { name: 'Catalog' }).getByRole('link', { name: 'Modifier groups' }).click();
    await expect(page).toHaveURL(tenantUrl(DEMO.slug, '/admin/catalog/modifiers'));
    await expect(page.getByRole('heading', { level: 1, name: 'Modifier groups' })).toBeVisible();

    const add = page.getByRole('region', { name: 'Add a modifier group' });
    await hydrated(add.getByRole('button', { name: 'Add modifier group' }));
    await add.getByLabel('Name', { exact: true }).fill(group);
    await add.getByLabel('Choose at least').fill('0');
    await add.getByLabel('Choose at most').fill('1');
    const option = (n: number) => add.getByRole('listitem').filter({ has: page.getByLabel(`Option ${n}`, { exact: true }) });
    await option(1).getByLabel('Option 1', { exact: true }).fill('Vanilla');
    await option(1).getByLabel('Price change (MMK)').fill('300');
    await option(2).getByLabel('Option 2', { exact: true }).fill('Caramel');
    await option(2).getByLabel('Price change (MMK)').fill('300');
    await expect(add.getByText('Optional · at most 1.')).toBeVisible();
    await add.getByRole('button', { name: 'Add modifier group' }).click();

    await expect(add.getByRole('status')).toHaveText(`“${group}” was added.`);
    const card = page.getByTestId('modifier-group').filter({ has: page.getByRole('heading', { name: group, exact: true }) });
    await expect(card).toHaveCount(1);
    await expect(card).toContainText('Optional · at most 1');
    const options = card.getByRole('list', { name: `Options of ${group}` }).getByRole('listitem');
    await expect(options).toHaveCount(2);
    await expect(options.nth(0)).toContainText('Vanilla');
    await expect(options.nth(0)).toContainText('+');
    await expect(options.nth(0)).toContainText('300');
    await expect(options.nth(1)).toContainText('Caramel');
    await expect(options.nth(1)).toContainText('300');
    // The form is ready for the next group.
    await expect(add.getByLabel('Name', { exact: true })).toHaveValue('');
  });

  await test.step('the owner adds a product with two variants in the category, using the group', async () => {
    await page.getByRole('navigation', { name: 'Catalog' }).getByRole('link', { name: 'Products' }).click();
    await expect(page).toHaveURL(tenantUrl(DEMO.slug, '/admin/catalog'));
    await page.getByRole('main').getByRole('link', { name: 'Add product' }).click();
    await expect(page).toHaveURL(tenantUrl(DEMO.slug, '/admin/catalog/products/new'));
    await expect(page.getByRole('heading', { level: 1, name: 'New product' })).toBeVisible();

    await hydrated(page.getByRole('button', { name: 'Add product' }));
    const details = page.getByRole('region', { name: 'Details' });
    await details.getByLabel('Product name').fill(product);
    // The café's default: a new item starts untracked (sellable at once), with its only tax class…
    await expect(page.getByRole('checkbox', { name: 'Track stock' })).not.toBeChecked();
    await expect(details.getByLabel('Tax class')).toHaveValue(/.+/);
    // …and takes the category's say once it is picked.
    await details.getByLabel('Category').selectOption({ label: category });
    await expect(page.getByRole('checkbox', { name: 'Track stock' })).toBeChecked();

    const variantSection = page.getByRole('region', { name: 'Variants' });
    await variantSection.getByRole('button', { name: 'Add variant' }).click();
    for (const [i, v] of variants.entries()) {
      // The legend grows the variant's name as it is typed ("Variant 1 — Regular").
      const fields = variantSection.getByRole('group', { name: new RegExp(`^Variant ${i + 1}\\b`) });
      await fields.getByLabel('Name', { exact: true }).fill(v.name);
      await fields.getByLabel('SKU').fill(v.sku);
      await fields.getByLabel('Price (MMK)').fill(v.price);
      await expect(fields).toHaveAccessibleName(`Variant ${i + 1} — ${v.name}`);
    }

    await page.getByRole('region', { name: 'Modifier groups' }).getByRole('checkbox', { name: group, exact: true }).check();
    await page.getByRole('button', { name: 'Add product' }).click();

    await expect(page).toHaveURL(new RegExp(`^${escapeRegExp(tenantUrl(DEMO.slug, '/admin/catalog?added='))}`));
    await expect(page.getByRole('main').getByRole('status')).toContainText(`${product} was added.`);
  });

  await test.step('the product list finds the new product by name', async () => {
    const search = page.getByRole('search', { name: 'Products' });
    await search.getByLabel('Search', { exact: true }).fill(product);
    await search.getByRole('button', { name: 'Search' }).click();
    await expect(page).toHaveURL(/[?&]q=/);

    const rows = page.getByTestId('product-row');
    await expect(rows).toHaveCount(1);
    const row = rows.first();
    await expect(row.getByRole('link', { name: product, exact: true })).toBeVisible();
    await expect(row).toContainText('2 variants');
    await expect(row).toContainText(category);
    await expect(row).toContainText(/3,500.*4,500/);
    await expect(row).toContainText(received.sku);
    await expect(row).toContainText('Active');
  });

  await test.step('the product editor shows what was saved', async () => {
    await page.getByTestId('product-row').getByRole('link', { name: product, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText(product);
    const details = page.getByRole('region', { name: 'Details' });
    await expect(details.getByLabel('Product name')).toHaveValue(product);
    await expect(details.getByLabel('Category').locator('option:checked')).toHaveText(category);
    const variantSection = page.getByRole('region', { name: 'Variants' });
    for (const [i, v] of variants.entries()) {
      const fields = variantSection.getByRole('group', { name: `Variant ${i + 1} — ${v.name}` });
      await expect(fields.getByLabel('SKU')).toHaveValue(v.sku);
      await expect(fields.getByLabel('Price (MMK)')).toHaveValue(v.price);
    }
    await expect(page.getByRole('region', { name: 'Modifier groups' }).getByRole('checkbox', { name: group, exact: true })).toBeChecked();
  });

  await test.step(`the owner receives 20 units of ${received.name} at Main store`, async () => {
    await page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Stock' }).click();
    await expect(page).toHaveURL(tenantUrl(DEMO.slug, '/admin/stock'));
    await expect(page.getByRole('heading', { level: 1, name: 'Stock' })).toBeVisible();
    await page.getByRole('navigation', { name: 'Stock actions' }).getByRole('link', { name: 'Receive stock' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Receive stock' })).toBeVisible();
    await expect(page.getByRole('main')).toContainText('Goods delivered to Main store');

    const picker = page.getByRole('combobox', { name: 'Add an item' });
    await hydrated(picker);
    await picker.fill(received.sku);
    const match = page.getByRole('listbox', { name: `Matches for ${received.sku}` }).getByRole('option', {
      name: new RegExp(`^${escapeRegExp(receivedLabel)}`),
    });
    await expect(match).toContainText(`SKU ${received.sku}`);
    await expect(match).toContainText('0 at Main store');
    await match.click();

    const lines = page.getByRole('table', { name: 'Items in this receipt' });
    await expect(lines.getByTestId('stock-line')).toHaveCount(1);
    await expect(lines.getByTestId('stock-line')).toContainText(receivedLabel);
    const quantity = page.getByLabel(`Quantity of ${receivedLabel}`);
    await expect(quantity).toHaveValue('1');
    await quantity.fill('20');
    await expect(page.getByText('1 item, 20 units')).toBeVisible();
    await page.getByLabel('Supplier (optional)').fill('E2E Supplies');
    await page.getByRole('button', { name: 'Receive stock' }).click();

    await expect(page.getByRole('main').getByRole('status').filter({ hasText: 'Received' })).toContainText('Received 20 units of 1 item.');
    // The form is emptied for the next delivery.
    await expect(page.getByTestId('stock-line')).toHaveCount(0);
  });

  await test.step('the stock page shows 20 on hand for it', async () => {
    await page.getByRole('link', { name: 'Back to stock' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Stock' })).toBeVisible();
    const search = page.getByRole('search');
    await hydrated(search.getByRole('button', { name: 'Search' }));
    await search.getByLabel('Search items').fill(product);
    await search.getByRole('button', { name: 'Search' }).click();
    await expect(page).toHaveURL(/[?&]q=/);

    // Both variants are listed; only the received one has stock.
    await expect(page.getByTestId('stock-row')).toHaveCount(2);
    const row = (label: string) => page.getByTestId('stock-row').filter({ has: page.getByRole('link', { name: label, exact: true }) });
    await expect(row(receivedLabel).getByRole('cell').nth(1)).toHaveText(received.sku);
    await expect(row(receivedLabel).getByRole('cell').nth(2)).toHaveText('20');
    await expect(row(`${product} (Large)`).getByRole('cell').nth(2)).toHaveText('0');
  });

  await test.step("the item's history shows the receipt", async () => {
    await page.getByRole('link', { name: receivedLabel, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: receivedLabel })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'On hand now: 20' })).toBeVisible();

    const levels = page.getByTestId('level-row').filter({ has: page.getByRole('rowheader', { name: 'Main store' }) });
    await expect(levels.getByRole('cell').first()).toHaveText('20');

    const ledger = page.getByRole('table', { name: `Stock movements of ${receivedLabel}, newest first` });
    const entries = ledger.getByTestId('ledger-row');
    await expect(entries).toHaveCount(1);
    const cells = entries.first().getByRole('cell');
    await expect(cells.nth(1)).toHaveText('Main store');
    await expect(cells.nth(2)).toHaveText('Received');
    await expect(cells.nth(3)).toHaveText('+20');
    await expect(cells.nth(4)).toHaveText('20');
    await expect(cells.nth(5)).toHaveText('From E2E Supplies');
    await expect(cells.nth(6)).toHaveText(DEMO.owner.name);
  });

  await test.step('the owner signs out', async () => {
    await hydrated(page.getByRole('button', { name: 'Sign out' })).then((b) => b.click());
    await expectSignInPage(page, DEMO.slug, DEMO.name);
  });

  await test.step('the cashier signs in and is refused the catalog and stock admin with a 403', async () => {
    await submitSignIn(page, DEMO.cashier.email, DEMO.password);
    await expect(page).toHaveURL(tenantUrl(DEMO.slug, '/register'));
    await expect(page.getByTestId('current-staff')).toContainText(DEMO.cashier.name);

    for (const path of ['/admin/catalog', '/admin/catalog/products/new', '/admin/stock', '/admin/stock/receive']) {
      const response = await page.goto(tenantUrl(DEMO.slug, path));
      expect(response?.status(), path).toBe(403);
      await expect(page.getByRole('heading', { name: "You don't have access to this page" })).toBeVisible();
      await expect(page.getByText(product)).toHaveCount(0);
    }
  });

  await test.step("the cashier's session reads the catalog over the API but cannot write to it", async () => {
    const list = await browserFetch(page, `/api/v1/products?search=${encodeURIComponent(product)}`);
    expect(list.status).toBe(200);
    const listed = list.body as { total: number; data: { name: string; variants: { sku: string }[] }[] };
    expect(listed.total).toBe(1);
    expect(listed.data[0]?.name).toBe(product);
    expect(listed.data[0]?.variants.map((v) => v.sku).sort()).toEqual(variants.map((v) => v.sku).sort());

    const write = await browserFetch(page, '/api/v1/products', {
      method: 'POST',
      json: { name: `E2E Cashier product ${run}`, variants: [{ sku: sku('C'), price: 1000 }] },
    });
    expect(write.status).toBe(403);
    expect(write.body).toEqual({ error: expect.objectContaining({ code: 'forbidden', message: expect.any(String) }) });

    // Nothing was created.
    const after = await browserFetch(page, `/api/v1/products?search=${encodeURIComponent(sku('C'))}&status=all`);
    expect(after.status).toBe(200);
    expect((after.body as { total: number }).total).toBe(0);
  });
});

test('the product API refuses a visitor who is not signed in', async ({ page }) => {
  await page.goto(tenantUrl(DEMO.slug, '/signin'));
  const read = await browserFetch(page, '/api/v1/products');
  expect(read.status).toBe(401);
  expect(read.body).toEqual({ error: expect.objectContaining({ code: 'unauthorized' }) });

  const write = await browserFetch(page, '/api/v1/products', {
    method: 'POST',
    json: { name: 'E2E anonymous product', variants: [{ sku: `E2E-ANON-${Date.now().toString(36)}`, price: 1000 }] },
  });
  expect(write.status).toBe(401);
  expect(write.body).toEqual({ error: expect.objectContaining({ code: 'unauthorized' }) });
});
