import { expect, test, type Page } from '@playwright/test';
import { cafe } from '../scripts/seed/seed-data';
import { DEMO, ROOT_URL, browserFetch, escapeRegExp, hydrated, signIn, tenantUrl } from './support';

// The pages a store shows around its work: a wrong address, the favicon, and the register's
// menus following the store's clock. One worker runs the files in order; the register test
// uses a register name of its own and closes the shift it opens.

/** The demo café's menus as seeded (scripts/seed/seed-data.ts): sections in the editor's order. */
const sectionsOf = (menu: string) => Object.keys(cafe.menus.find((m) => m.name === menu)!.sections);

/** `HH:MM` today in Yangon (UTC+6:30, no daylight saving), as an instant. */
function yangonToday(time: string): Date {
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Yangon', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
  return new Date(`${day}T${time}:00+06:30`);
}

test.describe('a wrong address', () => {
  test("inside a store shows the store's own 404 with a way home", async ({ page }) => {
    const response = await page.goto(tenantUrl(DEMO.slug, '/no-such-page'));
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
    await expect(page.getByRole('main')).toContainText(`There is no page at this address in ${DEMO.name}.`);
    await expect(page.getByRole('heading', { name: 'No such store' })).toHaveCount(0);

    const home = page.getByRole('link', { name: `Go to ${DEMO.name}'s home page` });
    await expect(home).toHaveAttribute('href', '/');
    await home.click();
    // The store's home sends a signed-out visitor to its sign-in.
    await expect(page).toHaveURL(new RegExp(`^${escapeRegExp(tenantUrl(DEMO.slug, '/signin'))}`));
    await expect(page.getByRole('heading', { level: 1, name: DEMO.name })).toBeVisible();
  });

  test('deeper inside a store, too (an unknown admin page)', async ({ page }) => {
    const response = await page.goto(tenantUrl(DEMO.slug, '/admin/no-such-report'));
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
    await expect(page.getByRole('link', { name: `Go to ${DEMO.name}'s home page` })).toBeVisible();
  });

  test('on the root domain keeps its own 404', async ({ page }) => {
    const response = await page.goto(`${ROOT_URL}/no-such-page`);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
    await expect(page.getByRole('main')).toContainText('This page does not exist.');
    await expect(page.getByRole('link', { name: 'Go to the home page' })).toHaveAttribute('href', '/');
    await expect(page.getByText(DEMO.name)).toHaveCount(0);
  });

  test('for a store that does not exist still says so', async ({ page }) => {
    const response = await page.goto(tenantUrl('nosuchstore', '/no-such-page'));
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1, name: 'No such store' })).toBeVisible();
  });
});

test('every host serves the favicon', async ({ page }) => {
  for (const url of [tenantUrl(DEMO.slug, '/signin'), `${ROOT_URL}/`]) {
    await page.goto(url);
    const href = await page.locator('link[rel="icon"]').first().getAttribute('href');
    expect(href, `a favicon link on ${url}`).toMatch(/^\/icon\.svg/);
    // Fetched by the page itself: Node cannot resolve *.localhost names, the browser can.
    const icon = await page.evaluate(async (path) => {
      const res = await fetch(path);
      return { status: res.status, type: res.headers.get('content-type') ?? '' };
    }, href!);
    expect(icon.status, `the favicon on ${url}`).toBe(200);
    expect(icon.type).toContain('image/svg+xml');
  }
});

test.describe('the register', () => {
  // The device is set to another zone than the store's: what it shows must be the store's.
  test.use({ timezoneId: 'America/New_York' });

  test("opens on the menu offered now and moves on at the end of its hours, on the store's clock", async ({ page }) => {
    const registerName = `Menus till ${Date.now().toString(36)}`;
    const products = page.getByRole('region', { name: 'Products' });
    const menus = products.getByRole('group', { name: 'Menus' });
    const sectionHeadings = products.getByTestId('menu-sections').getByRole('heading', { level: 2 });
    let shiftId: string | null = null;

    await signIn(page, DEMO.slug, DEMO.cashier.email, DEMO.password);
    await expect(page).toHaveURL(tenantUrl(DEMO.slug, '/register'));
    const opened = await browserFetch(page, '/api/v1/shifts', { method: 'POST', json: { registerName, openingFloat: 0 } });
    expect(opened.status).toBe(201);
    shiftId = (opened.body as { id: string }).id;

    try {
      await page.evaluate((name) => window.localStorage.setItem('tillwise.registerName', name), registerName);
      // Leave the register first: its idle lock would read the clock's jump to 10:59 as hours
      // without a touch, lock the register and end this session.
      await page.goto('about:blank');
      // 10:59 in Yangon: breakfast (06:00–11:00) has one minute left.
      await page.clock.install({ time: yangonToday('10:59') });
      await page.goto(tenantUrl(DEMO.slug, '/register'));
      await hydrated(products.getByRole('searchbox', { name: 'Search products or scan a barcode' }));

      await test.step('at 10:59 the register shows Breakfast, its sections in the editor’s order', async () => {
        await expect(page.getByTestId('store-clock')).toHaveText('10:59');
        await expect(menus.getByRole('button', { name: 'Breakfast' })).toHaveAttribute('aria-pressed', 'true');
        await expect(menus.getByRole('button', { name: 'All day' })).toHaveAttribute('aria-pressed', 'false');
        await expect(sectionHeadings).toHaveText(sectionsOf('Breakfast'));
        await expect(products.getByRole('group', { name: 'Sections of Breakfast' }).getByRole('button')).toHaveText(['Whole menu', ...sectionsOf('Breakfast')]);
        await expect(products.getByTestId('product-tile').filter({ hasText: 'Mohinga' })).toBeVisible();
      });

      await test.step('at 11:00 Breakfast is over: "All day" comes up, Breakfast moves to the other menus', async () => {
        await page.clock.fastForward('01:00');
        await expect(page.getByTestId('store-clock')).toHaveText('11:00');
        await expect(menus.getByRole('button', { name: 'All day' })).toHaveAttribute('aria-pressed', 'true');
        await expect(menus.getByRole('button', { name: 'Breakfast' })).toHaveCount(0);
        await expect(sectionHeadings).toHaveText(sectionsOf('All day'));
      });

      await test.step('a menu not offered now can still be opened, and says so; "All items" has everything', async () => {
        await menus.getByLabel('Menus not offered now').selectOption({ label: 'Breakfast · Every day 06:00–11:00' });
        await expect(products.getByTestId('menu-off-hours')).toHaveText('Breakfast is not offered now (Every day 06:00–11:00); its items can still be sold.');
        await expect(sectionHeadings).toHaveText(sectionsOf('Breakfast'));

        await menus.getByRole('button', { name: 'All items' }).click();
        await expect(products.getByRole('group', { name: 'Categories' }).getByRole('button', { name: 'All', exact: true })).toHaveAttribute('aria-pressed', 'true');
        // Every active product (other suites may have added some to the demo).
        const active = await browserFetch(page, '/api/v1/products?status=active&limit=200');
        expect(active.status).toBe(200);
        await expect(products.getByTestId('product-tile')).toHaveCount((active.body as { total: number }).total);
      });
    } finally {
      // Leave the demo as found: this register's shift closed (nothing was sold, the drawer holds the 0 float).
      if (shiftId) expect((await closeShift(page, shiftId)).status).toBe(200);
    }
  });
});

async function closeShift(page: Page, id: string) {
  return browserFetch(page, `/api/v1/shifts/${id}/close`, { method: 'POST', json: { countedCash: 0 } });
}
