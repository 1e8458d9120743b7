'use server';

import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { staffAction, type FormState } from '@/lib/auth';
import { AppError } from '@/lib/platform/errors';
import { createTable, deleteTable, floorPlanSchema, saveFloorPlan, tableInputSchema, tablePatchSchema, updateTable } from '@/lib/restaurant';
import { text } from '@/lib/platform/form-data';

const int = (formData: FormData, name: string) => {
  const value = text(formData, name);
  return value === undefined ? undefined : Number(value);
};
const tableId = (formData: FormData) => {
  const id = z.uuid().safeParse(text(formData, 'id'));
  if (!id.success) throw new AppError('not_found', 'Table not found');
  return id.data;
};

export async function addTableAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const input = { name: text(formData, 'name'), seats: int(formData, 'seats'), area: text(formData, 'area'), position: int(formData, 'position') };
  return staffAction('tables:write', tableInputSchema, input, async (ctx, data) => {
      const table = await createTable(ctx, data);
      return (await getTranslations('admin.tables'))('added', { name: table.name, seats: table.seats, area: table.area });
  });
}

export async function updateTableLayoutAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const patch = { name: text(formData, 'name'), seats: int(formData, 'seats'), area: text(formData, 'area'), position: int(formData, 'position') };
  return staffAction('tables:write', tablePatchSchema, patch, async (ctx, data) => {
      const table = await updateTable(ctx, tableId(formData), data);
      return (await getTranslations('admin.tables'))('saved', { name: table.name });
  });
}

export async function deleteTableAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return staffAction('tables:write', z.object({}), {}, async (ctx) => {
    await deleteTable(ctx, tableId(formData));
    return (await getTranslations('admin.tables'))('removed');
  });
}

/** The floor plan editor's Save: every table's cell and shape, as JSON in one field. */
export async function saveFloorPlanAction(_prev: FormState, formData: FormData): Promise<FormState> {
  let plan: unknown;
  try {
    plan = JSON.parse(text(formData, 'plan') ?? '');
  } catch {
    return { error: (await getTranslations('admin.tables'))('planUnreadable') };
  }
  return staffAction('tables:write', floorPlanSchema, plan, async (ctx, data) => {
    const changed = await saveFloorPlan(ctx, data);
    const t = await getTranslations('admin.tables');
    return changed === 0 ? t('planUnchanged') : t('planSaved', { changed });
  });
}
