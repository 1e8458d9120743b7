'use server';

import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { staffAction, type FormState } from '@/lib/auth';
import { AppError } from '@/lib/platform/errors';
import { tablePatchSchema, updateTable } from '@/lib/restaurant';
import { text } from '@/lib/platform/form-data';

/**
 * Seat guests, mark a table for cleaning, or free it: any staff member may (tables:operate).
 * Only status and covers are sent, so this can never change the floor plan.
 */
export async function setTableStatusAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const status = text(formData, 'status');
  const coversText = text(formData, 'covers');
  const patch = {
    status,
    ...(status === 'occupied' && { covers: coversText === undefined ? 0 : Number(coversText) }),
  };
  const state = await staffAction('tables:operate', tablePatchSchema, patch, async (ctx, data) => {
    const id = z.uuid().safeParse(text(formData, 'id'));
    if (!id.success) throw new AppError('not_found', 'Table not found');
    const table = await updateTable(ctx, id.data, data);
    const t = await getTranslations('floor');
    if (table.status === 'occupied') return t('nowOccupied', { table: table.name, covers: table.covers });
    return table.status === 'free' ? t('nowFree', { table: table.name }) : t('nowNeedsCleaning', { table: table.name });
  });
  if (state?.fieldErrors?.covers?.startsWith('Invalid input')) state.fieldErrors.covers = (await getTranslations('floor'))('enterGuests');
  return state;
}
