import { expect, test, type Browser, type Page } from '@playwright/test';
import { browserFetch, DEMO, hydrated, signIn, tenantUrl } from './support';

// The floor runs a table's tab on the seeded demo café (docs/kitchen.md › Hold and fire): a free
// table is seated and its order started from /floor, items are rung up at the register with a
// main held for course 2, Send fires the rest to the kitchen screen (another browser) without
// paying, the table's order reopens from the floor with everything in the cart, moves to another
// table, and "Fire course 2" sends the held main. The tab is voided at the end: later specs share the demo.

const STARTER = 'Khayan Chin Thee Thoke (tomato salad)';
const MAIN = 'Gyin Thoke (ginger salad)';

async function signedIn(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1180, height: 820 } }); // a landscape tablet
  const page = await context.newPage();
  await signIn(page, DEMO.slug, email, DEMO.password);
  await expect(page).not.toHaveURL(/\/signin/);
  return page;
}

test('seat & start on the floor, send without paying, reopen, move, and fire course 2', async ({ browser }) => {
  test.setTimeout(180_000);
  const registerName = `E2E Floor ${Date.now().toString(36)}`;
  const waiter = await signedIn(browser, DEMO.manager.email);
  const kitchen = await signedIn(browser, DEMO.cashier.email);
  const cart = waiter.getByRole('region', { name: 'Current sale' });
  const lines = cart.getByRole('list', { name: 'Items in the sale' }).getByRole('listitem');
  const products = waiter.getByRole('region', { name: 'Products' });
  const tile = (name: string) => waiter.getByTestId('floor-table').filter({ has: waiter.getByText(name, { exact: true }) });
  const tableDialog = waiter.getByRole('dialog');
  let tabId = '';
  let number = 0;

  await test.step('the waiter’s tablet is a register with an open shift; the kitchen screen is live', async () => {
    await waiter.evaluate((name) => window.localStorage.setItem('tillwise.registerName', name), registerName);
    await waiter.goto(tenantUrl(DEMO.slug, '/register/shift'));
    const open = waiter.getByRole('region', { name: 'Open a shift' });
    await hydrated(open.getByRole('button', { name: 'Open shift' }));
    await open.getByLabel(/^Starting cash/).fill('0');
    await open.getByRole('button', { name: 'Open shift' }).click();
    await expect(waiter).toHaveURL(tenantUrl(DEMO.slug, '/register'));

    await kitchen.goto(tenantUrl(DEMO.slug, '/kitchen'));
    const stations = kitchen.getByRole('navigation', { name: 'Stations' });
    await stations.getByRole('link', { name: /^Kitchen/ }).click();
    await expect(kitchen.getByTestId('live-status')).toHaveText('Live');
  });

  await test.step('a free table on the floor: Seat & start opens its new order in the register', async () => {
    await waiter.goto(tenantUrl(DEMO.slug, '/floor'));
    await hydrated(tile('P3'));
    await expect(tile('P3')).toHaveAttribute('data-status', 'free');
    await tile('P3').click();
    await expect(tableDialog.getByRole('heading', { name: 'P3' })).toBeVisible();
    await tableDialog.getByRole('button', { name: /^Seat \d+ & start order$/ }).click();
    await expect(waiter).toHaveURL(tenantUrl(DEMO.slug, '/register'));
    await expect(cart.getByRole('heading', { level: 2 })).toHaveText(/^Tab #\d+/);
    number = Number((await cart.getByRole('heading', { level: 2 }).textContent())!.match(/#(\d+)/)![1]);
    const tabs = await browserFetch(waiter, '/api/v1/orders/tabs');
    tabId = (tabs.body.data as { orderId: string; number: number }[]).find((t) => t.number === number)!.orderId;
    await expect(cart.getByTestId('table-select')).toHaveValue(/.+/);
  });

  await test.step('a starter now and a main held for course 2; Send fires the starter to the kitchen, unpaid', async () => {
    await products.getByRole('group', { name: 'Menus' }).getByRole('button', { name: 'All items' }).click();
    await products.getByRole('button', { name: new RegExp(`^${STARTER.replace(/[()]/g, '\\$&')}`) }).click();
    await products.getByRole('button', { name: new RegExp(`^${MAIN.replace(/[()]/g, '\\$&')}`) }).click();
    await expect(lines).toHaveCount(2);
    // The main was added last, so it is the selected line: course 2, held.
    await cart.getByLabel(`Course of ${MAIN}`).selectOption('2');
    await cart.getByRole('button', { name: 'Hold', exact: true }).click();
    await expect(lines.nth(1).getByTestId('line-course')).toHaveText('Course 2 · held');
    await cart.getByTestId('send').click();
    await expect(waiter.getByTestId('announcer')).toContainText(`Order #${number} (table P3): 1 item sent to the kitchen.`);
    await expect(cart.getByTestId('cart-empty')).toBeVisible();

    const ticket = kitchen.getByTestId('kitchen-ticket').filter({ has: kitchen.getByRole('heading', { name: `Order #${number}`, exact: true }) });
    await expect(ticket).toHaveCount(1);
    await expect(ticket).toContainText(`1 × ${STARTER}`);
    await expect(ticket).toContainText('Dine-in · P3');
    await expect(ticket).not.toContainText(MAIN);
    const order = await browserFetch(waiter, `/api/v1/orders/${tabId}`);
    expect(order.body).toMatchObject({ status: 'open', paidTotal: 0 });
  });

  await test.step('the floor shows the tab on P3; tapping it opens the order into the cart', async () => {
    await waiter.goto(tenantUrl(DEMO.slug, '/floor'));
    await expect(tile('P3').getByTestId('table-tab')).toContainText(`#${number} ·`);
    await hydrated(tile('P3'));
    await tile('P3').click();
    await tableDialog.getByRole('link', { name: new RegExp(`^Open order #${number}`) }).click();
    await expect(waiter).toHaveURL(tenantUrl(DEMO.slug, '/register'));
    await expect(lines).toHaveCount(2);
    await expect(lines.nth(0)).toContainText(STARTER);
    await expect(lines.nth(0).getByTestId('line-course')).toHaveText('Course 1 · sent');
    await expect(lines.nth(1).getByTestId('line-course')).toHaveText('Course 2 · held');
    // Close it (nothing changed) before leaving the register.
    await cart.getByRole('button', { name: 'Close' }).click();
    await cart.getByRole('button', { name: 'Tap again to clear' }).click();
  });

  await test.step('the order moves from P3 to the free P4', async () => {
    await waiter.goto(tenantUrl(DEMO.slug, '/floor'));
    await hydrated(tile('P3'));
    await tile('P3').click();
    await tableDialog.getByLabel('Move to a free table').selectOption({ label: 'P4 · Patio · 6 seats' });
    await tableDialog.getByRole('button', { name: 'Move', exact: true }).click();
    await expect(waiter.getByText(`Order #${number} moved to P4; P3 is free.`)).toBeVisible();
    await expect(tile('P3')).toHaveAttribute('data-status', 'free');
    await expect(tile('P4').getByTestId('table-tab')).toContainText(`#${number} ·`);
    const ticket = kitchen.getByTestId('kitchen-ticket').filter({ has: kitchen.getByRole('heading', { name: `Order #${number}`, exact: true }) });
    await expect(ticket).toContainText('Dine-in · P4');
  });

  await test.step('Fire course 2 sends the held main to the kitchen, marked as course 2', async () => {
    await hydrated(tile('P4'));
    await tile('P4').click();
    await tableDialog.getByRole('link', { name: new RegExp(`^Open order #${number}`) }).click();
    await expect(lines).toHaveCount(2);
    await cart.getByRole('button', { name: 'Fire course 2' }).click();
    await expect(waiter.getByTestId('announcer')).toContainText(`Course 2: Order #${number} (table P4): 1 item sent to the kitchen.`);
    const tickets = kitchen.getByTestId('kitchen-ticket').filter({ has: kitchen.getByRole('heading', { name: `Order #${number}`, exact: true }) });
    await expect(tickets).toHaveCount(2);
    const course2 = tickets.filter({ hasText: MAIN });
    await expect(course2).toContainText('Course 2');
    await expect(course2).toContainText(`1 × ${MAIN}`);
  });

  await test.step('clean up: the tab is voided and its tickets bumped (later specs share the demo)', async () => {
    const voided = await browserFetch(waiter, `/api/v1/orders/${tabId}/void`, { method: 'POST', json: { reason: 'E2E floor clean-up' } });
    expect(voided.status, JSON.stringify(voided.body)).toBe(200);
    const tickets = kitchen.getByTestId('kitchen-ticket').filter({ has: kitchen.getByRole('heading', { name: `Order #${number}`, exact: true }) });
    // A voided order's ticket says "Clear" once the screen has heard of the void; before that, "Bump".
    const bump = new RegExp(`^(Bump order|Clear voided order) ${number}$`);
    for (let i = 0; i < 2; i++) await tickets.first().getByRole('button', { name: bump }).click();
    await expect(tickets).toHaveCount(0);
  });
});
