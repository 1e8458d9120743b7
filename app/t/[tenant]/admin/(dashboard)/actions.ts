'use server';

import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { staffAction, type FormState } from '@/lib/auth';
import { dismissChecklist, removeSamples } from '@/lib/onboarding';

const nothing = z.object({});

/** The owner is done with the first-day checklist (a tenant setting). */
export async function dismissChecklistAction(_prev: FormState, _formData: FormData): Promise<FormState> {
  return staffAction('settings:write', nothing, {}, async (ctx) => {
    await dismissChecklist(ctx);
    const t = await getTranslations('admin.checklist');
    return t('hidden');
  });
}

/** "Remove sample items": safe to press twice (the second time finds nothing). */
export async function removeSamplesAction(_prev: FormState, _formData: FormData): Promise<FormState> {
  return staffAction('catalog:write', nothing, {}, async (ctx) => {
    const { deleted, archived, kept } = await removeSamples(ctx);
    const t = await getTranslations('admin.checklist');
    return t('samplesRemoved', { deleted, archived, kept });
  });
}
