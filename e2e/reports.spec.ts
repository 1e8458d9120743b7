import { readFile } from 'node:fs/promises';
import { expect, test, type Browser, type Page } from '@playwright/test';
import Papa from 'papaparse';
import { formatMoney, minorToDecimal } from '../lib/platform/money';
import { browserFetch, DEMO, signIn, tenantUrl } from './support';

// The owner's reading side on the seeded demo tenant (MMK): the dashboard moves live when a
// cashier sells in another window, the order is found by its number, a CSV of it parses, and
// the refund the owner then gives is in the audit log.

const CURRENCY = 'MMK';
const squash = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();

async function signedIn(browser: Browser, who: { email: string }): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, DEMO.slug, who.email, DEMO.password);
  await expect(page).not.toHaveURL(/\/signin/);
  return page;
}

/** A cash sale of one `productName` through the API, as the register makes it; answers the order. */
async function sellOne(page: Page, productName: string): Promise<{ id: string; number: number; total: number; lineId: string }> {
  const found = await browserFetch(page, `/api/v1/products?search=${encodeURIComponent(productName)}`);
  expect(found.status).toBe(200);
  const variantId: string = found.body.data[0].variants[0].id;
  const sale = await browserFetch(page, '/api/v1/orders', {
    method: 'POST',
    json: { type: 'takeaway', lines: [{ variantId, quantity: 1 }], payments: [{ tender: 'cash', tendered: 100_000 }] },
  });
  expect(sale.status, JSON.stringify(sale.body)).toBe(201);
  expect(sale.body).toMatchObject({ status: 'completed', paymentError: null });
  return { id: sale.body.id, number: sale.body.number, total: sale.body.total, lineId: sale.body.lines[0].id };
}

test('the owner watches today move live, finds the sale among the orders, downloads it as CSV and finds its refund in the audit log', async ({ browser }) => {
  const owner = await signedIn(browser, DEMO.owner);
  const cashier = await signedIn(browser, DEMO.cashier);
  const netSales = owner.locator('[data-figure="net"]');
  let before = '';
  let sale: Awaited<ReturnType<typeof sellOne>>;

  await test.step('the dashboard opens on today, live', async () => {
    await owner.goto(tenantUrl(DEMO.slug, '/admin'));
    await expect(owner.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
    await expect(owner.getByTestId('live-status')).toHaveText('Live');
    before = squash(await netSales.textContent());
    // Marks this page load: a reload would drop it, so the check below proves no reload happened.
    await owner.evaluate(() => ((window as unknown as { tillwiseMark: string }).tillwiseMark = 'same page'));
  });

  await test.step('a sale at the register shows in the owner’s net sales without a reload', async () => {
    sale = await sellOne(cashier, 'Drinking water 1 L');
    await expect.poll(async () => squash(await netSales.textContent()), { timeout: 15_000 }).not.toBe(before);
    expect(await owner.evaluate(() => (window as unknown as { tillwiseMark?: string }).tillwiseMark)).toBe('same page');
  });

  await test.step('the owner finds the order by its number', async () => {
    await owner.goto(tenantUrl(DEMO.slug, '/admin/orders'));
    const search = owner.getByRole('search', { name: 'Find orders' });
    await search.getByLabel('Order number').fill(String(sale.number));
    await search.getByRole('button', { name: 'Search' }).click();
    await expect(owner).toHaveURL(new RegExp(`number=${sale.number}`));
    const rows = owner.getByTestId('order-row');
    const row = rows.filter({ hasText: `#${sale.number}` }).first();
    await expect(row).toBeVisible();
    expect(squash(await row.textContent())).toContain(squash(formatMoney(sale.total, CURRENCY)));
  });

  await test.step('the orders CSV of that search downloads and parses, with the order in it', async () => {
    const download = owner.waitForEvent('download');
    await owner.getByRole('navigation', { name: 'Download CSV' }).getByRole('link', { name: 'Orders', exact: true }).click();
    const file = await (await download).path();
    const parsed = Papa.parse<Record<string, string>>((await readFile(file!, 'utf8')).replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    const row = parsed.data.find((r) => r.order_id === sale.id);
    expect(row, `order #${sale.number} in ${JSON.stringify(parsed.data.slice(0, 3))}`).toMatchObject({ order_number: String(sale.number), total: minorToDecimal(sale.total, CURRENCY) });
  });

  await test.step('the owner refunds it, and the audit log shows who refunded which order', async () => {
    const refund = await browserFetch(owner, `/api/v1/orders/${sale.id}/refunds`, {
      method: 'POST',
      json: { reason: 'Bottle was warm', restock: false, lines: [{ lineId: sale.lineId, quantity: 1 }], approval: null },
    });
    expect(refund.status, JSON.stringify(refund.body)).toBe(201);
    await owner.goto(tenantUrl(DEMO.slug, '/admin/audit'));
    const filters = owner.getByRole('form', { name: 'Filter the audit log' });
    await filters.getByLabel('Action').selectOption('order.refunded');
    await filters.getByRole('button', { name: 'Show' }).click();
    await expect(owner).toHaveURL(/action=order\.refunded/);
    const row = owner.getByTestId('audit-row').filter({ has: owner.locator(`a[href="/admin/orders/${sale.id}"]`) });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText(DEMO.owner.name);
    await expect(row).toContainText('Refunded');
  });

  await test.step('the sales-by-day report for the last 7 days has today in its table and its CSV', async () => {
    await owner.goto(tenantUrl(DEMO.slug, '/admin/reports'));
    await owner.getByRole('link', { name: 'Sales by day' }).click();
    await expect(owner.getByRole('heading', { level: 1, name: 'Sales by day' })).toBeVisible();
    await owner.getByRole('navigation', { name: 'Quick ranges' }).getByRole('link', { name: 'Last 7 days' }).click();
    await expect(owner).toHaveURL(/from=\d{4}-\d{2}-\d{2}&to=/);
    await expect(owner.getByRole('table').first()).toBeVisible();
    const download = owner.waitForEvent('download');
    await owner.getByRole('link', { name: 'Download CSV', exact: true }).first().click();
    const file = await (await download).path();
    const parsed = Papa.parse<Record<string, string>>((await readFile(file!, 'utf8')).replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data).toHaveLength(7);
    expect(Number(parsed.data.at(-1)!.orders)).toBeGreaterThan(0); // today has at least the sale above
  });

  await owner.context().close();
  await cashier.context().close();
});
