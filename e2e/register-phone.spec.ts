import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { cafe } from '../scripts/seed/seed-data';
import { formatMoney } from '../lib/platform/money';
import { browserFetch, DEMO, hydrated, registerScreen, scan, signIn, tenantUrl } from './support';

// The register on the devices a café has: a tablet (820×1180) and a phone held in one hand
// (390×844). On the seeded demo tenant (MMK, prices include tax), with registers of this run's
// own names (never "Register 1"), whose shifts are closed again at the end. Items are drinks of
// the "All day" menu, so they are on sale whatever the time; a few leave stock, as sales do.

const CURRENCY = 'MMK';
const money = (minor: number) => formatMoney(minor, CURRENCY);
const squash = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();

const TABLET = { width: 820, height: 1180 };
const PHONE = { width: 390, height: 844 };

const COLA = 'Coca-Cola 330 ml';
const WATER = 'Drinking water 1 L';
const STAR = 'Star Cola 330 ml';

function seeded(productName: string) {
  const variant: { sku: string; price: number; barcodes?: string[] } | undefined = cafe.products.find((p) => p.name === productName)?.variants[0];
  if (!variant) throw new Error(`No seeded ${productName}`);
  return { price: variant.price, sku: variant.sku, barcode: variant.barcodes?.[0] ?? '' };
}
const cola = seeded(COLA);
const water = seeded(WATER);
const star = seeded(STAR);

/**
 * How far the page itself scrolls sideways, and the outermost elements that stick out of the
 * viewport without a scrolling or clipping container of their own to hold them (named so a
 * failure says what to fix).
 */
async function sideways(page: Page): Promise<{ scrollWidth: number; innerWidth: number; culprits: string[] }> {
  return page.evaluate(() => {
    const width = window.innerWidth;
    // Whether a scrolling or clipping box holds `el` inside the viewport. An absolutely placed
    // element is clipped only by boxes at or above its containing block (a fixed one by none).
    const clipped = (el: Element) => {
      let position = getComputedStyle(el).position;
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
        const style = getComputedStyle(a);
        if (position === 'fixed') return false;
        if (position === 'absolute' && style.position === 'static') continue;
        if (style.overflowX !== 'visible' && a.getBoundingClientRect().right <= width + 0.5) return true;
        position = style.position;
      }
      return false;
    };
    const out = (el: Element) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.right > width + 0.5 && !clipped(el);
    };
    const culprits = [...document.body.querySelectorAll('*')]
      .filter((el) => out(el) && !(el.parentElement && el.parentElement !== document.body && out(el.parentElement)))
      .slice(0, 12)
      .map((el) => {
        const r = el.getBoundingClientRect();
        return `<${el.tagName.toLowerCase()} class="${(el.getAttribute('class') ?? '').slice(0, 90)}"> right=${Math.round(r.right)} width=${Math.round(r.width)} “${(el.textContent ?? '').trim().slice(0, 40)}”`;
      });
    return { scrollWidth: document.documentElement.scrollWidth, innerWidth: width, culprits };
  });
}

async function expectNoSidewaysScroll(page: Page, what: string) {
  const found = await sideways(page);
  expect(found.scrollWidth, `${what} scrolls sideways at ${found.innerWidth} px; sticking out: ${found.culprits.join(' | ') || 'none found'}`).toBeLessThanOrEqual(found.innerWidth);
}

/** Opens a shift with no float on `registerName` from /register/shift; lands on the register. */
async function openOwnShift(page: Page, registerName: string) {
  await page.goto(tenantUrl(DEMO.slug, '/register/shift'));
  const open = page.getByRole('region', { name: 'Open a shift' });
  await hydrated(open.getByRole('button', { name: 'Open shift' }));
  await open.getByLabel('Register name').fill(registerName);
  await open.getByLabel(`Starting cash (${CURRENCY})`).fill('0');
  await open.getByRole('button', { name: 'Open shift' }).click();
  await expect(page).toHaveURL(tenantUrl(DEMO.slug, '/register'));
  await expect(page.getByTestId('register-name')).toContainText(registerName);
  await allItems(page);
}

/** The register opens on the menu offered now (it depends on the hour, and a reload opens it again): the tests want every item. */
async function allItems(page: Page) {
  await hydrated(page.getByRole('group', { name: 'Menus' }).getByRole('button', { name: 'All items' })).then((b) => b.click());
}

async function shiftOf(page: Page, registerName: string): Promise<string | null> {
  const res = await browserFetch(page, `/api/v1/shifts?register=${encodeURIComponent(registerName)}`);
  return res.status === 200 ? (res.body.id as string) : null;
}

/** Closes the register's shift (if open) with exactly the expected cash counted. */
async function closeShift(page: Page, registerName: string) {
  const id = await shiftOf(page, registerName);
  if (!id) return;
  const report = await browserFetch(page, `/api/v1/shifts/${id}/report`);
  expect(report.status).toBe(200);
  const closed = await browserFetch(page, `/api/v1/shifts/${id}/close`, { method: 'POST', json: { countedCash: report.body.expectedCash } });
  expect(closed.status, JSON.stringify(closed.body)).toBe(200);
}

async function signedInContext(browser: Browser, who: { email: string }, viewport = TABLET): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  await signIn(page, DEMO.slug, who.email, DEMO.password);
  await expect(page).not.toHaveURL(/\/signin/);
  return { context, page };
}

/** Finds `name` with the search box and taps its tile (a drink with nothing to choose: added at once). */
async function tapItem(page: Page, name: string) {
  const screen = registerScreen(page);
  await screen.search.fill(name);
  await screen.tile(name).click({ timeout: 10_000 });
}

/** Pays the open payment dialog in exact cash; answers the receipt dialog. */
async function payExactCash(page: Page, amount: number) {
  const payment = page.getByRole('dialog', { name: /^Payment/ });
  await expect(payment).toBeVisible();
  await expect(payment.getByTestId('balance-due')).toHaveText(money(amount));
  await payment.getByRole('button', { name: `Exact ${money(amount)}` }).click();
  await payment.getByRole('button', { name: /^Take cash/ }).click();
  const receipt = page.getByRole('dialog', { name: /^Order #\d+ paid$/ });
  await expect(receipt).toBeVisible();
  await expect(receipt.getByTestId('paid-banner')).toContainText(`Paid ${money(amount)}`);
  await expect(receipt.getByTitle(/^Receipt for order \d+$/)).toBeVisible();
  return receipt;
}

test.describe('the register on a tablet and on a phone', () => {
  let context: BrowserContext;
  let page: Page;
  let registerName: string;

  test.beforeAll(async ({ browser }) => {
    ({ context, page } = await signedInContext(browser, DEMO.cashier));
    registerName = `Phone till ${Date.now().toString(36)}`;
    await openOwnShift(page, registerName);
  });

  test.afterAll(async () => {
    await closeShift(page, registerName);
    await context.close();
  });

  test.beforeEach(async () => {
    await page.setViewportSize(TABLET);
    await page.goto(tenantUrl(DEMO.slug, '/register'));
    const screen = registerScreen(page);
    await hydrated(screen.search);
    await expect(screen.cart.getByTestId('cart-empty')).toBeVisible();
  });

  test('at tablet size a sale is rung up, paid in cash and its receipt shown; the finished sale is not brought back by a reload', async () => {
    const screen = registerScreen(page);
    // Products and cart side by side, neither under the other.
    const [search, cart] = await Promise.all([screen.search.boundingBox(), screen.cart.boundingBox()]);
    expect((search?.x ?? 0) + (search?.width ?? 0), 'the search box ends before the cart').toBeLessThanOrEqual(cart?.x ?? 0);
    expect((cart?.x ?? 0) + (cart?.width ?? 0)).toBeLessThanOrEqual(TABLET.width);
    await tapItem(page, COLA);
    await tapItem(page, WATER);
    await expect(screen.lines).toHaveCount(2);
    await expect(screen.total).toHaveText(money(cola.price + water.price));
    await screen.cart.getByRole('button', { name: /^Pay\b/ }).click();
    const receipt = await payExactCash(page, cola.price + water.price);
    await receipt.getByRole('button', { name: 'New sale' }).click();
    await expect(screen.cart.getByTestId('cart-empty')).toBeVisible();

    await page.reload();
    await hydrated(screen.search);
    await expect(screen.cart.getByTestId('cart-empty')).toBeVisible();
  });

  test('on a phone the products fill the screen, the cart opens as a sheet from its bar and closes back, and a cash sale goes through', async () => {
    test.setTimeout(120_000);
    await page.setViewportSize(PHONE);
    const screen = registerScreen(page);
    await expectNoSidewaysScroll(page, '/register');

    const box = await screen.search.boundingBox();
    expect(box?.width ?? 0, 'the search box spans the phone').toBeGreaterThan(PHONE.width * 0.75);
    expect(box?.height ?? 0, 'the search box is a finger tall').toBeGreaterThanOrEqual(40);
    // The register clips its own overflow, so the page cannot scroll: what sticks out is cut off instead.
    expect((box?.x ?? 0) + (box?.width ?? 0), 'the search box ends inside the screen').toBeLessThanOrEqual(PHONE.width);
    await allItems(page);
    const grid = await screen.products.getByTestId('product-grid').boundingBox();
    expect((grid?.x ?? 0) + (grid?.width ?? 0), 'the tiles end inside the screen').toBeLessThanOrEqual(PHONE.width);
    // Taps land on the tiles, not on a cart drawn over them.
    await tapItem(page, COLA);
    await tapItem(page, WATER);
    const bar = page.getByRole('button', { name: /^Cart · / });
    await expect.poll(async () => squash(await bar.textContent())).toBe(squash(`Cart · 2 items · ${money(cola.price + water.price)}`));
    await expect(screen.cart).toBeHidden();

    // The sheet takes the focus, Escape closes it and the focus is back on the bar.
    await bar.click();
    const sheet = page.getByRole('dialog', { name: 'Current sale' });
    await expect(sheet).toBeVisible();
    await expect.poll(() => sheet.evaluate((el) => el.contains(document.activeElement))).toBe(true);
    await expect(screen.lines).toHaveCount(2);
    await expect(screen.total).toHaveText(money(cola.price + water.price));
    await expectNoSidewaysScroll(page, 'the cart sheet');
    await page.keyboard.press('Escape');
    await expect(sheet).toBeHidden();
    await expect(bar).toBeFocused();

    // "Back to products" closes it too; then pay from the sheet.
    await bar.click();
    await sheet.getByRole('button', { name: 'Back to products' }).click();
    await expect(sheet).toBeHidden();
    await expect(bar).toBeFocused();
    await bar.click();
    await sheet.getByRole('button', { name: /^Pay\b/ }).click();
    const receipt = await payExactCash(page, cola.price + water.price);
    await receipt.getByRole('button', { name: 'New sale' }).click();
    await expect(receipt).toBeHidden();
    await expect(sheet).toBeHidden();
    expect(squash(await bar.textContent())).toBe('Cart · empty');
    await expect(screen.search).toBeFocused();
  });

  test('a reload keeps the sale in progress: the same lines and total come back; a cleared sale stays cleared', async () => {
    const screen = registerScreen(page);
    await tapItem(page, COLA);
    await screen.tile(COLA).click();
    await tapItem(page, WATER);
    await expect(screen.lines).toHaveCount(2);
    await expect(screen.total).toHaveText(money(2 * cola.price + water.price));
    const before = await screen.lines.allTextContents();

    await page.reload();
    await hydrated(screen.search);
    await expect(screen.lines).toHaveCount(2);
    await expect(screen.total).toHaveText(money(2 * cola.price + water.price));
    await expect(screen.lines.first()).toContainText(`2 × ${COLA}`);
    await expect(screen.lines.nth(1)).toContainText(`1 × ${WATER}`);
    expect(await screen.lines.allTextContents()).toEqual(before);
    await expect(screen.cart.getByRole('heading', { level: 2 })).toHaveText(/^Current sale\s*· 3 items$/);

    await screen.cart.getByRole('button', { name: 'Clear' }).click();
    await screen.cart.getByRole('button', { name: 'Tap again to clear' }).click();
    await expect(screen.cart.getByTestId('cart-empty')).toBeVisible();
    await page.reload();
    await hydrated(screen.search);
    await expect(screen.cart.getByTestId('cart-empty')).toBeVisible();
  });

  test('a barcode scanner types anywhere on the sale screen and the item is added; "/" never types a slash into the search box', async () => {
    const screen = registerScreen(page);
    const blur = () => page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());

    // Focus on the page itself: the scan lands in the sale.
    await blur();
    await scan(page, cola.barcode);
    await expect(screen.lines).toHaveCount(1);
    await expect(screen.lines.first()).toContainText(`1 × ${COLA}`);

    // Focus on a tile just tapped: the scan's Enter does not tap it again.
    await tapItem(page, WATER);
    await expect(screen.lines).toHaveCount(2);
    await scan(page, water.barcode);
    await expect(screen.lines.nth(1)).toContainText(`2 × ${WATER}`);
    await expect(screen.lines).toHaveCount(2);

    // A SKU, capitals and hyphen, with the focus on a line of the cart (the cola, now selected).
    // (That the "-" inside a scan is not the "one fewer" shortcut is tests/register/scan-input.test.ts's.)
    await screen.lines.first().getByRole('button', { name: new RegExp(`^1 × ${COLA}`) }).click();
    await scan(page, star.sku);
    await expect(screen.lines).toHaveCount(3);
    await expect(screen.lines.nth(2)).toContainText(`1 × ${STAR}`);
    await expect(screen.lines.nth(1)).toContainText(`2 × ${WATER}`);
    await expect(screen.total).toHaveText(money(cola.price + 2 * water.price + star.price));

    // "/" from the page focuses the search; in the focused search box it types nothing.
    await screen.search.fill('');
    await blur();
    await page.keyboard.press('/');
    await expect(screen.search).toBeFocused();
    await expect(screen.search).toHaveValue('');
    await page.keyboard.press('/');
    await expect(screen.search).toHaveValue('');
    await expect(screen.search).toBeFocused();

    await screen.cart.getByRole('button', { name: 'Clear' }).click();
    await screen.cart.getByRole('button', { name: 'Tap again to clear' }).click();
    await expect(screen.cart.getByTestId('cart-empty')).toBeVisible();
  });

  test('an order left unpaid by a declined card is paid in cash on another device from its orders list', async ({ browser }) => {
    test.setTimeout(120_000);
    // This device checks out by the API and the card is declined: the order waits for payment.
    const found = await browserFetch(page, `/api/v1/products?search=${encodeURIComponent(COLA)}`);
    expect(found.status).toBe(200);
    const variantId: string = found.body.data[0].variants[0].id;
    const shiftId = await shiftOf(page, registerName);
    const placed = await browserFetch(page, '/api/v1/orders', {
      method: 'POST',
      json: { type: 'takeaway', shiftId, lines: [{ variantId, quantity: 1 }], payments: [{ tender: 'card', source: 'tok_declined' }] },
    });
    expect(placed.status, JSON.stringify(placed.body)).toBe(201);
    expect(placed.body).toMatchObject({ status: 'placed', balanceDue: cola.price, paymentError: { code: 'payment_declined' } });
    const number: number = placed.body.number;

    // Another device, with a register and shift of its own.
    const other = await signedInContext(browser, DEMO.cashier);
    const otherRegister = `${registerName} B`;
    try {
      await openOwnShift(other.page, otherRegister);
      await other.page.goto(tenantUrl(DEMO.slug, '/register/orders?status=unpaid'));
      await other.page.getByRole('list', { name: 'Orders' }).getByRole('link', { name: new RegExp(`^#${number}(?!\\d)`) }).click();
      const detail = other.page.getByRole('article', { name: `Order #${number}` });
      await expect(detail).toBeVisible();
      const take = detail.getByRole('button', { name: /^Take payment/ });
      await hydrated(take);
      await take.click();

      const payment = other.page.getByRole('dialog', { name: `Payment · order #${number}` });
      await expect(payment).toBeVisible();
      const receipt = await payExactCash(other.page, cola.price);
      await receipt.getByRole('button', { name: 'Done' }).click();
      await expect(receipt).toBeHidden();
      await expect(detail.locator('header')).toContainText('Paid');
      await expect(detail.locator('header')).not.toContainText('Waiting for payment');
      await expect(detail.getByRole('button', { name: /^Take payment/ })).toHaveCount(0);

      const order = await browserFetch(other.page, `/api/v1/orders/${placed.body.id}`);
      expect(order.body.status).toBe('completed');
      expect(order.body.payments.map((p: { tender: string; status: string; amount: number }) => [p.tender, p.status, p.amount]).sort()).toEqual([
        ['card', 'failed', cola.price],
        ['cash', 'captured', cola.price],
      ]);
    } finally {
      await closeShift(other.page, otherRegister);
      await other.context.close();
    }
  });

  test('on a phone the admin pages and the register orders do not scroll sideways', async ({ browser }) => {
    const manager = await signedInContext(browser, DEMO.manager, PHONE);
    try {
      for (const path of ['/admin/orders', '/admin/stock', '/admin', '/admin/reports', '/register/orders']) {
        await manager.page.goto(tenantUrl(DEMO.slug, path));
        await expect(manager.page.getByRole('heading', { level: 1 }).first()).toBeVisible();
        // Each page is checked; a failure names the page and what sticks out.
        const found = await sideways(manager.page);
        expect.soft(found.scrollWidth, `${path} scrolls sideways at ${found.innerWidth} px; sticking out: ${found.culprits.join(' | ') || 'none found'}`).toBeLessThanOrEqual(found.innerWidth);
      }
      // On a phone the orders table folds its columns into each row: nothing to swipe, no total cut off.
      await manager.page.goto(tenantUrl(DEMO.slug, '/admin/orders'));
      const table = manager.page.getByRole('table', { name: /orders?, newest first$/ });
      await expect(table.getByTestId('order-row').first()).toBeAttached();
      const fit = await table.evaluate((t) => t.parentElement!.scrollWidth - t.parentElement!.clientWidth);
      expect(fit, 'how far the orders table scrolls sideways on a phone').toBeLessThanOrEqual(0);
    } finally {
      await manager.context.close();
    }
  });
});
