import { expect, test } from '@playwright/test';
import { ROOT_URL, tenantUrl, hydrated } from './support';
test('scratch: yangon accepted by server when offered', async ({ page }) => {
  const slug = `e2e-s-${Date.now().toString(36)}`;
  await page.goto(`${ROOT_URL}/signup`);
  const form = page.locator('form');
  await form.getByLabel('Time zone').selectOption('Asia/Singapore');
  await hydrated(form.getByLabel('Store address'));
  await form.getByLabel('Time zone').evaluate((el: HTMLSelectElement) => { const o = document.createElement('option'); o.value = o.text = 'Asia/Yangon'; el.append(o); el.value = 'Asia/Yangon'; });
  await form.getByLabel('Business name').fill('Scratch');
  await form.getByLabel('Store address').fill(slug);
  await form.getByLabel('Your name').fill('X');
  await form.getByLabel('Email').fill(`x@${slug}.test`);
  await form.getByLabel('Password').fill('password-123');
  await page.getByRole('button', { name: 'Create business' }).click();
  await expect(page).toHaveURL(tenantUrl(slug, '/admin'));
  await expect(page.getByRole('main').getByText('Asia/Yangon', { exact: true })).toBeVisible();
});
