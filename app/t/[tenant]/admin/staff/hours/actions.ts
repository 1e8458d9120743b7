'use server';

import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { addTimeClockEntry, correctTimeClockEntry, staffAction, timeClockAdditionSchema, timeClockCorrectionSchema, type FormState } from '@/lib/auth';
import { text } from '@/lib/platform/form-data';

const correction = timeClockCorrectionSchema.extend({ id: z.uuid() });

/** A manager corrects an entry's times (an empty clock-out leaves it open), with a reason. */
export async function correctEntryAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const input = { id: text(formData, 'id'), clockedInAt: text(formData, 'clockedInAt'), clockedOutAt: text(formData, 'clockedOutAt') ?? null, reason: text(formData, 'reason') };
  return staffAction('timeclock:manage', correction, input, async (ctx, { id, ...data }) => {
    const entry = await correctTimeClockEntry(ctx, id, data);
    return (await getTranslations('admin.hours'))('correctedDone', { name: entry.name });
  });
}

/** A manager adds hours someone forgot to clock, with a reason. */
export async function addHoursAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const input = { userId: text(formData, 'userId'), clockedInAt: text(formData, 'clockedInAt'), clockedOutAt: text(formData, 'clockedOutAt'), reason: text(formData, 'reason') };
  return staffAction('timeclock:manage', timeClockAdditionSchema, input, async (ctx, data) => {
    const entry = await addTimeClockEntry(ctx, data);
    return (await getTranslations('admin.hours'))('addedDone', { name: entry.name });
  });
}
