import { expect, type Locator, type Page } from '@playwright/test';
import { demoSlug, GATEWAY_KEY, GATEWAY_PORT, ROOT_DOMAIN } from './app-server';

/** The app runs with ROOT_DOMAIN=localhost:<E2E_PORT, default 3100> (e2e/app-server.ts, which playwright.config.ts uses). */
export { appServerEnv, ROOT_DOMAIN } from './app-server';
export const ROOT_URL = `http://${ROOT_DOMAIN}`;

/** Absolute URL of `path` on tenant `slug`'s own host (browsers resolve *.localhost locally). */
export function tenantUrl(slug: string, path = '/'): string {
  return `http://${slug}.${ROOT_DOMAIN}${path}`;
}

/** This worker's seeded demo café (scripts/seed/seed.ts; `demo`, or its twin for the second worker: e2e/app-server.ts). */
const slug = demoSlug(Number(process.env.TEST_PARALLEL_INDEX ?? 0));
export const DEMO = {
  slug,
  name: 'Golden Cup Tea House',
  password: 'tillwise-demo',
  owner: { email: `owner@${slug}.test`, name: 'Daw Aye Aye', pin: '1111' },
  manager: { email: `manager@${slug}.test`, name: 'Ko Min Thu', pin: '2222' },
  cashier: { email: `cashier@${slug}.test`, name: 'Ma Su Su', pin: '3333' },
} as const;

/**
 * Waits until React has hydrated `target` (it carries React's internal fiber key). Typing into
 * or submitting a server-rendered form before that would bypass its client-side handler.
 */
export async function hydrated(target: Locator): Promise<Locator> {
  await expect
    .poll(() => target.evaluate((el) => Object.keys(el).some((key) => key.startsWith('__reactFiber$'))), {
      message: 'the page hydrates',
    })
    .toBe(true);
  return target;
}

/** Fills and submits the tenant sign-in form (the page must already show it). */
export async function submitSignIn(page: Page, email: string, password: string): Promise<void> {
  const form = page.getByRole('main');
  await hydrated(form.getByRole('button', { name: 'Sign in' }));
  await form.getByLabel('Email').fill(email);
  await form.getByLabel('Password').fill(password);
  await form.getByRole('button', { name: 'Sign in' }).click();
}

/** Opens `slug`'s sign-in page and signs in; the browser then loads the callback URL. */
export async function signIn(page: Page, slug: string, email: string, password: string): Promise<void> {
  await page.goto(tenantUrl(slug, '/signin'));
  await submitSignIn(page, email, password);
}

/** Asserts the sign-in page of `slug` is showing. */
export async function expectSignInPage(page: Page, slug: string, businessName: string): Promise<void> {
  await expect(page).toHaveURL(new RegExp(`^${escapeRegExp(tenantUrl(slug, '/signin'))}(\\?.*)?$`));
  await expect(page.getByRole('heading', { level: 1, name: businessName })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Calls the API from inside the page (same origin, the browser's own cookies), as the app's
 * scripts would. Node-side requests cannot resolve `*.localhost` names; the browser can.
 */
export async function browserFetch(page: Page, path: string, init?: { method?: string; json?: unknown }): Promise<{ status: number; body: any }> {
  return page.evaluate(
    async ({ path, init }) => {
      const res = await fetch(path, {
        method: init?.method ?? 'GET',
        headers: init?.json === undefined ? undefined : { 'content-type': 'application/json' },
        body: init?.json === undefined ? undefined : JSON.stringify(init.json),
      });
      return { status: res.status, body: await res.json() };
    },
    { path, init },
  );
}

/** The card gateway simulator playwright.config.ts starts (gateway/README.md), reached from Node. */
export const GATEWAY_URL = `http://127.0.0.1:${GATEWAY_PORT}`;

/**
 * Sets the gateway simulator's faults (`{ down: true }`, `{ failNext: 2 }`, `{ reset: true }`…)
 * through its control endpoint and answers the faults now in force.
 */
export async function gatewayControl(faults: {
  down?: boolean;
  failNext?: number;
  errorRate?: number;
  latencyMs?: number;
  failAfterCaptureNext?: number;
  reset?: boolean;
}): Promise<Record<string, unknown>> {
  const res = await fetch(`${GATEWAY_URL}/__control`, {
    method: 'POST',
    headers: { authorization: `Bearer ${GATEWAY_KEY}`, 'content-type': 'application/json' },
    body: JSON.stringify(faults),
  });
  expect(res.status, 'the gateway control endpoint answers').toBe(200);
  return (await res.json()) as Record<string, unknown>;
}

/**
 * Checks a visually hidden radio or checkbox (an `sr-only` input inside the card-like label
 * a person taps) by tapping its label, then asserts it is checked. Playwright's own check()
 * refuses such an input: the label's content covers it.
 */
export async function choose(control: Locator): Promise<void> {
  await control.locator('xpath=ancestor::label[1]').click();
  await expect(control).toBeChecked();
}

/**
 * Collects what the browser refuses under the page's Content-Security-Policy (Chromium logs
 * every refused script, style, frame or connection as a console error) for the test to assert
 * on at the end.
 */
export function cspViolations(page: Page): string[] {
  const seen: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) seen.push(message.text());
  });
  return seen;
}

/** From the register: opens a shift of `registerName` (this device's) on the demo store with 10,000 starting cash, back at the sale. */
export async function openDemoShift(page: Page, registerName: string, currency: string): Promise<void> {
  await page.getByRole('link', { name: 'Shift', exact: true }).click();
  const open = page.getByRole('region', { name: 'Open a shift' });
  await expect(open.getByLabel('Register name')).toHaveValue(registerName);
  await hydrated(open.getByRole('button', { name: 'Open shift' }));
  await open.getByLabel(`Starting cash (${currency})`).fill('10000');
  await open.getByRole('button', { name: 'Open shift' }).click();
  await expect(page).toHaveURL(tenantUrl(DEMO.slug, '/register'));
}

/** The DOM `code` and Windows virtual key code of a character a scanner types. */
function keyOf(char: string): { code: string; keyCode: number } {
  if (/[0-9]/.test(char)) return { code: `Digit${char}`, keyCode: char.charCodeAt(0) };
  if (/[a-z]/i.test(char)) return { code: `Key${char.toUpperCase()}`, keyCode: char.toUpperCase().charCodeAt(0) };
  if (char === '-') return { code: 'Minus', keyCode: 189 };
  throw new Error(`a scan of "${char}" is not supported here`);
}

/**
 * A barcode scanner's burst: `code` then Enter as real key events, all sent at once. A
 * scanner types a few milliseconds a key; `page.keyboard.type` waits for each key's round
 * trip, which on a busy machine is slow enough to look like a person typing (and then the
 * register rightly does not take it for a scan).
 */
export async function scan(page: Page, code: string): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const keys: Record<string, unknown>[] = [];
  for (const char of code) {
    const { code: domCode, keyCode } = keyOf(char);
    const key = { key: char, code: domCode, windowsVirtualKeyCode: keyCode, modifiers: /[A-Z]/.test(char) ? 8 : 0 };
    keys.push({ type: 'keyDown', text: char, ...key }, { type: 'keyUp', ...key });
  }
  const enter = { key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 13 };
  keys.push({ type: 'keyDown', text: '\r', ...enter }, { type: 'keyUp', ...enter });
  // Sent together, not one after another: the browser queues them back to back.
  await Promise.all(keys.map((event) => cdp.send('Input.dispatchKeyEvent', event as never)));
  await cdp.detach();
}

/** The sale screen's parts as a person finds them: the products side, the cart, and what is in each. */
export function registerScreen(page: Page) {
  const products = page.getByRole('region', { name: 'Products' });
  const cart = page.getByRole('region', { name: 'Current sale' });
  return {
    products,
    cart,
    search: products.getByRole('searchbox', { name: 'Search products or scan a barcode' }),
    /** While searching: the results, a listbox the search box drives with the arrow keys. */
    results: products.getByRole('listbox', { name: 'Search results' }),
    lines: cart.getByRole('list', { name: 'Items in the sale' }).getByRole('listitem'),
    total: cart.getByTestId('cart-total').getByRole('definition'),
    tile: (name: string) => products.getByTestId('product-tile').filter({ hasText: name }),
  };
}
