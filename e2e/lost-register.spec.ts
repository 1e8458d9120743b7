import { expect, test } from '@playwright/test';
import { browserFetch, DEMO, hydrated, signIn, tenantUrl } from './support';

// Admin → Staff › "Registers lost or stolen?" (docs/offline.md): a manager voids every register's
// offline PIN verifiers. The button asks for the box first; once done, a register asking for its
// verifiers gets a new salt (its old ones no longer count).

const DEVICE = 'e2e-lost-register-device-0123456789';
const saltNow = async (page: import('@playwright/test').Page) => (await browserFetch(page, `/api/v1/register/pin-verifiers?device=${DEVICE}`)).body.salt as string;

test('a manager voids the offline PINs of every register from the staff page, after ticking the box', async ({ page }) => {
  await signIn(page, DEMO.slug, DEMO.manager.email, DEMO.password);
  await expect(page).not.toHaveURL(/\/signin/);
  await page.goto(tenantUrl(DEMO.slug, '/admin/staff'));
  const section = await hydrated(page.getByRole('region', { name: 'Registers lost or stolen?' }));
  const before = await saltNow(page);

  const voidAll = section.getByRole('button', { name: 'Void offline PINs on every register' });
  await voidAll.click();
  await expect(section.getByText('Tick the box to confirm')).toBeVisible();
  expect(await saltNow(page)).toBe(before);

  await section.getByLabel(/I understand/).check();
  await voidAll.click();
  await expect(section.getByRole('status').filter({ hasText: 'Offline PINs voided on every register' })).toBeVisible();
  expect(await saltNow(page)).not.toBe(before);
});
