import { expect, test, type Browser, type Page } from '@playwright/test';
import { browserFetch, DEMO, escapeRegExp, hydrated, signIn, tenantUrl } from './support';

// The register's idle lock and the time clock (docs/time-clock.md) on the seeded demo café. The
// store's idle setting is made 1 minute for the test (and put back), the page's clock is
// Playwright's: time is moved on, never waited for. The cashier clocks in, rings up a samusa and
// leaves the register: it locks, the old session's token is refused by the API, and her PIN
// brings the sale back. A payment holds the lock off; she clocks out and the X report lists her.

const SAMUSA = 'Samusa';

async function tablet(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1180, height: 820 } });
  return context.newPage();
}

async function setIdleMinutes(page: Page, minutes: number) {
  const res = await browserFetch(page, '/api/v1/settings', { method: 'PATCH', json: { idleLockMinutes: minutes } });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  expect(res.body.idleLockMinutes).toBe(minutes);
}

test('the register locks when idle, ends the session, and PIN sign-in resumes the sale; staff clock in and out', async ({ browser }) => {
  test.setTimeout(150_000);
  const owner = await tablet(browser);
  await signIn(owner, DEMO.slug, DEMO.owner.email, DEMO.password);
  await expect(owner).not.toHaveURL(/\/signin/);
  const registerName = `Idle till ${Date.now().toString(36)}`;
  const page = await tablet(browser);

  try {
    await setIdleMinutes(owner, 1);
    const products = page.getByRole('region', { name: 'Products' });
    const lines = page.getByRole('region', { name: 'Current sale' }).getByRole('list', { name: 'Items in the sale' }).getByRole('listitem');
    const pinScreen = page.getByTestId('pin-screen');
    const timeClock = page.getByRole('dialog', { name: 'Time clock' });

    await test.step('the cashier signs in on a register whose clock the test holds, and opens a shift', async () => {
      await page.clock.install();
      await signIn(page, DEMO.slug, DEMO.cashier.email, DEMO.password);
      await expect(page).toHaveURL(tenantUrl(DEMO.slug, '/register'));
      await page.evaluate((name) => window.localStorage.setItem('tillwise.registerName', name), registerName);
      await page.goto(tenantUrl(DEMO.slug, '/register/shift'));
      const open = page.getByRole('region', { name: 'Open a shift' });
      await hydrated(open.getByRole('button', { name: 'Open shift' }));
      await open.getByLabel('Starting cash (MMK)').fill('0');
      await open.getByRole('button', { name: 'Open shift' }).click();
      await expect(page).toHaveURL(tenantUrl(DEMO.slug, '/register'));
    });

    await test.step('she clocks in by PIN at the staff header', async () => {
      await hydrated(page.getByRole('button', { name: 'Time clock' })).then((b) => b.click());
      await expect(timeClock.getByLabel('Who are you?')).toHaveValue(await staffId(page, DEMO.cashier.name));
      await timeClock.getByLabel('PIN').fill('0000');
      await timeClock.getByRole('button', { name: 'Clock in' }).click();
      await expect(timeClock.getByRole('alert')).toHaveText('Wrong PIN.');
      await timeClock.getByLabel('PIN').fill(DEMO.cashier.pin);
      await timeClock.getByRole('button', { name: 'Clock in' }).click();
      await expect(timeClock.getByRole('status')).toHaveText(new RegExp(`^${escapeRegExp(DEMO.cashier.name)} clocked in at \\d\\d:\\d\\d\\.$`));
      await expect(timeClock.getByTestId('clocked-in')).toContainText(DEMO.cashier.name);
      // Twice is refused.
      await timeClock.getByLabel('PIN').fill(DEMO.cashier.pin);
      await timeClock.getByRole('button', { name: 'Clock in' }).click();
      await expect(timeClock.getByRole('alert')).toHaveText('Already clocked in. Clock out first.');
      await timeClock.getByRole('button', { name: 'Close' }).click();
    });

    await test.step('she rings up a samusa', async () => {
      await hydrated(products.getByRole('group', { name: 'Menus' }).getByRole('button', { name: 'All items' })).then((b) => b.click());
      await products.getByRole('button', { name: new RegExp(`^${SAMUSA}(?! Thoke)`) }).click();
      await expect(lines).toHaveCount(1);
    });

    const oldSession = (await page.context().cookies()).find((c) => c.name === 'next-auth.session-token');
    expect(oldSession, 'the register has a session cookie').toBeDefined();

    await test.step('a minute without input: the PIN screen, and the old session is over on the server', async () => {
      const locked = page.waitForResponse((r) => r.url().endsWith('/api/v1/register/lock'));
      await page.clock.fastForward('01:05');
      expect((await locked).status()).toBe(200);
      await expect(pinScreen).toBeVisible();
      await expect(pinScreen.getByRole('heading', { name: 'Register locked' })).toBeVisible();
      expect((await browserFetch(page, '/api/v1/me')).status).toBe(401);
      // The token itself is dead: a copy of the cookie in another browser gets 401 too.
      const copy = await browser.newContext();
      await copy.addCookies([{ ...oldSession! }]);
      const other = await copy.newPage();
      await other.goto(tenantUrl(DEMO.slug, '/signin'));
      expect((await browserFetch(other, '/api/v1/me')).status).toBe(401);
      await copy.close();
    });

    await test.step('her PIN signs her in again and the sale is back', async () => {
      await expect(pinScreen.getByLabel('Who are you?')).toHaveValue(await staffIdOnPinScreen(page, DEMO.cashier.name));
      await pinScreen.getByLabel('PIN').fill(DEMO.cashier.pin);
      await pinScreen.getByRole('button', { name: 'Sign in' }).click();
      await expect(page.getByTestId('current-staff')).toContainText(DEMO.cashier.name);
      await expect(pinScreen).toHaveCount(0);
      await expect(lines).toHaveCount(1);
      await expect(lines.first()).toContainText(`1 × ${SAMUSA}`);
      expect((await browserFetch(page, '/api/v1/me')).status).toBe(200);
    });

    await test.step('an open payment holds the lock off', async () => {
      const cart = page.getByRole('region', { name: 'Current sale' });
      await hydrated(cart.getByRole('button', { name: /^Pay\b/ })).then((b) => b.click());
      const payment = page.getByRole('dialog', { name: /^Payment/ });
      await expect(payment).toBeVisible();
      await page.clock.fastForward('02:00');
      await expect(payment).toBeVisible();
      await expect(pinScreen).toHaveCount(0);
      expect((await browserFetch(page, '/api/v1/me')).status).toBe(200);
      await payment.getByRole('button', { name: 'Close' }).click();
      await expect(payment).toBeHidden();
    });

    await test.step('she clocks out, and the X report lists her hours', async () => {
      await page.getByRole('button', { name: 'Time clock' }).click();
      await timeClock.getByLabel('PIN').fill(DEMO.cashier.pin);
      await timeClock.getByRole('button', { name: 'Clock out' }).click();
      await expect(timeClock.getByRole('status')).toHaveText(new RegExp(`^${escapeRegExp(DEMO.cashier.name)} clocked out at \\d\\d:\\d\\d\\.$`));
      await timeClock.getByRole('button', { name: 'Close' }).click();
      await page.getByRole('link', { name: 'Shift', exact: true }).click();
      const staffOnShift = page.locator('div').filter({ has: page.getByRole('heading', { level: 3, name: 'Staff on shift', exact: true }) }).last();
      await expect(staffOnShift).toContainText(DEMO.cashier.name);
    });
  } finally {
    await setIdleMinutes(owner, 5);
  }
});

/** A staff member's id from the time clock's "Who are you?" list. */
async function staffId(page: Page, name: string): Promise<string> {
  return page.getByRole('dialog', { name: 'Time clock' }).getByLabel('Who are you?').locator('option', { hasText: name }).getAttribute('value') as Promise<string>;
}
async function staffIdOnPinScreen(page: Page, name: string): Promise<string> {
  return page.getByTestId('pin-screen').getByLabel('Who are you?').locator('option', { hasText: name }).getAttribute('value') as Promise<string>;
}
