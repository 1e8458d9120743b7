import { expect, test, type Locator, type Page } from '@playwright/test';
import { cafe, ean13 } from '../scripts/seed/seed-data';
import { formatMoney } from '../lib/platform/money';
import { browserFetch, choose, DEMO, escapeRegExp, expectSignInPage, gatewayControl, hydrated, signIn, submitSignIn, tenantUrl } from './support';

// One worker runs the tests in file order (playwright.config.ts). The flow is a single test
// whose steps depend on each other, on the seeded demo tenant (MMK, prices include tax). It
// uses a register name unique to this run, so its shifts are its own and it can run again on
// the same database. The card gateway simulator's faults are always reset afterwards.

const CURRENCY = 'MMK';
const money = (minor: number) => formatMoney(minor, CURRENCY);
/** Text as a person reads it: every run of white space (the no-break space Intl puts after "MMK" too) as one space. */
const squash = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();

const FLOAT = 50_000;
const CASH_PART = 2_000;
const CASH_HANDED = 5_000;

/** Seed prices (scripts/seed/seed-data.ts), so the expected total follows the catalogue. */
function seedPrice(productName: string, variantName?: string): number {
  const product = cafe.products.find((p) => p.name === productName);
  const variants: { name?: string; price: number }[] = product?.variants ?? [];
  const variant = variantName ? variants.find((v) => v.name === variantName) : variants[0];
  if (!variant) throw new Error(`No seeded ${productName} ${variantName ?? ''}`);
  return variant.price;
}
function seedOptionDelta(groupName: string, optionName: string): number {
  const option = cafe.modifierGroups.find((g) => g.name === groupName)?.options.find((o) => o.name === optionName);
  if (!option) throw new Error(`No seeded option ${groupName} / ${optionName}`);
  return option.priceDelta;
}
function seedSku(productName: string): string {
  const sku = cafe.products.find((p) => p.name === productName)?.variants[0]?.sku;
  if (!sku) throw new Error(`No seeded ${productName}`);
  return sku;
}

const TEA = 'Laphet Yay (milk tea)';
const WATER = 'Drinking water 1 L';
const SAMUSA = 'Samusa';
const COLA = 'Coca-Cola 330 ml';
const WATER_EAN = ean13('883600100011');

type ApiOrder = {
  id: string;
  number: number;
  status: string;
  total: number;
  paidTotal: number;
  refundedTotal: number;
  balanceDue: number;
  changeGiven: number;
  lines: { productName: string; variantName: string; quantity: number; refundedQuantity: number }[];
  payments: { tender: 'cash' | 'card'; amount: number; status: string; cashTendered: number | null; refundedAmount: number }[];
};

/** On hand at the demo's one location for a SKU, from the stock API (as the signed-in user). */
async function stockOf(page: Page, sku: string): Promise<number> {
  const res = await browserFetch(page, '/api/v1/inventory/levels?lowStock=false&limit=500');
  expect(res.status).toBe(200);
  const levels = (res.body as { data: { quantity: number; item: { sku: string } | null }[] }).data.filter((l) => l.item?.sku === sku);
  expect(levels, `one stock level for ${sku}`).toHaveLength(1);
  return levels[0]!.quantity;
}

async function getOrder(page: Page, id: string): Promise<ApiOrder> {
  const res = await browserFetch(page, `/api/v1/orders/${id}`);
  expect(res.status).toBe(200);
  return res.body as ApiOrder;
}

/** One section (by its h3 title) of the X or Z report on the shift screen. */
function reportSection(report: Locator, title: string): Locator {
  return report
    .locator('div')
    .filter({ has: report.page().getByRole('heading', { level: 3, name: title, exact: true }) })
    .last();
}

/** The value beside a label in a report section (a dt/dd pair). */
function reportValue(section: Locator, label: string): Locator {
  return section
    .locator('dl > div')
    .filter({ has: section.page().getByRole('term').filter({ hasText: new RegExp(`^${escapeRegExp(label)}$`) }) })
    .getByRole('definition');
}

async function signOut(page: Page): Promise<void> {
  await hydrated(page.getByRole('button', { name: 'Sign out' })).then((b) => b.click());
  await expectSignInPage(page, DEMO.slug, DEMO.name);
}

/** Opens a shift for this device's register on /register/shift; the screen then goes to the register. */
async function openShift(page: Page, registerName: string, float: number): Promise<void> {
  const open = page.getByRole('region', { name: 'Open a shift' });
  await expect(open.getByText(`${registerName} has no open shift.`)).toBeVisible();
  await expect(open.getByLabel('Register name')).toHaveValue(registerName);
  await hydrated(open.getByRole('button', { name: 'Open shift' }));
  await open.getByLabel(`Starting cash (${CURRENCY})`).fill(String(float));
  await open.getByRole('button', { name: 'Open shift' }).click();
  await expect(page).toHaveURL(tenantUrl(DEMO.slug, '/register'));
  await expect(page.getByTestId('register-name')).toContainText(registerName);
  await expect(page.getByTestId('shift-info')).toContainText(`float ${money(float)}`);
}

test('a cashier sells, splits cash and card, a manager refunds with restock, the shift closes balanced, and cash still works when cards are down', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const run = Date.now().toString(36);
  const registerName = `E2E Till ${run}`;

  const products = page.getByRole('region', { name: 'Products' });
  const cart = page.getByRole('region', { name: 'Current sale' });
  const search = products.getByRole('searchbox', { name: 'Search products or scan a barcode' });
  const lines = cart.getByRole('list', { name: 'Items in the sale' }).getByRole('listitem');
  const cartTotal = cart.getByTestId('cart-total').getByRole('definition');
  const payButton = cart.getByRole('button', { name: /^Pay\b/ });
  const payment = page.getByRole('dialog', { name: /^Payment/ });
  const banner = page.getByRole('alert').filter({ hasText: 'Card payments unavailable — take cash' });

  const teaUnit = seedPrice(TEA, 'Regular') + seedOptionDelta('Sweetness', 'Less sweet') + seedOptionDelta('Milk', 'Fresh milk');
  const expectedTotal = teaUnit + seedPrice(WATER) + seedPrice(SAMUSA);
  const cardPart = expectedTotal - CASH_PART;
  expect(cardPart, 'the cash part is less than the total').toBeGreaterThan(0);

  let samusaBefore = 0;
  let samusaAfterSale = 0;
  let order!: ApiOrder;

  try {
    await test.step('the cashier signs in and opens a shift with a starting float', async () => {
      await gatewayControl({ reset: true });
      await signIn(page, DEMO.slug, DEMO.cashier.email, DEMO.password);
      await expect(page).toHaveURL(tenantUrl(DEMO.slug, '/register'));
      await expect(page.getByTestId('current-staff')).toContainText(DEMO.cashier.name);
      // This device becomes a register of its own (the name lives in localStorage).
      await page.evaluate((name) => window.localStorage.setItem('tillwise.registerName', name), registerName);

      await page.getByRole('link', { name: 'Shift', exact: true }).click();
      await expect(page).toHaveURL(tenantUrl(DEMO.slug, '/register/shift'));
      await openShift(page, registerName, FLOAT);
    });

    await test.step('the cashier rings up a milk tea with choices, water by barcode and a samusa', async () => {
      samusaBefore = await stockOf(page, seedSku(SAMUSA));
      expect(samusaBefore).toBeGreaterThan(0);
      await hydrated(search);
      await expect(cart.getByTestId('cart-empty')).toBeVisible();
      // Every product, whichever menu the clock has up (store-pages.spec.ts checks the menus).
      await products.getByRole('group', { name: 'Menus' }).getByRole('button', { name: 'All items' }).click();

      // The milk tea has sizes and options: the picker opens.
      await products.getByRole('button', { name: new RegExp(`^${escapeRegExp(TEA)}`) }).click();
      const picker = page.getByRole('dialog', { name: TEA });
      await expect(picker).toBeVisible();
      await choose(picker.getByRole('radio', { name: /^Regular/ }));
      // Sweetness is required: adding without it is refused and says why.
      await picker.getByRole('button', { name: /^Add 1/ }).click();
      await expect(picker.getByRole('alert')).toHaveText('Choose sweetness.');
      await choose(picker.getByRole('group', { name: /^Sweetness/ }).getByRole('radio', { name: 'Less sweet' }));
      await choose(picker.getByRole('group', { name: /^Milk/ }).getByRole('radio', { name: /^Fresh milk/ }));
      await expect(picker.getByRole('button', { name: /^Add 1/ })).toHaveText(`Add 1 · ${money(teaUnit)}`);
      await picker.getByRole('button', { name: /^Add 1/ }).click();
      await expect(picker).toBeHidden();
      await expect(lines).toHaveCount(1);
      await expect(lines.first()).toContainText(`1 × ${TEA} (Regular)`);
      await expect(lines.first()).toContainText('Less sweet · Fresh milk');

      // A scanner types the code and Enter into the search box.
      await search.fill(WATER_EAN);
      await search.press('Enter');
      await expect(products.getByTestId('scan-message')).toHaveText(`✓ Added ${WATER}`);
      await expect(search).toHaveValue('');
      await expect(lines).toHaveCount(2);
      await expect(lines.nth(1)).toContainText(`1 × ${WATER}`);

      // A plain tile adds at once.
      await products.getByRole('button', { name: new RegExp(`^${SAMUSA}(?! Thoke)`) }).click();
      await expect(lines).toHaveCount(3);
      await expect(lines.nth(2)).toContainText(`1 × ${SAMUSA}`);

      await expect(cart.getByRole('heading', { level: 2 })).toHaveText(/^Current sale\s*· 3 items$/);
      await expect(cartTotal).toHaveText(money(expectedTotal));
      await expect(payButton).toBeEnabled();
    });

    await test.step('the cashier takes part in cash (with change) and the rest by card; the receipt shows both', async () => {
      await payButton.click();
      await expect(payment).toBeVisible();
      await expect(payment.getByTestId('balance-due')).toHaveText(money(expectedTotal));

      // Part in cash: the customer hands over a bigger note for the cash part.
      await payment.getByLabel('Amount to pay now').fill(String(CASH_PART));
      await payment.getByLabel('Cash received').fill(String(CASH_HANDED));
      await expect(payment.getByText('Change due')).toBeVisible();
      await expect(payment.getByTestId('change-due')).toHaveText(money(CASH_HANDED - CASH_PART));
      await payment.getByRole('button', { name: /^Take cash/ }).click();
      await expect(payment.getByRole('status')).toHaveText(
        `Cash ${money(CASH_PART)} taken — change ${money(CASH_HANDED - CASH_PART)}. ${money(cardPart)} left to pay.`,
      );
      await expect(payment).toHaveAccessibleName(/^Payment · order #\d+$/);
      await expect(payment.getByTestId('balance-due')).toHaveText(money(cardPart));
      await expect(payment.getByLabel('Amount to pay now')).toHaveValue(String(cardPart));

      // The rest by card.
      await payment.getByRole('tab', { name: 'Card' }).click();
      await choose(payment.getByRole('radio', { name: /^Approved card/ }));
      await payment.getByRole('button', { name: /^Charge card/ }).click();

      const receipt = page.getByRole('dialog', { name: /^Order #\d+ paid$/ });
      await expect(receipt).toBeVisible();
      await expect(payment).toBeHidden();
      const number = Number(/#(\d+)/.exec((await receipt.getByRole('heading', { level: 2 }).first().textContent()) ?? '')?.[1]);
      expect(number).toBeGreaterThan(0);
      await expect(receipt.getByTestId('paid-banner')).toContainText(`Paid ${money(expectedTotal)}`);
      await expect(receipt.getByTestId('paid-banner')).toContainText(`Change ${money(CASH_HANDED - CASH_PART)}`);

      // The printable receipt (the server's page in a frame).
      const frame = receipt.getByTitle(`Receipt for order ${number}`);
      const src = await frame.getAttribute('src');
      const orderId = /^\/api\/v1\/orders\/([0-9a-f-]{36})\/receipt$/.exec(src ?? '')?.[1];
      expect(orderId, 'the receipt frame names the order').toBeTruthy();
      const doc = frame.contentFrame();
      await expect(doc.getByRole('heading', { level: 1 })).toHaveText(DEMO.name);
      const row = (label: RegExp) => doc.locator('.row').filter({ hasText: label });
      await expect(row(/^Order #/).locator('span').first()).toHaveText(`Order #${number}`);
      await expect(row(/^Total/).locator('span').last()).toHaveText(money(expectedTotal));
      await expect(row(/^Cash \(/).locator('span').first()).toHaveText(`Cash (${money(CASH_HANDED)})`);
      await expect(row(/^Cash \(/).locator('span').last()).toHaveText(money(CASH_PART));
      await expect(row(/^Card/).locator('span').last()).toHaveText(money(cardPart));
      await expect(row(/^Change/).locator('span').last()).toHaveText(money(CASH_HANDED - CASH_PART));
      await expect(doc.locator('body')).toContainText(`1 × ${SAMUSA}`);
      await expect(doc.locator('body')).toContainText('+ Fresh milk');

      // The order as the API has it agrees with the screen and the receipt.
      order = await getOrder(page, orderId!);
      expect(order.number).toBe(number);
      expect(order.status).toBe('completed');
      expect(order.total).toBe(expectedTotal);
      expect(order.paidTotal).toBe(expectedTotal);
      expect(order.balanceDue).toBe(0);
      expect(order.changeGiven).toBe(CASH_HANDED - CASH_PART);
      expect(order.payments.filter((p) => p.status === 'captured').map((p) => [p.tender, p.amount, p.cashTendered])).toEqual([
        ['cash', CASH_PART, CASH_HANDED],
        ['card', cardPart, null],
      ]);
      expect(squash(await doc.locator('body').textContent())).toContain(squash(`Total${money(order.total)}`));

      // The samusa left stock.
      samusaAfterSale = await stockOf(page, seedSku(SAMUSA));
      expect(samusaAfterSale).toBe(samusaBefore - 1);

      await receipt.getByRole('button', { name: 'New sale' }).click();
      await expect(receipt).toBeHidden();
      await expect(cart.getByTestId('cart-empty')).toBeVisible();
    });

    await test.step('a manager refunds the samusa with restock on the register orders screen', async () => {
      await signOut(page);
      await submitSignIn(page, DEMO.manager.email, DEMO.password);
      await expect(page).toHaveURL(tenantUrl(DEMO.slug, '/admin'));

      await page.goto(tenantUrl(DEMO.slug, '/register/orders'));
      await expect(page.getByRole('heading', { level: 1, name: "Today's orders" })).toBeVisible();
      const find = page.getByRole('search', { name: 'Find an order' });
      await find.getByLabel('Order number').fill(String(order.number));
      await find.getByRole('button', { name: 'Find' }).click();
      await expect(page).toHaveURL(new RegExp(`[?&]q=${order.number}(&|$)`));
      await page.getByRole('list', { name: 'Orders' }).getByRole('link', { name: new RegExp(`^#${order.number}(?!\\d)`) }).click();

      const detail = page.getByRole('article', { name: `Order #${order.number}` });
      await expect(detail).toBeVisible();
      await expect(detail.getByRole('heading', { level: 2 })).toHaveText(`Order #${order.number}`);
      await hydrated(detail.getByRole('button', { name: 'Refund…' })).then((b) => b.click());

      const refund = page.getByRole('dialog', { name: `Refund order #${order.number}` });
      await expect(refund).toBeVisible();
      await refund.getByRole('button', { name: `One more ${SAMUSA}`, exact: true }).click();
      await expect(refund.getByLabel(SAMUSA, { exact: true })).toHaveValue('1');
      await expect(refund.getByTestId('refund-total')).toContainText(money(seedPrice(SAMUSA)));
      await refund.getByLabel('Reason').fill('E2E: samusa was cold');
      await expect(refund.getByLabel('Put the items back in stock')).toBeChecked();
      // A manager refunds alone: no PIN asked.
      await expect(refund.getByText('Manager approval')).toHaveCount(0);
      await refund.getByRole('button', { name: `Refund ${money(seedPrice(SAMUSA))}` }).click();

      await expect(refund).toBeHidden();
      await expect(detail.getByRole('status')).toHaveText(`Refunded ${money(seedPrice(SAMUSA))}. The items are back in stock.`);
      await expect(detail.getByText('Refunded 1 of 1')).toBeVisible();
      await expect(detail.getByRole('table', { name: `Refunds of order #${order.number}` })).toContainText(`−${money(seedPrice(SAMUSA))}`);

      expect(await stockOf(page, seedSku(SAMUSA))).toBe(samusaAfterSale + 1);
      order = await getOrder(page, order.id);
      expect(order.status).toBe('partially_refunded');
      expect(order.refundedTotal).toBe(seedPrice(SAMUSA));
      expect(order.lines.find((l) => l.productName === SAMUSA)?.refundedQuantity).toBe(1);
    });

    await test.step('the shift closes with the expected cash counted: the Z report balances', async () => {
      const cashTaken = order.payments.filter((p) => p.tender === 'cash' && p.status === 'captured').reduce((s, p) => s + p.amount, 0);
      const cashRefunded = order.payments.filter((p) => p.tender === 'cash').reduce((s, p) => s + p.refundedAmount, 0);
      const cardRefunded = order.payments.filter((p) => p.tender === 'card').reduce((s, p) => s + p.refundedAmount, 0);
      expect(cashRefunded + cardRefunded).toBe(seedPrice(SAMUSA));
      const expectedCash = FLOAT + cashTaken - cashRefunded;

      await page.getByRole('link', { name: 'Shift', exact: true }).click();
      await expect(page).toHaveURL(tenantUrl(DEMO.slug, '/register/shift'));
      await expect(page.getByRole('heading', { level: 1, name: registerName })).toBeVisible();

      const x = page.getByTestId('x-report');
      await expect(x.getByRole('heading', { level: 2 })).toHaveText('X report · shift so far');
      const drawer = reportSection(x, 'Drawer');
      await expect(reportValue(drawer, 'Starting float')).toHaveText(money(FLOAT));
      await expect(reportValue(drawer, 'Cash sales (net)')).toHaveText(money(cashTaken - cashRefunded));
      await expect(reportValue(drawer, 'Expected in drawer')).toHaveText(money(expectedCash));
      await expect(reportValue(reportSection(x, 'Sales'), 'Orders')).toHaveText('1');
      await expect(reportValue(reportSection(x, 'Card'), 'Refunded')).toHaveText(cardRefunded ? `−${money(cardRefunded)}` : money(0));
      await expect(reportValue(reportSection(x, 'Cash'), 'Refunded')).toHaveText(cashRefunded ? `−${money(cashRefunded)}` : money(0));

      // Count what the screen expects.
      const shown = squash(await reportValue(drawer, 'Expected in drawer').textContent());
      const counted = String(Number(shown.replace(/[^\d]/g, '')));
      expect(Number(counted)).toBe(expectedCash);
      const close = page.getByRole('region', { name: 'Close shift' });
      await hydrated(close.getByRole('button', { name: 'Check count' }));
      await close.getByLabel(`Cash counted (${CURRENCY})`).fill(counted);
      const comparison = close.getByTestId('count-comparison');
      await expect(comparison.getByRole('term').last()).toHaveText('Difference');
      await expect(comparison.getByRole('definition').last()).toHaveText('Balanced');
      await close.getByRole('button', { name: 'Check count' }).click();
      await expect(close.getByRole('heading', { level: 3 })).toHaveText(`Close the shift with ${money(expectedCash)} counted?`);
      await expect(close.getByText('The drawer balances.')).toBeVisible();
      await close.getByRole('button', { name: 'Close shift', exact: true }).click();

      await expect(page.getByRole('heading', { level: 1, name: `${registerName} is closed` })).toBeVisible();
      await expect(page.getByRole('main').getByRole('status').filter({ hasText: 'The drawer balanced.' })).toBeVisible();
      const z = page.getByTestId('z-report');
      await expect(z.getByRole('heading', { level: 2 })).toHaveText('Z report · shift closed');
      const zDrawer = reportSection(z, 'Drawer');
      await expect(reportValue(zDrawer, 'Starting float')).toHaveText(money(FLOAT));
      await expect(reportValue(zDrawer, 'Expected in drawer')).toHaveText(money(expectedCash));
      await expect(reportValue(zDrawer, 'Counted')).toHaveText(money(expectedCash));
      await expect(reportValue(zDrawer, 'Difference')).toHaveText('Balanced');
    });

    await test.step('with the card gateway down, card attempts fail clearly until "take cash" shows; cash pays the sale', async () => {
      await page.getByRole('button', { name: 'Open a new shift' }).click();
      await openShift(page, registerName, FLOAT);
      await gatewayControl({ down: true });

      await hydrated(search);
      await products.getByRole('group', { name: 'Menus' }).getByRole('button', { name: 'All items' }).click();
      await products.getByRole('button', { name: new RegExp(`^${escapeRegExp(COLA)}`) }).click();
      await expect(lines).toHaveCount(1);
      await expect(cartTotal).toHaveText(money(seedPrice(COLA)));
      await payButton.click();
      await expect(payment).toBeVisible();

      const cardTab = payment.getByRole('tab', { name: /^Card/ });
      const failure = payment.getByTestId('payment-status').getByRole('alert');
      let attempts = 0;
      for (; attempts < 5; attempts++) {
        if ((await banner.isVisible()) || (await cardTab.isDisabled())) break;
        await cardTab.click();
        await choose(payment.getByRole('radio', { name: /^Approved card/ }));
        const answered = page.waitForResponse((r) => r.request().method() === 'POST' && /\/api\/v1\/orders(\/[^/]+\/payments)?$/.test(new URL(r.url()).pathname));
        await payment.getByRole('button', { name: /^Charge card/ }).click();
        await answered;
        // Each failure says what happened and that no money moved, and offers cash.
        await expect(failure).toContainText(/nothing was charged/i);
        await expect(failure).toContainText(/card/i);
        await expect(payment).toHaveAccessibleName(/^Payment · order #\d+$/);
        await expect(payment.getByTestId('balance-due')).toHaveText(money(seedPrice(COLA)));
      }
      expect(attempts, 'card attempts before the register said to take cash').toBeGreaterThan(0);
      await expect(banner).toBeVisible();
      await expect(cardTab).toBeDisabled();
      await expect(cardTab).toContainText('unavailable — take cash');

      // The same sale, in cash.
      await expect(payment.getByRole('tab', { name: 'Cash', exact: true })).toHaveAttribute('aria-selected', 'true');
      await payment.getByRole('button', { name: `Exact ${money(seedPrice(COLA))}` }).click();
      await payment.getByRole('button', { name: /^Take cash/ }).click();
      const receipt = page.getByRole('dialog', { name: /^Order #\d+ paid$/ });
      await expect(receipt).toBeVisible();
      await expect(receipt.getByTestId('paid-banner')).toContainText(`Paid ${money(seedPrice(COLA))}`);
      await expect(receipt.getByTestId('paid-banner')).toContainText('No change due');

      const src = await receipt.getByTitle(/^Receipt for order \d+$/).getAttribute('src');
      const paid = await getOrder(page, /orders\/([^/]+)\/receipt/.exec(src ?? '')![1]!);
      expect(paid.status).toBe('completed');
      expect(paid.total).toBe(seedPrice(COLA));
      expect(paid.payments.filter((p) => p.status === 'captured').map((p) => [p.tender, p.amount])).toEqual([['cash', seedPrice(COLA)]]);
      expect(paid.payments.filter((p) => p.tender === 'card').every((p) => p.status === 'failed')).toBe(true);
      expect(paid.payments.filter((p) => p.tender === 'card')).toHaveLength(attempts);

      await receipt.getByRole('button', { name: 'New sale' }).click();
      await expect(cart.getByTestId('cart-empty')).toBeVisible();
    });
  } finally {
    await gatewayControl({ reset: true });
  }
});
