import { expect, test } from '@playwright/test';
import { cspViolations, DEMO, hydrated, signIn, tenantUrl } from './support';

// The owner makes an API key in Admin › Developers, sees its secret once, an integration uses it
// with `Authorization: Bearer`, the owner edits its scopes and the key follows them, then revokes it and it stops working. /developers shows the
// API reference with the app's own copy of Scalar: no request leaves the store's host.
test('an owner creates an API key, it works with its scope only, an edit changes what it may do, and revoking ends it', async ({ page }) => {
  test.setTimeout(120_000);
  let name = `Books sync ${Date.now().toString(36)}`;
  await signIn(page, DEMO.slug, DEMO.owner.email, DEMO.password);
  await expect(page).toHaveURL(tenantUrl(DEMO.slug, '/admin'));
  await page.goto(tenantUrl(DEMO.slug, '/admin/developers'));
  await expect(page.getByRole('heading', { level: 1, name: 'Developers' })).toBeVisible();

  const form = page.getByRole('region', { name: 'Create an API key' });
  await hydrated(form.getByRole('button', { name: 'Create key' }));
  await form.getByLabel('Name').fill(name);
  await form.getByLabel('catalog:read').check();
  await form.getByRole('button', { name: 'Create key' }).click();
  const secretBox = form.getByTestId('new-api-key');
  await expect(secretBox).toHaveText(/^tw_live_[0-9a-f]{12}_/);
  const secret = (await secretBox.textContent())!;
  await expect(form.getByRole('button', { name: 'Copy' })).toBeVisible();

  const row = page.getByTestId('api-key-row').filter({ hasText: name });
  await expect(row).toContainText(`tw_live_${/^tw_live_([0-9a-f]{12})_/.exec(secret)![1]}_…`); // the prefix, read by the format (the random part has '_' too)
  await expect(row).toContainText('catalog:read');
  await expect(row).toContainText('Active');
  await expect(row).not.toContainText(secret);

  // As an integration would call (no cookie), from the store's page: Node cannot resolve *.localhost.
  const call = (path: string) =>
    page.evaluate(async ([p, key]) => (await fetch(p!, { credentials: 'omit', headers: { authorization: `Bearer ${key}` } })).status, [path, secret]);
  expect(await call('/api/v1/products')).toBe(200);
  expect(await call('/api/v1/orders')).toBe(403);
  expect(await call('/api/v1/api-keys')).toBe(403);

  // The page forgets the secret: a reload shows the key's prefix only.
  await page.reload();
  await expect(page.getByTestId('new-api-key')).toHaveCount(0);
  await expect(page.getByTestId('api-key-row').filter({ hasText: name })).toContainText('Active');

  // The owner edits it: other scopes and a new name; the key's secret stays and acts with the new scopes.
  await page.getByTestId('api-key-row').filter({ hasText: name }).getByRole('link', { name: `Edit ${name}` }).click();
  const editForm = page.getByRole('region', { name: `Edit ${name}` });
  await hydrated(editForm.getByRole('button', { name: 'Save changes' }));
  await expect(editForm.getByLabel('catalog:read')).toBeChecked();
  await expect(editForm.getByLabel('Name')).toHaveValue(name);
  name = `${name} v2`;
  await editForm.getByLabel('Name').fill(name);
  await editForm.getByLabel('catalog:read').uncheck();
  await editForm.getByLabel('orders:read').check();
  await editForm.getByRole('button', { name: 'Save changes' }).click();
  await expect(editForm.getByText(`${name} was saved.`)).toBeVisible();
  await expect(page.getByTestId('api-key-row').filter({ hasText: name })).toContainText('orders:read');
  await expect(page.getByTestId('api-key-row').filter({ hasText: name })).not.toContainText('catalog:read');
  expect(await call('/api/v1/products')).toBe(403);
  expect(await call('/api/v1/orders')).toBe(200);

  const revoke = page.getByTestId('api-key-row').filter({ hasText: name }).getByRole('button', { name: `Revoke ${name}` });
  await hydrated(revoke);
  await revoke.click();
  await expect(page.getByText(`${name} was revoked.`)).toBeVisible();
  await expect(page.getByTestId('api-key-row').filter({ hasText: name })).toContainText('Revoked');
  expect(await call('/api/v1/orders')).toBe(401);
});

test('/developers renders the OpenAPI document with Scalar, from this host only, under the CSP', async ({ page }) => {
  const elsewhere: string[] = [];
  page.on('request', (req) => {
    const host = new URL(req.url()).host;
    if (!host.startsWith(`${DEMO.slug}.`)) elsewhere.push(req.url());
  });
  const violations = cspViolations(page);
  const response = await page.goto(tenantUrl(DEMO.slug, '/developers'));
  expect(response?.status()).toBe(200);
  await expect(page).toHaveTitle(`${DEMO.name} API reference`);
  await expect(page.getByText('Tillwise API').first()).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText('/api/v1/orders').first()).toBeVisible();
  expect(elsewhere).toEqual([]);
  expect(violations).toEqual([]);
});
