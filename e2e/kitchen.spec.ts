import { expect, test, type Browser, type Page } from '@playwright/test';
import { browserFetch, DEMO, hydrated, signIn, tenantUrl } from './support';

// The kitchen display on the seeded demo café (docs/kitchen.md): a sale rung up in one browser
// shows on the kitchen tablet (another browser) through the live stream, without a reload — the
// noodles on the Kitchen station, the tea at the Bar — and the cook bumps, recalls and bumps it.
// A manager then adds and removes a product exception in Admin → Kitchen. Every ticket made here
// is bumped again and the exception removed: later specs share the demo.

async function signedIn(browser: Browser, who: { email: string }): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1180, height: 820 } }); // a landscape tablet
  const page = await context.newPage();
  await signIn(page, DEMO.slug, who.email, DEMO.password);
  await expect(page).not.toHaveURL(/\/signin/);
  return page;
}

type Item = { product: string; options?: string[]; note?: string };

/** A paid takeaway of `items` through the API, as the register sends it; answers the order number. */
async function sell(page: Page, items: Item[]): Promise<number> {
  const groups = await browserFetch(page, '/api/v1/modifier-groups?limit=100');
  expect(groups.status).toBe(200);
  const lines = [];
  for (const item of items) {
    const found = await browserFetch(page, `/api/v1/products?search=${encodeURIComponent(item.product)}`);
    expect(found.status).toBe(200);
    const product = found.body.data[0];
    const options = (groups.body.data as { id: string; options: { id: string; name: string }[] }[])
      .filter((g) => product.modifierGroupIds.includes(g.id))
      .flatMap((g) => g.options)
      .filter((o) => item.options?.includes(o.name))
      .map((o) => o.id);
    lines.push({ variantId: product.variants[0].id, quantity: 1, modifierOptionIds: options, note: item.note ?? null });
  }
  const sale = await browserFetch(page, '/api/v1/orders', { method: 'POST', json: { type: 'takeaway', lines, payments: [{ tender: 'cash', tendered: 100_000 }] } });
  expect(sale.status, JSON.stringify(sale.body)).toBe(201);
  return sale.body.number;
}

test('an order sent from the register fires live tickets per station; the cook bumps, recalls and bumps', async ({ browser }) => {
  const kitchen = await signedIn(browser, DEMO.cashier);
  const register = await signedIn(browser, DEMO.manager);
  const stations = kitchen.getByRole('navigation', { name: 'Stations' });
  const ticketOf = (number: number) => kitchen.getByTestId('kitchen-ticket').filter({ has: kitchen.getByRole('heading', { name: `Order #${number}`, exact: true }) });
  let number = 0;

  await test.step('the kitchen tablet opens the Kitchen station, live', async () => {
    await kitchen.goto(tenantUrl(DEMO.slug, '/kitchen'));
    await stations.getByRole('link', { name: /^Kitchen/ }).click();
    await expect(stations.getByRole('link', { name: /^Kitchen/ })).toHaveAttribute('aria-current', 'page');
    await expect(kitchen.getByTestId('live-status')).toHaveText('Live');
    // Marks this page load: a reload would drop it, so the checks below prove none happened.
    await kitchen.evaluate(() => ((window as unknown as { tillwiseMark: string }).tillwiseMark = 'same page'));
  });

  await test.step('a sale of noodles and tea shows the noodles here within the stream, with modifier and note', async () => {
    number = await sell(register, [
      { product: 'Mohinga', options: ['Hot'], note: 'No coriander' },
      { product: 'Laphet Yay', options: ['Less sweet'] },
    ]);
    const ticket = ticketOf(number);
    await expect(ticket).toBeVisible();
    await expect(ticket).toContainText('1 × Mohinga');
    await expect(ticket).toContainText('+ Hot');
    await expect(ticket).toContainText('Note: No coriander');
    await expect(ticket).toContainText('Takeaway');
    await expect(ticket.getByTestId('ticket-age')).toHaveText(/just now|\d+ min/);
    await expect(ticket).not.toContainText('Laphet Yay'); // the tea is the Bar's
    expect(await kitchen.evaluate(() => (window as unknown as { tillwiseMark?: string }).tillwiseMark)).toBe('same page');
  });

  await test.step('Bump takes it off; Recall brings it back; Bump again', async () => {
    const ticket = ticketOf(number);
    await ticket.getByRole('button', { name: `Bump order ${number}` }).click();
    await expect(ticket).toHaveCount(0);
    await kitchen.getByRole('button', { name: 'Recall last' }).click();
    await expect(ticket).toBeVisible();
    await expect(ticket).toContainText('Recalled');
    await ticket.getByRole('button', { name: `Bump order ${number}` }).click();
    await expect(ticket).toHaveCount(0);
  });

  await test.step('the Bar has the tea, and bumps it', async () => {
    await stations.getByRole('link', { name: /^Bar/ }).click();
    await expect(stations.getByRole('link', { name: /^Bar/ })).toHaveAttribute('aria-current', 'page');
    const ticket = ticketOf(number);
    await expect(ticket).toContainText('Laphet Yay');
    await expect(ticket).toContainText('+ Less sweet');
    await expect(ticket).not.toContainText('Mohinga');
    await ticket.getByRole('button', { name: `Bump order ${number}` }).click();
    await expect(ticket).toHaveCount(0);
  });

  await test.step('a manager sends palata to no ticket in Admin → Kitchen, then takes it back', async () => {
    await register.goto(tenantUrl(DEMO.slug, '/admin'));
    await register.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Kitchen' }).click();
    await expect(register.getByRole('heading', { level: 1, name: 'Kitchen' })).toBeVisible();
    await expect(register.getByTestId('station-row')).toHaveCount(2);
    await expect(register.getByLabel('Tea & Coffee').locator('option:checked')).toHaveText('Bar');
    await expect(register.getByLabel('Noodles & Rice').locator('option:checked')).toHaveText('Default (Kitchen)');

    const exceptions = register.getByTestId('product-route');
    const before = await exceptions.count();
    await hydrated(register.getByRole('combobox', { name: 'Product' }));
    await register.getByRole('combobox', { name: 'Product' }).fill('Palata');
    await register.getByRole('option', { name: /Palata/ }).click();
    await register.getByLabel('Where Palata is made').selectOption({ label: 'No ticket' });
    await register.getByRole('button', { name: 'Add exception' }).click();
    const palata = exceptions.filter({ hasText: 'Palata' });
    await expect(palata).toHaveCount(1);
    await expect(palata.getByRole('combobox').locator('option:checked')).toHaveText('No ticket');
    await palata.getByRole('button', { name: 'Remove the exception for Palata' }).click();
    await expect(palata).toHaveCount(0);
    await expect(exceptions).toHaveCount(before);
  });
});
