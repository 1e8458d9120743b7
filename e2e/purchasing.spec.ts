import { expect, test } from '@playwright/test';
import sharp from 'sharp';
import { browserFetch, DEMO, escapeRegExp, hydrated, signIn, tenantUrl } from './support';

// The demo café (MMK: no minor digits, one location "Main store"), with names and SKUs unique to
// this run so it can run again on the same database. The item is made over the API: this spec is
// about buying it in, not about the product editor (catalog-stock.spec.ts).

test('the owner adds a supplier, orders an item at a unit cost, receives it; stock and the weighted average cost move', async ({ page }) => {
  const run = Date.now().toString(36);
  const supplier = `E2E Leaf Traders ${run}`;
  const sku = `E2E-PO-${run}`.toUpperCase();
  const name = `E2E Tea Leaves ${run}`;
  const label = `${name} (Bag)`;
  let productId = '';
  let variantId = '';

  await test.step('the owner signs in; an item costing 1,000 has 10 on hand', async () => {
    await signIn(page, DEMO.slug, DEMO.owner.email, DEMO.password);
    await expect(page).toHaveURL(tenantUrl(DEMO.slug, '/admin'));
    const made = await browserFetch(page, '/api/v1/products', { method: 'POST', json: { name, trackStock: true, variants: [{ name: 'Bag', sku, price: 3000, cost: 1000 }] } });
    expect(made.status).toBe(201);
    productId = made.body.id;
    variantId = made.body.variants[0].id;
    const locations = await browserFetch(page, '/api/v1/inventory/locations');
    const main = (locations.body.data ?? locations.body).find((l: { name: string }) => l.name === 'Main store');
    const received = await browserFetch(page, '/api/v1/inventory/receipts', { method: 'POST', json: { locationId: main.id, lines: [{ variantId, quantity: 10, unitCost: 1000 }] } });
    expect(received.status).toBe(201);
  });

  await test.step('the owner adds a supplier', async () => {
    await page.goto(tenantUrl(DEMO.slug, '/admin/stock/purchase-lists'));
    await expect(page.getByRole('heading', { level: 1, name: 'Purchase orders' })).toBeVisible();
    await page.getByRole('main').getByRole('link', { name: 'supplier', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Suppliers' })).toBeVisible();
    const add = page.getByRole('form', { name: 'Add a supplier' });
    await hydrated(add.getByRole('button', { name: 'Add supplier' }));
    await add.getByLabel('Name').fill(supplier);
    await add.getByLabel('Phone (optional)').fill('09 123 4567');
    await add.getByRole('button', { name: 'Add supplier' }).click();
    await expect(add.getByRole('status').or(add.getByRole('alert'))).toContainText(`Added ${supplier}.`);
    await expect(page.getByTestId('supplier-row').filter({ hasText: supplier })).toContainText('09 123 4567');
  });

  await test.step('the owner drafts a purchase order: 10 bags at 2,000 each from that supplier', async () => {
    await page.getByRole('link', { name: 'Purchase orders' }).click();
    await page.getByRole('link', { name: 'New purchase order' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'New purchase order' })).toBeVisible();
    const form = page.getByRole('form', { name: 'New purchase order' });
    await form.getByLabel('Supplier').selectOption({ label: supplier });
    const picker = form.getByRole('combobox', { name: 'Add an item' });
    await hydrated(picker);
    await picker.fill(sku);
    const match = page.getByRole('listbox', { name: `Matches for ${sku}` }).getByRole('option', { name: new RegExp(`^${escapeRegExp(label)}`) });
    await expect(match).toContainText('10 at Main store');
    await match.click();
    await expect(form.getByTestId('purchase-line')).toHaveCount(1);
    await form.getByLabel(`Quantity of ${label}`).fill('10');
    await form.getByLabel(`Unit cost of ${label} (MMK)`).fill('2,000');
    await form.getByRole('button', { name: 'Save draft' }).click();

    await expect(page.getByRole('heading', { level: 1, name: 'Purchase order for Main store' })).toBeVisible();
    await expect(page.getByTestId('purchase-list-status')).toHaveText('Draft');
    await expect(page.getByRole('main')).toContainText(`From ${supplier}`);
    const line = page.getByRole('table', { name: 'What to order' }).getByRole('row').filter({ hasText: label });
    await expect(line).toContainText('2,000');
  });

  await test.step('the owner sends it, then receives everything', async () => {
    await hydrated(page.getByRole('button', { name: 'Mark as sent' }));
    await page.getByRole('button', { name: 'Mark as sent' }).click();
    await expect(page.getByTestId('purchase-list-status')).toHaveText('Sent');
    const receive = page.getByRole('form', { name: 'Receive this order' });
    await hydrated(receive.getByRole('button', { name: 'Receive' }));
    await expect(receive.getByLabel(`${label} arrived (of 10)`)).toHaveValue('10');
    await receive.getByRole('button', { name: 'Receive' }).click();
    await expect(page.getByTestId('purchase-list-status')).toHaveText('Received');
    await expect(page.getByTestId('line-received')).toHaveText('10');
    await page.getByRole('link', { name: 'Purchase orders' }).click();
    const row = page.getByTestId('purchase-list-row').filter({ hasText: supplier });
    await expect(row).toContainText('Received');
  });

  await test.step('the stock page shows 20 on hand, and the item costs the weighted average 1,500', async () => {
    await page.goto(tenantUrl(DEMO.slug, `/admin/stock/items/${variantId}`));
    await expect(page.getByRole('heading', { level: 1, name: label })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: 'On hand now: 20' })).toBeVisible();
    await page.goto(tenantUrl(DEMO.slug, `/admin/catalog/products/${productId}`));
    // (10 × 1,000 + 10 × 2,000) ÷ 20
    await expect(page.getByRole('region', { name: 'Variants' }).getByLabel('Cost (MMK, optional)')).toHaveValue('1500');
  });
});

test('the owner uploads a product photo in the editor; the product list shows it, resized', async ({ page }) => {
  const run = Date.now().toString(36);
  const name = `E2E Photo Cake ${run}`;
  await signIn(page, DEMO.slug, DEMO.owner.email, DEMO.password);
  await expect(page).toHaveURL(tenantUrl(DEMO.slug, '/admin'));
  const made = await browserFetch(page, '/api/v1/products', { method: 'POST', json: { name, trackStock: false, variants: [{ name: 'Slice', sku: `E2E-PH-${run}`.toUpperCase(), price: 2500 }] } });
  expect(made.status).toBe(201);

  await page.goto(tenantUrl(DEMO.slug, `/admin/catalog/products/${made.body.id}`));
  await expect(page.getByText('No photo')).toBeVisible();
  const raw = Buffer.alloc(640 * 480 * 3, 180);
  const png = await sharp(raw, { raw: { width: 640, height: 480, channels: 3 } }).png().toBuffer();
  const file = page.getByLabel('Upload a photo');
  await hydrated(file);
  await file.setInputFiles({ name: 'cake.png', mimeType: 'image/png', buffer: png });
  await expect(page.getByRole('status').filter({ hasText: 'Photo uploaded' })).toBeVisible();
  const shown = page.getByTestId('product-photo');
  await expect(shown).toHaveAttribute('src', /^\/api\/v1\/photos\/[a-f0-9]{32}\/480$/);
  await expect.poll(() => shown.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(480);

  await page.goto(tenantUrl(DEMO.slug, `/admin/catalog?q=${encodeURIComponent(name)}`));
  const row = page.getByTestId('product-row').filter({ hasText: name });
  await expect(row.getByTestId('product-row-photo')).toHaveAttribute('src', /\/160$/);
  await expect.poll(() => row.getByTestId('product-row-photo').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(160);
});
