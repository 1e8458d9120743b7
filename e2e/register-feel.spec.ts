import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { formatMoney } from '../lib/platform/money';
import { browserFetch, DEMO, gatewayControl, hydrated, openDemoShift, registerScreen, signIn, tenantUrl } from './support';

// How the register feels to use (issue 12, "Register feel"), on the seeded demo café (MMK,
// prices include tax), as the cashier on a register of this run's own name whose shift is
// closed again at the end: a tablet held sideways (1180×820) and a phone (390×844).

const CURRENCY = 'MMK';
const money = (minor: number) => formatMoney(minor, CURRENCY);
const TABLET_LANDSCAPE = { width: 1180, height: 820 };
const PHONE = { width: 390, height: 844 };
const LEMON_TEA = { name: 'Lemon tea', price: 1300 }; // made to order: no stock, nothing to choose
const COLA = 'Coca-Cola 330 ml'; // tracked stock

/** Products with nothing to choose that do not track stock: a long order to refund. */
const UNTRACKED = [
  'Lemon tea',
  'Gyin Thoke (ginger salad)',
  'Khayan Chin Thee Thoke (tomato salad)',
  'Myin Kwa Ywet Thoke (pennywort salad)',
  'Shwe Yin Aye',
  'Faluda',
  'Fresh lime juice',
  'Avocado juice',
];

async function variantOf(page: Page, productName: string): Promise<string> {
  const found = await browserFetch(page, `/api/v1/products?search=${encodeURIComponent(productName)}`);
  expect(found.status).toBe(200);
  const product = (found.body.data as { name: string; variants: { id: string }[] }[]).find((p) => p.name === productName);
  expect(product, productName).toBeTruthy();
  return product!.variants[0]!.id;
}

/** A paid takeaway through the API (cash), as another register would ring it up. */
async function sell(page: Page, productNames: string[]): Promise<{ id: string; number: number }> {
  const lines = [];
  for (const name of productNames) lines.push({ variantId: await variantOf(page, name), quantity: 1 });
  const sale = await browserFetch(page, '/api/v1/orders', { method: 'POST', json: { type: 'takeaway', lines, payments: [{ tender: 'cash', tendered: 100_000 }] } });
  expect(sale.status, JSON.stringify(sale.body)).toBe(201);
  return { id: sale.body.id, number: sale.body.number };
}

async function clearSale(page: Page) {
  const { cart } = registerScreen(page);
  await cart.getByRole('button', { name: 'Clear' }).click();
  await cart.getByRole('button', { name: 'Tap again to clear' }).click();
  await expect(cart.getByTestId('cart-empty')).toBeVisible();
}

test.describe('the register feel', () => {
  let context: BrowserContext;
  let page: Page;
  const registerName = `Feel ${Date.now().toString(36)}`;

  test.beforeAll(async ({ browser }) => {
    await gatewayControl({ reset: true });
    context = await browser.newContext({ viewport: TABLET_LANDSCAPE });
    page = await context.newPage();
    await signIn(page, DEMO.slug, DEMO.cashier.email, DEMO.password);
    await expect(page).not.toHaveURL(/\/signin/);
    await page.goto(tenantUrl(DEMO.slug, '/register'));
    await page.evaluate((name) => window.localStorage.setItem('tillwise.registerName', name), registerName);
    await openDemoShift(page, registerName, CURRENCY);
  });

  test.afterAll(async () => {
    const shift = await browserFetch(page, `/api/v1/shifts?register=${encodeURIComponent(registerName)}`);
    if (shift.status === 200) {
      const report = await browserFetch(page, `/api/v1/shifts/${shift.body.id}/report`);
      await browserFetch(page, `/api/v1/shifts/${shift.body.id}/close`, { method: 'POST', json: { countedCash: report.body.expectedCash } });
    }
    await context.close();
  });

  test.beforeEach(async () => {
    await page.setViewportSize(TABLET_LANDSCAPE);
    await page.goto(tenantUrl(DEMO.slug, '/register'));
    const screen = registerScreen(page);
    await hydrated(screen.search);
    await expect(screen.cart.getByTestId('cart-empty')).toBeVisible();
    await screen.products.getByRole('group', { name: 'Menus' }).getByRole('button', { name: 'All items' }).click();
  });

  test('arrow keys move through the search results (the focus stays in the box), Enter adds the highlighted one, Escape clears', async () => {
    const screen = registerScreen(page);
    await screen.search.fill('cola');
    const options = screen.results.getByRole('option');
    await expect(options).toHaveCount(2);
    await expect(options.nth(0)).toContainText(COLA);
    await expect(options.nth(1)).toContainText('Star Cola 330 ml');
    const selected = screen.results.getByRole('option', { selected: true });
    await expect(selected).toHaveCount(0);

    await screen.search.press('ArrowDown');
    await expect(selected).toContainText(COLA);
    await screen.search.press('ArrowDown');
    await expect(selected).toContainText('Star Cola 330 ml');
    // Down stops at the last; Up goes back; the box points at the highlighted option and keeps the focus.
    await screen.search.press('ArrowDown');
    await expect(selected).toContainText('Star Cola 330 ml');
    await screen.search.press('ArrowUp');
    await expect(selected).toContainText(COLA);
    await screen.search.press('ArrowDown');
    await expect(screen.search).toBeFocused();
    await expect(screen.search).toHaveAttribute('aria-activedescendant', (await selected.getAttribute('id'))!);

    await screen.search.press('Enter');
    await expect(screen.lines).toHaveCount(1);
    await expect(screen.lines.first()).toContainText('1 × Star Cola 330 ml');
    await expect(screen.search).toHaveValue('');
    await expect(screen.results).toHaveCount(0);

    // A new search starts with nothing highlighted: Enter with several matches adds nothing.
    await screen.search.fill('thoke');
    await expect(screen.results.getByRole('option', { selected: true })).toHaveCount(0);
    await screen.search.press('Enter');
    await expect(screen.lines).toHaveCount(1);
    await screen.search.press('ArrowUp'); // from the text, Up takes the last result
    await expect(screen.results.getByRole('option').last()).toHaveAttribute('aria-selected', 'true');
    await screen.search.press('Escape');
    await expect(screen.search).toHaveValue('');
    await expect(screen.results).toHaveCount(0);
    await expect(screen.search).not.toHaveAttribute('aria-activedescendant');

    // The shortcut list says so.
    await page.getByTestId('shortcuts-button').click();
    await expect(page.getByText('Move through the search results')).toBeVisible();
    await page.keyboard.press('Escape');
    await clearSale(page);
  });

  test('a tracked tile shows its stock count in words, kept live as another register sells; an untracked tile shows none', async () => {
    const screen = registerScreen(page);
    const badge = screen.tile(COLA).getByTestId('stock-badge');
    await expect(badge).toHaveText(/^(\d[\d,]*) in stock$|^▲Low · (\d[\d,]*) left$/);
    const count = async () => Number(((await badge.textContent()) ?? '').match(/(\d[\d,]*)/)![1]!.replace(/,/g, ''));
    const before = await count();
    await expect(screen.tile(LEMON_TEA.name).getByTestId('stock-badge')).toHaveCount(0);

    await expect(page.getByText('Stock live')).toBeVisible();
    await sell(page, [COLA]);
    await expect.poll(count, { message: 'the cola tile counts the sale without a reload' }).toBe(before - 1);
  });

  test('a discount over the limit waits for a manager as a state of its own: who to ask, their PIN, or the discount removed', async () => {
    const screen = registerScreen(page);
    await screen.search.fill(LEMON_TEA.name);
    await screen.tile(LEMON_TEA.name).click();
    await expect(screen.total).toHaveText(money(LEMON_TEA.price));

    const halfOff = async () => {
      await screen.cart.getByRole('button', { name: /Order discount/ }).click();
      const dialog = page.getByTestId('discount-dialog');
      await dialog.getByLabel('Percent off').fill('50');
      await dialog.getByRole('button', { name: 'Apply' }).click();
      await expect(dialog).toBeHidden();
    };
    const waiting = screen.cart.getByRole('status').filter({ hasText: 'Waiting for a manager’s approval' });

    await halfOff();
    await expect(waiting).toBeVisible();
    await expect(waiting.getByTestId('approval-asked')).toContainText(`${DEMO.manager.name} (manager)`);
    await expect(waiting.getByTestId('approval-asked')).toContainText(`${DEMO.owner.name} (owner)`);
    await expect(screen.total).toHaveText('Waits for approval');
    await expect(screen.cart.getByTestId('cart-totals')).not.toContainText('—');
    await expect(screen.cart.getByRole('button', { name: /^Pay\b/ })).toBeDisabled();

    // The way on without a manager: the discount comes off and the sale is priced again.
    await waiting.getByRole('button', { name: 'Remove the discounts' }).click();
    await expect(waiting).toHaveCount(0);
    await expect(screen.total).toHaveText(money(LEMON_TEA.price));
    await expect(screen.cart.getByRole('button', { name: '+ Order discount' })).toBeVisible();

    // With a manager: their PIN, then the half price.
    await halfOff();
    await waiting.getByRole('button', { name: 'Manager PIN' }).click();
    const approval = page.getByRole('dialog', { name: 'Manager approval' });
    await approval.getByLabel('Manager or owner').selectOption({ label: `${DEMO.manager.name} (manager)` });
    await approval.getByLabel('Their PIN').fill(DEMO.manager.pin);
    await approval.getByRole('button', { name: 'Approve' }).click();
    await expect(approval).toBeHidden();
    await expect(waiting).toHaveCount(0);
    await expect(screen.total).toHaveText(money(LEMON_TEA.price / 2));
    await clearSale(page);
  });

  test('the payment dialog keeps its height when the tender changes', async () => {
    const screen = registerScreen(page);
    await screen.search.fill(LEMON_TEA.name);
    await screen.tile(LEMON_TEA.name).click();
    await screen.cart.getByRole('button', { name: /^Pay\b/ }).click();
    const payment = page.getByRole('dialog', { name: /^Payment/ });
    await expect(payment.getByTestId('balance-due')).toHaveText(money(LEMON_TEA.price));
    const height = async () => (await payment.boundingBox())!.height;

    const cash = await height();
    await payment.getByRole('tab', { name: /Card/ }).click();
    await expect(payment.getByTestId('charge-card')).toBeVisible();
    const card = await height();
    await payment.getByRole('tab', { name: /Cash/ }).click();
    await expect(payment.getByTestId('take-cash')).toBeVisible();
    const back = await height();
    expect(card, 'switching to card does not shrink the dialog').toBeGreaterThanOrEqual(cash);
    expect(back, 'switching back to cash does not shrink it either').toBe(card);

    await page.keyboard.press('Escape');
    await expect(payment).toBeHidden();
    await clearSale(page);
  });

  test('the refund dialog of a long order keeps its actions in view on a tablet held sideways (1180×820)', async () => {
    const order = await sell(page, UNTRACKED);
    await page.goto(tenantUrl(DEMO.slug, `/register/orders?order=${order.id}`));
    const detail = page.getByRole('article', { name: `Order #${order.number}` });
    await hydrated(detail.getByRole('button', { name: 'Refund…' })).then((b) => b.click());
    const refund = page.getByRole('dialog', { name: `Refund order #${order.number}` });
    await expect(refund.getByTestId('refund-line')).toHaveCount(UNTRACKED.length);
    await refund.getByRole('button', { name: 'Everything left' }).click();

    // The content is taller than the screen (eight lines, the reason, a manager's PIN for a cashier) …
    const lines = refund.getByRole('list', { name: 'Lines to refund' });
    expect(await lines.evaluate((list) => list.closest('.overflow-y-auto')!.scrollHeight > list.closest('.overflow-y-auto')!.clientHeight)).toBe(true);
    // … and the actions stay on the screen anyway, the body scrolling under them.
    const actions = refund.getByTestId('refund-actions');
    for (const button of [actions.getByRole('button', { name: /^Refund / }), actions.getByRole('button', { name: 'Cancel' })]) {
      const box = (await button.boundingBox())!;
      expect(box.y, 'the button starts on the screen').toBeGreaterThanOrEqual(0);
      expect(box.y + box.height, 'the button ends on the screen').toBeLessThanOrEqual(TABLET_LANDSCAPE.height);
    }
    await expect(actions.getByRole('button', { name: /^Refund / })).toHaveText(/^Refund \S/);
    await refund.getByLabel('Reason').scrollIntoViewIfNeeded();
    const afterScroll = (await actions.boundingBox())!;
    expect(afterScroll.y + afterScroll.height).toBeLessThanOrEqual(TABLET_LANDSCAPE.height);

    await actions.getByRole('button', { name: 'Cancel' }).click();
    await expect(refund).toBeHidden();
  });

  test('on a phone the category chips scroll sideways with a visible hint and a button for more', async () => {
    await page.setViewportSize(PHONE);
    const screen = registerScreen(page);
    const row = screen.products.getByTestId('chip-row');
    const chips = row.getByRole('group', { name: 'Categories' });
    await expect(chips.getByRole('button', { name: 'Cold Drinks' })).toBeAttached();
    await expect(row).toHaveAttribute('data-scroll-after', 'true');
    await expect(row).not.toHaveAttribute('data-scroll-before');
    await expect(row.getByTestId('scroll-back')).toHaveCount(0);

    await row.getByTestId('scroll-more').click();
    await expect.poll(() => chips.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
    await expect(row).toHaveAttribute('data-scroll-before', 'true');
    await expect(row.getByTestId('scroll-back')).toBeVisible();
    // On to the end (the row scrolls smoothly: tap again once it has moved): there the "more" hint goes away.
    await expect(async () => {
      const more = row.getByTestId('scroll-more');
      if (await more.isVisible()) await more.click({ timeout: 1_000 });
      await expect(row).not.toHaveAttribute('data-scroll-after', { timeout: 1_000 });
    }).toPass({ timeout: 20_000 });
    await expect(row.getByTestId('scroll-more')).toHaveCount(0);

    // The last chip, now in view, still filters.
    await chips.getByRole('button', { name: 'Cold Drinks' }).click();
    await expect(chips.getByRole('button', { name: 'Cold Drinks' })).toHaveAttribute('aria-pressed', 'true');
    await expect(screen.tile(COLA)).toBeVisible();
    await expect(screen.tile(LEMON_TEA.name)).toHaveCount(0);
  });
});
