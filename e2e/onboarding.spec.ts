import { expect, test, type Page } from '@playwright/test';
import { hydrated, ROOT_URL, tenantUrl } from './support';

/** The first day: sign up as a café with the sample menu, follow the checklist, preview a CSV import, remove the samples. */
async function signUpCafe(page: Page, slug: string) {
  await page.goto(`${ROOT_URL}/signup`);
  const form = page.locator('form');
  await form.getByLabel('Time zone').selectOption('Asia/Yangon');
  await hydrated(form.getByLabel('Store address'));
  await form.getByLabel('Business name').fill(`First Day Café ${slug}`);
  await form.getByLabel('Store address').fill(slug);
  await form.getByLabel('Currency').selectOption('MMK');
  await form.getByRole('radio', { name: 'Café or restaurant' }).check();
  await form.getByLabel('Start with a sample menu').check();
  // MMK suggests the commercial tax; the owner keeps it.
  await expect(form.getByLabel('Tax name (optional)')).toHaveValue('Commercial tax');
  await expect(form.getByLabel('Rate (%)')).toHaveValue('5');
  await form.getByLabel('Address on receipts (optional)').fill('12 Anawrahta Road, Yangon');
  await form.getByLabel('Your name').fill('Owner Thida');
  await form.getByLabel('Email').fill(`owner@${slug}.test`);
  await form.getByLabel('Password').fill('owner-password-1');
  await form.getByRole('button', { name: 'Create business' }).click();
  await expect(page).toHaveURL(tenantUrl(slug, '/admin'));
}

const step = (page: Page, name: string) => page.getByTestId('first-day-checklist').getByRole('listitem').filter({ hasText: name });

test('a café signs up with the sample menu, the checklist ticks itself off, a CSV is previewed then imported, and the samples go in one click', async ({ page }) => {
  const slug = `e2e-first-${Date.now().toString(36)}`;
  const checklist = page.getByTestId('first-day-checklist');

  await test.step('sign-up lands on a dashboard with the checklist', async () => {
    await signUpCafe(page, slug);
    await expect(checklist.getByRole('heading', { name: 'Get your store ready' })).toBeVisible();
    await expect(checklist.getByRole('listitem')).toHaveCount(5);
    // The state is in words for screen readers, not only a mark.
    await expect(step(page, 'Set your taxes')).toContainText('(done)');
    await expect(step(page, 'Add staff with PINs')).toContainText('(to do)');
    await expect(step(page, 'Add your items')).toContainText('(to do)'); // samples are not the owner's items
    await expect(step(page, 'Add staff with PINs').getByRole('link', { name: 'Add staff' })).toHaveAttribute('href', '/admin/staff');
    await expect(checklist).toContainText('Your catalog has 8 sample items');
  });

  await test.step('adding a cashier with a PIN ticks "Add staff with PINs"', async () => {
    await step(page, 'Add staff with PINs').getByRole('link', { name: 'Add staff' }).click();
    await expect(page).toHaveURL(tenantUrl(slug, '/admin/staff'));
    const add = page.getByRole('region', { name: 'Add a staff member' });
    await hydrated(add.getByRole('button', { name: 'Add staff member' }));
    await add.getByLabel('Name').fill('Cashier Nilar');
    await add.getByLabel('Email').fill(`cashier@${slug}.test`);
    await add.getByLabel('Role').selectOption('cashier');
    await add.getByLabel('Temporary password').fill('cashier-password-1');
    await add.getByLabel('Register PIN').fill('4821');
    await add.getByRole('button', { name: 'Add staff member' }).click();
    await expect(add.getByRole('status')).toHaveText('Cashier Nilar was added as cashier.');
    await page.goto(tenantUrl(slug, '/admin'));
    await expect(step(page, 'Add staff with PINs')).toContainText('(done)');
    await expect(checklist).toContainText('2 of 5 done');
  });

  await test.step('a CSV import is previewed (create, change, left alone), then imported as previewed', async () => {
    await page.goto(tenantUrl(slug, '/admin/catalog/import'));
    const file = [
      'product_name,category,tax_class,track_stock,allow_negative_stock,variant_name,sku,price,attributes',
      'Espresso,Coffee,Commercial tax,false,false,Default,SAMPLE-ESP,3000,"{""sample"":true}"',
      'Green tea,Tea,Commercial tax,false,false,Default,SAMPLE-GTEA,2000,"{""sample"":true}"',
      'Shan noodles,Food,Commercial tax,false,false,Default,SHAN-1,4500,',
    ].join('\n');
    const input = page.getByLabel('CSV file');
    await hydrated(page.getByRole('button', { name: 'Preview the import' }));
    await input.setInputFiles({ name: 'menu.csv', mimeType: 'text/csv', buffer: Buffer.from(file) });
    await page.getByRole('button', { name: 'Preview the import' }).click();

    await expect(page.getByRole('heading', { name: 'What importing menu.csv will do' })).toBeVisible();
    await expect(page.getByTestId('preview-create-count')).toHaveText('1');
    await expect(page.getByTestId('preview-change-count')).toHaveText('1');
    await expect(page.getByTestId('preview-unchanged-count')).toHaveText('1');
    const change = page.getByTestId('preview-change');
    await expect(change).toHaveCount(1);
    await expect(change).toContainText('Espresso');
    await expect(change).toContainText('Price');
    await expect(change).toContainText('2,500');
    await expect(change).toContainText('3,000');
    await expect(page.getByTestId('preview-create')).toContainText('Shan noodles');

    await page.getByRole('button', { name: 'Import these changes' }).click();
    await expect(page.getByRole('heading', { name: 'menu.csv was imported' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'menu.csv was imported' })).toContainText('Left alone');
  });

  await test.step('"Remove sample items" removes the untouched samples and keeps the edited one', async () => {
    await page.goto(tenantUrl(slug, '/admin'));
    await expect(step(page, 'Add your items')).toContainText('(done)');
    await expect(checklist).toContainText('Your catalog has 7 sample items');
    await hydrated(checklist.getByRole('button', { name: 'Remove sample items' })).then((b) => b.click());
    await expect(checklist.getByRole('button', { name: 'Remove sample items' })).toHaveCount(0);
    await page.goto(tenantUrl(slug, '/admin/catalog'));
    const main = page.getByRole('main');
    await expect(main.getByText('Shan noodles')).toBeVisible();
    await expect(main.getByText('Espresso')).toBeVisible(); // edited by the import: the owner's now
    await expect(main.getByText('Latte')).toHaveCount(0);
  });

  await test.step('the owner dismisses the checklist', async () => {
    await page.goto(tenantUrl(slug, '/admin'));
    await hydrated(checklist.getByRole('button', { name: 'Dismiss the checklist' })).then((b) => b.click());
    await expect(checklist).toHaveCount(0);
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
    await expect(checklist).toHaveCount(0);
  });
});
