import { expect, test, type Page } from '@playwright/test';
import { browserFetch, DEMO, hydrated, openDemoShift, signIn, tenantUrl } from './support';

// The register in Burmese (docs/i18n.md): the owner opens a shift in English (the default, so
// every other spec keeps its English selectors), finds Mohinga by its Burmese name, switches
// their own language to Myanmar, and the page reads in Burmese in the bundled Myanmar font —
// glyphs, not boxes. The owner's language is set back to the store's afterwards.

const CURRENCY = 'MMK';
const MOHINGA_MY = 'မုန့်ဟင်းခါး';

async function chooseLanguage(page: Page, value: '' | 'en' | 'my') {
  const select = await hydrated(page.getByTestId('language-switch'));
  await select.selectOption(value);
}

test.describe('a Burmese interface', () => {
  const registerName = `I18n ${Date.now().toString(36)}`;
  let page: Page;

  test.beforeAll(async ({ browser }) => {
    page = await (await browser.newContext()).newPage();
    await signIn(page, DEMO.slug, DEMO.owner.email, DEMO.password);
    await expect(page).not.toHaveURL(/\/signin/);
    await page.goto(tenantUrl(DEMO.slug, '/register'));
    await page.evaluate((name) => window.localStorage.setItem('tillwise.registerName', name), registerName);
    await openDemoShift(page, registerName, CURRENCY);
  });

  test.afterAll(async () => {
    await page.goto(tenantUrl(DEMO.slug, '/register'));
    await chooseLanguage(page, '');
    await expect(page.getByRole('link', { name: 'Orders', exact: true })).toBeVisible();
    const shift = await browserFetch(page, `/api/v1/shifts?register=${encodeURIComponent(registerName)}`);
    if (shift.status === 200) {
      const report = await browserFetch(page, `/api/v1/shifts/${shift.body.id}/report`);
      await browserFetch(page, `/api/v1/shifts/${shift.body.id}/close`, { method: 'POST', json: { countedCash: report.body.expectedCash } });
    }
    await page.context().close();
  });

  test('finds an item by its Burmese name, switches to Myanmar, and renders real glyphs', async () => {
    // Search in Burmese script finds the romanised item.
    const search = await hydrated(page.locator('#register-search'));
    await search.fill(MOHINGA_MY);
    const tile = page.getByTestId('product-tile').filter({ hasText: 'Mohinga' });
    await expect(tile).toHaveCount(1);
    await expect(tile.getByTestId('tile-alt-name')).toHaveText(MOHINGA_MY);
    await search.fill('');

    await chooseLanguage(page, 'my');
    await expect(page.locator('html')).toHaveAttribute('lang', 'my');
    await expect(page.getByRole('link', { name: 'အော်ဒါများ', exact: true })).toBeVisible(); // "Orders"
    await expect(page.getByTestId('cart').getByRole('heading', { name: /လက်ရှိ အရောင်း/ })).toBeVisible(); // "Current sale"
    await expect(page.getByRole('button', { name: 'ထွက်ရန်' })).toBeVisible(); // "Sign out"

    const glyphs = await page.evaluate(async (burmese) => {
      const face = '16px "Noto Sans Myanmar"';
      await document.fonts.load(face, burmese);
      const measure = (text: string) => {
        const span = document.createElement('span');
        span.style.cssText = 'position:absolute;white-space:nowrap;font-size:32px;font-family:inherit';
        span.textContent = text;
        document.body.appendChild(span);
        const width = span.getBoundingClientRect().width;
        span.remove();
        return width;
      };
      // As many code points, all unassigned (U+2FE0…, between the ideographic description characters and CJK symbols): no font has them, so they draw as boxes.
      const unknown = Array.from({ length: [...burmese].length }, (_, i) => String.fromCodePoint(0x2fe0 + (i % 16))).join('');
      return { burmese: measure(burmese), unknown: measure(unknown), loaded: document.fonts.check(face, burmese), family: getComputedStyle(document.body).fontFamily };
    }, MOHINGA_MY);
    expect(glyphs.family).toContain('Noto Sans Myanmar');
    expect(glyphs.loaded).toBe(true);
    expect(glyphs.burmese).toBeGreaterThan(0);
    expect(Math.abs(glyphs.burmese - glyphs.unknown)).toBeGreaterThan(1);
  });
});
