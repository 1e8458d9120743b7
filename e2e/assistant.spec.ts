import { expect, test, type Page } from '@playwright/test';
import { DEMO, hydrated, signIn, tenantUrl } from './support';

// The owner's assistant on the seeded demo tenant, with the built-in offline model: answers in
// English and Myanmar carry the dashboard's own figure, "86 the mohinga" changes nothing until
// approved and then greys the tile on an open register without a reload, and the chat is still
// there after a reload. The mohinga goes back on sale at the end (the register suite sells it).

const squash = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();

async function ask(page: Page, question: string): Promise<string> {
  const box = await hydrated(page.getByLabel('Your question'));
  const before = await page.getByRole('article', { name: 'Assistant' }).count();
  await box.fill(question);
  await box.press('Enter');
  const answer = page.getByRole('article', { name: 'Assistant' }).nth(before);
  await expect(answer).toBeVisible();
  await expect(page.getByRole('button', { name: 'Ask' })).toBeVisible(); // the stream ended (Stop is gone)
  return squash(await answer.textContent());
}

test('the owner asks in two languages, 86es the mohinga with an approval the register obeys live, and finds the chat after a reload', async ({ browser }) => {
  const context = await browser.newContext();
  const owner = await context.newPage();
  await signIn(owner, DEMO.slug, DEMO.owner.email, DEMO.password);
  await expect(owner).not.toHaveURL(/\/signin/);

  await owner.goto(tenantUrl(DEMO.slug, '/admin'));
  const net = squash(await owner.locator('[data-figure="net"]').textContent());
  expect(net).toMatch(/MMK/);

  await owner.goto(tenantUrl(DEMO.slug, '/admin/assistant'));
  await expect(owner.getByRole('heading', { level: 1, name: 'Assistant' })).toBeVisible();

  await test.step('English and Myanmar answers carry the dashboard’s net sales', async () => {
    expect(await ask(owner, 'What was revenue today?')).toContain(net);
    await expect(owner).toHaveURL(/\?c=[0-9a-f-]{36}$/);
    const myanmar = await ask(owner, 'ဒီနေ့ ရောင်းအား ဘယ်လောက်လဲ');
    expect(myanmar).toContain(net);
    expect(myanmar).toMatch(/[\u1000-\u109f]/);
  });

  // A register of its own (the register suite uses "Register 1"), with a shift open so it sells.
  const register = await context.newPage();
  await register.goto(tenantUrl(DEMO.slug, '/register/shift'));
  const open = register.getByRole('region', { name: 'Open a shift' });
  await hydrated(open.getByRole('button', { name: 'Open shift' }));
  await open.getByLabel('Register name').fill('Assistant till');
  await open.getByLabel('Starting cash (MMK)').fill('0');
  await open.getByRole('button', { name: 'Open shift' }).click();
  await expect(register).toHaveURL(tenantUrl(DEMO.slug, '/register'));
  // Every product, whichever menu the clock has up (the evening menu has no mohinga).
  await hydrated(register.getByRole('group', { name: 'Menus' }).getByRole('button', { name: 'All items' })).then((b) => b.click());
  const mohinga = register.getByTestId('product-tile').filter({ hasText: 'Mohinga' });
  await expect(mohinga).toBeVisible();
  await expect(mohinga).not.toContainText('Sold out');

  await test.step('“86 the mohinga” waits for approval, then the open register shows it sold out', async () => {
    await ask(owner, '86 the mohinga');
    const card = owner.getByRole('group', { name: 'Proposed change' }).last();
    await expect(card).toContainText('Mark “mohinga” sold out');
    await expect(card).toContainText('Nothing changes until you approve.');
    await register.waitForTimeout(500);
    await expect(mohinga).not.toContainText('Sold out'); // nothing happened yet
    await card.getByRole('button', { name: 'Approve' }).click();
    await expect(card).toContainText('Done.');
    await expect(owner.getByRole('article', { name: 'Assistant' }).last()).toContainText('Mohinga is marked sold out');
    await expect(mohinga).toContainText('Sold out', { timeout: 15_000 });
  });

  await test.step('after a reload the chat is still there, and listed by its first question', async () => {
    await owner.reload();
    await expect(owner.getByRole('article', { name: 'You asked' }).first()).toContainText('What was revenue today?');
    await expect(owner.getByRole('group', { name: 'Proposed change' }).last()).toContainText('Done.');
    await expect(owner.getByRole('navigation', { name: 'Your chats' }).getByRole('link', { name: /What was revenue today\?/ }).first()).toHaveAttribute('aria-current', 'page');
  });

  await test.step('the mohinga goes back on sale the same way', async () => {
    await ask(owner, 'mohinga is back');
    const card = owner.getByRole('group', { name: 'Proposed change' }).last();
    await card.getByRole('button', { name: 'Approve' }).click();
    await expect(card).toContainText('Done.');
    await expect(mohinga).not.toContainText('Sold out', { timeout: 15_000 });
  });
  await context.close();
});
