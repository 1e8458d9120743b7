'use server';

import { z } from 'zod';
import { apiKeyInputSchema, apiKeyPatchSchema, createApiKey, currentDisplayPreferences, revokeApiKey, staffAction, staffRead, updateApiKey, type FormState } from '@/lib/auth';
import { fieldErrorsOf } from '@/lib/platform/errors';
import { fieldIssueWords } from '@/lib/platform/field-words';
import { instantOfWallTime } from '@/lib/platform/business-day';
import { text, texts } from '@/lib/platform/form-data';
import { refresh } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import type { CreateKeyState } from '@/components/admin/developers/api-key-create-form';
import { currentTenant } from '@/lib/tenancy';

/**
 * A key's settings as the create and edit forms send them (ApiKeySettingsFields), parsed by the
 * module's schema: the expiry day becomes the start of that day in the business's time zone, an
 * empty rate limit the default. `keep` names fields to leave out (an edit whose expiry day was not touched).
 */
type Settings<S extends z.ZodType> = { data: z.output<S> } | { invalid: { error: string; fieldErrors: Record<string, string> } };

async function settingsFrom<S extends typeof apiKeyInputSchema | typeof apiKeyPatchSchema>(schema: S, formData: FormData, keep: { expiry?: boolean } = {}): Promise<Settings<S>> {
  const tenant = await currentTenant();
  const day = text(formData, 'expiresOn');
  const expiresAt = day ? (instantOfWallTime(tenant?.timeZone ?? 'UTC', `${day}T00:00`)?.toISOString() ?? day) : null;
  const limit = text(formData, 'rateLimitPerMinute');
  const parsed = schema.safeParse({
    name: text(formData, 'name') ?? '',
    scopes: texts(formData, 'scopes'),
    ...(!keep.expiry && { expiresAt }),
    rateLimitPerMinute: limit ? Number(limit) : null,
  });
  if (parsed.success) return { data: parsed.data as z.output<S> };
  const { locale } = await currentDisplayPreferences();
  const fieldErrors = fieldErrorsOf(parsed.error.issues, (p) => (p[0] === 'expiresAt' ? 'expiresOn' : String(p[0] ?? 'form')), fieldIssueWords(locale));
  return { invalid: { error: (await getTranslations('developers'))('checkFields'), fieldErrors } };
}

/** The create form gets back the secret, this once, or what to fix. */
export async function createApiKeyAction(_prev: CreateKeyState, formData: FormData): Promise<CreateKeyState> {
  const settings = await settingsFrom(apiKeyInputSchema, formData);
  if ('invalid' in settings) return settings.invalid;
  const data = settings.data;
  return staffRead<{ secret?: string; prefix?: string }>('apikeys:manage', {}, async (ctx) => {
    const { key, secret } = await createApiKey(ctx, data);
    refresh(); // the list shows the new key (without its secret)
    return { secret, prefix: key.prefix };
  });
}

/** The edit form: every field as shown; the expiry only when its day was changed (`expiresOnWas` is the day shown). */
export async function updateApiKeyAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const settings = await settingsFrom(apiKeyPatchSchema, formData, { expiry: (text(formData, 'expiresOn') ?? '') === (text(formData, 'expiresOnWas') ?? '') });
  if ('invalid' in settings) return settings.invalid;
  const data = settings.data;
  return staffAction('apikeys:manage', z.object({ id: z.uuid() }), { id: text(formData, 'id') }, async (ctx, { id }) => {
    const key = await updateApiKey(ctx, id, data);
    return (await getTranslations('developers'))('updated', { name: key.name });
  });
}

export async function revokeApiKeyAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return staffAction('apikeys:manage', z.object({ id: z.uuid() }), { id: text(formData, 'id') }, async (ctx, { id }) => {
    const key = await revokeApiKey(ctx, id);
    return (await getTranslations('developers'))('revoked', { name: key.name });
  });
}
