'use server';

import { refresh } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { staffAction, type FormState } from '@/lib/auth';
import { AppError } from '@/lib/platform/errors';
import { text } from '@/lib/platform/form-data';
import { createEndpoint, deleteEndpoint, redeliver, rotateSecret, sendTestEvent, updateEndpoint, webhookEndpointInputSchema, type ManualAttempt } from '@/lib/webhooks';

const idOf = (formData: FormData, name = 'id') => {
  const id = z.uuid().safeParse(text(formData, name));
  if (!id.success) throw new AppError('not_found', 'Not found');
  return id.data;
};

/** Adds an endpoint; `ok` is its signing secret, which the form shows this once. */
export async function addWebhookAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const input = { url: text(formData, 'url'), description: text(formData, 'description') ?? null, eventTypes: formData.getAll('eventTypes').map(String) };
  return staffAction('webhooks:write', webhookEndpointInputSchema, input, async (ctx, data) => (await createEndpoint(ctx, data)).secret);
}

export async function setWebhookEnabledAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const enabled = text(formData, 'enabled') === 'true';
  return staffAction('webhooks:write', z.object({}), {}, async (ctx) => {
    await updateEndpoint(ctx, idOf(formData), { enabled });
    const t = await getTranslations('webhooks.actions');
    return enabled ? t('turnedOn') : t('turnedOff');
  });
}

/** `ok` is the new secret, shown this once. */
export async function rotateWebhookSecretAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return staffAction('webhooks:write', z.object({}), {}, async (ctx) => (await rotateSecret(ctx, idOf(formData))).secret);
}

export async function deleteWebhookAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return staffAction('webhooks:write', z.object({}), {}, async (ctx) => {
    await deleteEndpoint(ctx, idOf(formData));
    return (await getTranslations('webhooks.actions'))('deleted');
  });
}

async function outcome(attempt: ManualAttempt): Promise<string> {
  const t = await getTranslations('webhooks.actions');
  if (attempt.succeeded) return t('answered', { status: String(attempt.status), ms: attempt.latencyMs });
  refresh(); // the failed attempt is in the log too
  throw new AppError('unprocessable', t('failed', { reason: attempt.error ?? (attempt.status === null ? t('noAnswer') : String(attempt.status)) }));
}

export async function testWebhookAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return staffAction('webhooks:write', z.object({}), {}, async (ctx) => outcome(await sendTestEvent(ctx, idOf(formData))));
}

export async function redeliverWebhookAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return staffAction('webhooks:write', z.object({}), {}, async (ctx) => outcome(await redeliver(ctx, idOf(formData))));
}
