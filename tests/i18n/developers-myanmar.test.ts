import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { ApiKeyCreateForm } from '@/components/admin/developers/api-key-create-form';
import { ApiKeyEditForm } from '@/components/admin/developers/api-key-edit-form';
import { scopeMessageKey } from '@/components/admin/developers/api-key-fields';
import { ApiKeyTable } from '@/components/admin/developers/api-key-table';
import { SCOPES } from '@/lib/auth/api-scopes';
import { translatorFor } from '@/lib/platform/i18n';
import type { Locale } from '@/lib/platform/locale';
import { renderStrict } from './render-strict';

/** Admin › Developers in both languages, every key found (next-intl throwing on a missing one), every scope described. */
const noAction = async () => null;
const keys = [
  { id: 'k1', name: 'Books sync', prefix: '0123456789ab', scopes: ['orders:read'], rateLimitPerMinute: 600, status: 'active' as const, createdAt: '3 Dec 2026', lastUsedAt: null, expiresAt: null },
  { id: 'k2', name: 'Old importer', prefix: 'ba9876543210', scopes: ['catalog:write'], rateLimitPerMinute: 60, status: 'revoked' as const, createdAt: '1 Dec 2026', lastUsedAt: '2 Dec 2026', expiresAt: '1 Jan 2027' },
];
const render = (locale: Locale) =>
  renderStrict(locale, [
    createElement(ApiKeyCreateForm, { key: 'form', scopes: SCOPES, defaultRateLimit: 600, createApiKeyAction: noAction }),
    createElement(ApiKeyEditForm, {
      key: 'edit',
      apiKey: { id: 'k1', prefix: '0123456789ab', name: 'Books sync', scopes: ['orders:read'], expiresOn: '2027-01-01', rateLimitPerMinute: '' },
      scopes: SCOPES,
      defaultRateLimit: 600,
      updateApiKeyAction: noAction,
    }),
    createElement(ApiKeyTable, { key: 'table', keys, revokeApiKeyAction: noAction }),
  ]);

describe('Admin › Developers', () => {
  it('renders in Burmese', () => {
    const html = render('my');
    expect(html).toContain('API ကီး အသစ်ဖန်တီးရန်');
    expect(html).toContain('ရုပ်သိမ်းပြီး'); // "Revoked"
    expect(html).toContain('မသုံးရသေးပါ'); // "Never"
    expect(html).toContain('ပြောင်းလဲမှုများ သိမ်းရန်'); // "Save changes"
    for (const english of ['Create an API key', 'Revoked', 'Last used', 'Edit', 'Save changes']) expect(html).not.toContain(english);
  });

  it('renders in English with the words the end-to-end spec looks for', () => {
    const html = render('en');
    for (const text of ['Create an API key', 'Create key', 'Revoke', 'Active', 'Revoked', 'tw_live_0123456789ab_…', 'No expiry', 'Edit Books sync', 'Save changes']) expect(html).toContain(text);
    // The edit form shows the key's settings: its scope ticked, its expiry day.
    expect(html).toMatch(/value="orders:read"[^>]*checked|checked[^>]*value="orders:read"/);
    expect(html).toContain('value="2027-01-01"');
  });

  it('describes every scope in both languages', () => {
    for (const locale of ['en', 'my'] as const) {
      const t = translatorFor(locale, 'developers');
      for (const scope of SCOPES) expect(t(scopeMessageKey(scope)), `${locale} ${scope}`).not.toMatch(/^developers\./);
    }
  });
});
