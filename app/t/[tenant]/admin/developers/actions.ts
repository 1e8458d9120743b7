'use server';

import { z } from 'zod';
import { apiKeyInputSchema, createApiKey, currentDisplayPreferences, revokeApiKey, staffAction, staffRead, type FormState } from '@/lib/auth';
import { fieldErrorsOf } from '@/lib/platform/errors';
import { fieldIssueWords } from '@/lib/platform/field-words';
import { instantOfWallTime } from '@/lib/platform/business-day';
import { text, texts } from '@/lib/platform/form-data';
import { refresh } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import type { CreateKeyState } from '@/components/admin/developers/api-key-create-form';
import { currentTenant } from '@/lib/tenancy';

/** The create form gets back the secret, this once, or what to fix. */
export async function createApiKeyAction(_prev: CreateKeyState, formData: FormData): Promise<CreateKeyState> {
  const tenant = await currentTenant();
  const day = text(formData, 'expiresOn');
  // The key stops working at the start of that day in the business's time zone.
  const expiresAt = day ? (instantOfWallTime(tenant?.timeZone ?? 'UTC', `${day}T00:00`)?.toISOString() ?? day) : null;
  const limit = text(formData, 'rateLimitPerMinute');
  const parsed = apiKeyInputSchema.safeParse({
    name: text(formData, 'name') ?? '',
    scopes: texts(formData, 'scopes'),
    expiresAt,
    rateLimitPerMinute: limit ? Number(limit) : null,
  });
  if (!parsed.success) {
    const { locale } = await currentDisplayPreferences();
    const fieldErrors = fieldErrorsOf(parsed.error.issues, (p) => (p[0] === 'expiresAt' ? 'expiresOn' : String(p[0] ?? 'form')), fieldIssueWords(locale));
    return { error: (await getTranslations('developers'))('checkFields'), fieldErrors };
  }
  return staffRead<{ secret?: string; prefix?: string }>('apikeys:manage', {}, async (ctx) => {
    const { key, secret } = await createApiKey(ctx, parsed.data);
    refresh(); // the list shows the new key (without its secret)
    return { secret, prefix: key.prefix };
  });
}

export async function revokeApiKeyAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return staffAction('apikeys:manage', z.object({ id: z.uuid() }), { id: text(formData, 'id') }, async (ctx, { id }) => {
    const key = await revokeApiKey(ctx, id);
    return (await getTranslations('developers'))('revoked', { name: key.name });
  });
}
