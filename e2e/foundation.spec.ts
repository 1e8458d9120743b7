import { expect, test, type Page } from '@playwright/test';
import { DEMO, ROOT_DOMAIN, ROOT_URL, browserFetch, cspViolations, escapeRegExp, expectSignInPage, hydrated, signIn, submitSignIn, tenantUrl } from './support';

// One worker runs the tests in file order (playwright.config.ts). The sign-up flow is a single
// test whose steps depend on each other; the other tests stand alone on the seeded demo tenant.

/** The main flow's zone; Asia/Yangon, which ICU lists by its old name, has its own test below. */
const TIME_ZONE = 'Asia/Singapore';

/** Fills the whole sign-up form; `slug` goes into Store address. */
async function fillSignUp(
  page: Page,
  values: { businessName: string; slug: string; ownerName: string; email: string; password: string; timeZone?: string },
): Promise<void> {
  const form = page.locator('form');
  // The time-zone list is filled in by an effect after hydration, so picking from it also
  // proves the form is live before anything is typed.
  await form.getByLabel('Time zone').selectOption(values.timeZone ?? TIME_ZONE);
  await hydrated(form.getByLabel('Store address'));
  await form.getByLabel('Business name').fill(values.businessName);
  await form.getByLabel('Store address').fill(values.slug);
  await form.getByLabel('Currency').selectOption('MMK');
  await form.getByLabel('Your name').fill(values.ownerName);
  await form.getByLabel('Email').fill(values.email);
  await form.getByLabel('Password').fill(values.password);
}

test('a new business signs up, adds a cashier, and the cashier is held to the register', async ({ page }) => {
  const slug = `e2e-${Date.now().toString(36)}`;
  const business = {
    businessName: `E2E Noodle Bar ${slug}`,
    slug,
    ownerName: 'Owner Aung',
    email: `owner@${slug}.test`,
    password: 'owner-password-1',
  };
  const cashier = { name: 'Cashier Hla', email: `cashier@${slug}.test`, password: 'cashier-password-1', pin: '4321' };
  const form = page.locator('form');
  const createButton = page.getByRole('button', { name: 'Create business' });

  await test.step('sign-up refuses a reserved store address and keeps what was typed', async () => {
    await page.goto(`${ROOT_URL}/signup`);
    await expect(page.getByRole('heading', { level: 1, name: 'Create your business' })).toBeVisible();
    await fillSignUp(page, { ...business, slug: 'admin' });
    await expect(form.getByText(`Your store will be at admin.${ROOT_DOMAIN}`)).toBeVisible();
    await createButton.click();

    await expect(form.getByRole('alert')).toContainText('Check the highlighted fields.');
    await expect(form.getByText('This address is reserved; choose another')).toBeVisible();
    await expect(form.getByLabel('Store address')).toHaveAttribute('aria-invalid', 'true');
    await expect(form.getByLabel('Store address')).toHaveValue('admin');
    await expect(form.getByLabel('Business name')).toHaveValue(business.businessName);
    await expect(form.getByLabel('Currency')).toHaveValue('MMK');
    await expect(form.getByLabel('Time zone')).toHaveValue(TIME_ZONE);
    await expect(form.getByLabel('Your name')).toHaveValue(business.ownerName);
    await expect(form.getByLabel('Email')).toHaveValue(business.email);
    await expect(form.getByLabel('Password')).toHaveValue(business.password);
    await expect(page).toHaveURL(`${ROOT_URL}/signup`);
  });

  await test.step('sign-up refuses a store address that is already taken', async () => {
    await form.getByLabel('Store address').fill(DEMO.slug);
    await createButton.click();

    await expect(form.getByRole('alert')).toContainText('This address is already taken');
    await expect(form.getByLabel('Store address')).toHaveAttribute('aria-invalid', 'true');
    await expect(form.getByLabel('Store address')).toHaveValue(DEMO.slug);
    await expect(form.getByLabel('Business name')).toHaveValue(business.businessName);
    await expect(form.getByLabel('Email')).toHaveValue(business.email);
    await expect(page).toHaveURL(`${ROOT_URL}/signup`);
  });

  await test.step('sign-up creates the business and lands the owner in its admin', async () => {
    await form.getByLabel('Store address').fill(slug);
    await createButton.click();

    await expect(page).toHaveURL(tenantUrl(slug, '/admin'));
    const main = page.getByRole('main');
    await expect(main.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
    await expect(main.getByText(business.businessName, { exact: true })).toBeVisible();
    await expect(main.getByText(slug, { exact: true })).toBeVisible();
    await expect(main.getByText('MMK', { exact: true })).toBeVisible();
    await expect(main.getByText(TIME_ZONE, { exact: true })).toBeVisible();
  });

  await test.step('the owner adds a cashier with a register PIN', async () => {
    await page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Staff' }).click();
    await expect(page).toHaveURL(tenantUrl(slug, '/admin/staff'));
    await expect(page.getByRole('heading', { level: 1, name: 'Staff' })).toBeVisible();

    const add = page.getByRole('region', { name: 'Add a staff member' });
    await hydrated(add.getByRole('button', { name: 'Add staff member' }));
    await add.getByLabel('Name').fill(cashier.name);
    await add.getByLabel('Email').fill(cashier.email);
    await add.getByLabel('Role').selectOption('cashier');
    await add.getByLabel('Temporary password').fill(cashier.password);
    await add.getByLabel('Register PIN').fill(cashier.pin);
    await add.getByRole('button', { name: 'Add staff member' }).click();

    await expect(add.getByRole('status')).toHaveText(`${cashier.name} was added as cashier.`);
    const row = page.getByTestId('staff-row').filter({ hasText: cashier.email });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText(cashier.name);
    await expect(row.getByRole('cell').nth(1)).toHaveText(/cashier/i);
    await expect(page.getByTestId('staff-row')).toHaveCount(2);
    // The form is cleared for the next person.
    await expect(add.getByLabel('Name')).toHaveValue('');
  });

  await test.step('the owner signs out', async () => {
    await hydrated(page.getByRole('button', { name: 'Sign out' })).then((b) => b.click());
    await expectSignInPage(page, slug, business.businessName);
  });

  await test.step('the cashier signs in and lands on the register', async () => {
    await submitSignIn(page, cashier.email, cashier.password);
    await expect(page).toHaveURL(tenantUrl(slug, '/register'));
    await expect(page.getByTestId('current-staff')).toContainText(cashier.name);
    await expect(page.getByTestId('current-staff')).toContainText(/cashier/i);
    await expect(page.getByRole('link', { name: 'Admin' })).toHaveCount(0);
  });

  await test.step('the cashier is refused the admin with a 403', async () => {
    const response = await page.goto(tenantUrl(slug, '/admin'));
    expect(response?.status()).toBe(403);
    await expect(page.getByRole('heading', { name: "You don't have access to this page" })).toBeVisible();
    await expect(page.getByText(business.businessName)).toHaveCount(0);
  });

  await test.step('the cashier signs out from the register', async () => {
    await page.goto(tenantUrl(slug, '/register'));
    await expect(page.getByTestId('current-staff')).toContainText(cashier.name);
    await hydrated(page.getByRole('button', { name: 'Sign out' })).then((b) => b.click());
    await expectSignInPage(page, slug, business.businessName);

    // The session is gone: the register now sends the browser to sign in.
    await page.goto(tenantUrl(slug, '/register'));
    await expect(page).toHaveURL(new RegExp(`^${escapeRegExp(tenantUrl(slug, '/signin?callbackUrl='))}`));
  });
});

test('an unknown store address shows "No such store"', async ({ page }) => {
  const response = await page.goto(tenantUrl('nosuchstore', '/'));
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'No such store' })).toBeVisible();
  await expect(page.getByText('nosuchstore', { exact: true })).toBeVisible();
});

test('the internal tenant segment cannot be reached by name', async ({ page }) => {
  const onRoot = await page.goto(`${ROOT_URL}/t/demo/admin`);
  expect(onRoot?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  await expect(page.getByText(DEMO.name)).toHaveCount(0);

  // Nor from another tenant's host.
  const onOtherTenant = await page.goto(tenantUrl('acme', '/t/demo/signin'));
  expect(onOtherTenant?.status()).toBe(404);
  await expect(page.getByText(DEMO.name)).toHaveCount(0);
});

test('a wrong password is refused with a clear message', async ({ page }) => {
  await signIn(page, DEMO.slug, DEMO.owner.email, 'not-the-password');
  // (Scoped to main: Next's route announcer is an alert region too.)
  await expect(page.getByRole('main').getByRole('alert')).toHaveText('Wrong email or password.');
  await expectSignInPage(page, DEMO.slug, DEMO.name);
  await expect(page.getByLabel('Email')).toHaveValue(DEMO.owner.email);
});

test('staff switch at the register by PIN', async ({ page }) => {
  await signIn(page, DEMO.slug, DEMO.cashier.email, DEMO.password);
  await expect(page).toHaveURL(tenantUrl(DEMO.slug, '/register'));
  await expect(page.getByTestId('current-staff')).toContainText(DEMO.cashier.name);

  await hydrated(page.getByRole('button', { name: 'Switch staff' })).then((b) => b.click());
  const dialog = page.getByRole('dialog', { name: 'Switch staff' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Staff member').selectOption({ label: `${DEMO.manager.name} (manager)` });
  await dialog.getByLabel('PIN').fill(DEMO.manager.pin);
  await dialog.getByRole('button', { name: 'Switch', exact: true }).click();

  await expect(page.getByTestId('current-staff')).toContainText(DEMO.manager.name);
  await expect(page.getByTestId('current-staff')).toContainText(/manager/i);
  await expect(page).toHaveURL(tenantUrl(DEMO.slug, '/register'));
  // A manager's register links to the admin.
  await expect(page.getByRole('link', { name: 'Admin' })).toBeVisible();
});

test('sign-up offers Asia/Yangon, the time zone its own error message names', async ({ page }) => {
  const slug = `e2e-tz-${Date.now().toString(36)}`;
  await page.goto(`${ROOT_URL}/signup`);
  const timeZone = page.getByLabel('Time zone');
  await expect(timeZone.locator(`option[value="${TIME_ZONE}"]`)).toHaveCount(1); // list filled in
  // Myanmar's zone is Asia/Yangon (IANA, since 2016); ICU's list still calls it Asia/Rangoon.
  await expect(timeZone.locator('option[value="Asia/Yangon"]')).toHaveCount(1);

  await fillSignUp(page, {
    businessName: `E2E Tea Shop ${slug}`,
    slug,
    ownerName: 'Owner Myint',
    email: `owner@${slug}.test`,
    password: 'owner-password-1',
    timeZone: 'Asia/Yangon',
  });
  await page.getByRole('button', { name: 'Create business' }).click();
  await expect(page).toHaveURL(tenantUrl(slug, '/admin'));
  await expect(page.getByRole('main').getByText('Asia/Yangon', { exact: true })).toBeVisible();
});

test('sign-in goes only to paths on the same host and shows no text a link brings', async ({ page }) => {
  const planted = 'Your account is suspended. Call 555-0100';
  await page.goto(tenantUrl(DEMO.slug, `/signin?callbackUrl=/%09/evil.example&error=${encodeURIComponent(planted)}`));
  await expect(page.getByRole('main').getByRole('alert')).toHaveText('Sign-in failed. Check what you entered and try again.');
  await expect(page.getByText(planted)).toHaveCount(0);

  // The planted ?error= must not make a good sign-in look failed, nor the tab lead off the host.
  await submitSignIn(page, DEMO.manager.email, DEMO.password);
  await expect(page).toHaveURL(tenantUrl(DEMO.slug, '/admin'));
});

test('pages run under a nonce-based Content-Security-Policy with nothing refused', async ({ page }) => {
  const refused = cspViolations(page);
  /**
   * Loads `url`, checks its policy and that every script tag the server sent carries the
   * policy's nonce (a page prerendered at build time would have none); answers the policy.
   * Chunks loaded later need no nonce: 'strict-dynamic' trusts what nonced scripts load.
   */
  async function visit(url: string, ready: string): Promise<string> {
    const response = (await page.goto(url))!;
    const policy = response.headers()['content-security-policy'] ?? '';
    const nonce = /script-src [^;]*'nonce-([A-Za-z0-9+/=]+)'/.exec(policy)?.[1];
    expect(nonce, `${url} has a script nonce`).toBeTruthy();
    expect(policy).toContain("frame-ancestors 'none'");
    expect(response.headers()['x-content-type-options']).toBe('nosniff');
    const scripts = (await response.text()).match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts.filter((tag) => !tag.includes(`nonce="${nonce}"`)), `scripts on ${url} without the nonce`).toEqual([]);
    await hydrated(page.getByRole('button', { name: ready }).first()); // its scripts ran
    return policy;
  }

  const landing = await visit(ROOT_URL, 'Go');
  const signin = await visit(tenantUrl(DEMO.slug, '/signin'), 'Sign in');
  expect(signin).not.toBe(landing); // a fresh nonce per response
  await submitSignIn(page, DEMO.manager.email, DEMO.password);
  await expect(page).toHaveURL(tenantUrl(DEMO.slug, '/admin'));
  await visit(tenantUrl(DEMO.slug, '/admin'), 'Sign out');
  await visit(tenantUrl(DEMO.slug, '/register'), 'Sign out');

  // The receipt: framable by its own origin only, its inline styles applied.
  const orders = await browserFetch(page, '/api/v1/orders?limit=1');
  const receipt = await page.goto(tenantUrl(DEMO.slug, `/api/v1/orders/${orders.body.data[0].id}/receipt`));
  expect(receipt?.headers()['content-security-policy']).toContain("frame-ancestors 'self'");
  expect(receipt?.headers()['x-frame-options']).toBe('SAMEORIGIN');
  expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily)).toContain('monospace');

  expect(refused).toEqual([]);
});
