'use client';

import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { SelectField, TextField } from '@/components/ui/field';
import type { FormAction } from '@/components/ui/use-form-action';
import { AddSection, ReferenceRow } from './reference-list';

export type CategoryRowData = { id: string; name: string; position: number; color: string | null; tracksStock: boolean | null; productCount: number };

/** Whether new products in the category track stock: yes, no, or the store's default (named, so nobody guesses). */
function TracksStockSelect({ value, storeDefault, error }: { value: boolean | null; storeDefault: boolean; error?: string }) {
  const t = useTranslations('admin.catalog.categories');
  return (
    <SelectField
      label={t('newItemsHere')}
      name="tracksStock"
      defaultValue={value === null ? 'store' : value ? 'yes' : 'no'}
      error={error}
      hint={t('newItemsHereHint')}
    >
      <option value="store">{t('storeDefaultOption', { track: storeDefault ? 'yes' : 'no' })}</option>
      <option value="yes">{t('trackOption')}</option>
      <option value="no">{t('noTrackOption')}</option>
    </SelectField>
  );
}

const COLOURS = [
  ['#1f9d5c', 'green'],
  ['#0891b2', 'teal'],
  ['#2563eb', 'blue'],
  ['#7c3aed', 'purple'],
  ['#db2777', 'pink'],
  ['#dc2626', 'red'],
  ['#ea580c', 'orange'],
  ['#ca8a04', 'yellow'],
  ['#78716c', 'brown'],
  ['#475569', 'grey'],
] as const;

/** Register buttons of the category use its colour; a known name reads better than a hex code. */
function ColourSelect({ value, error }: { value: string | null; error?: string }) {
  const t = useTranslations('admin.catalog.categories');
  const custom = value && !COLOURS.some(([hex]) => hex.toLowerCase() === value.toLowerCase());
  return (
    <SelectField label={t('colour')} name="color" defaultValue={value ?? ''} error={error}>
      <option value="">{t('none2')}</option>
      {custom && <option value={value}>{t('custom', { value })}</option>}
      {COLOURS.map(([hex, name]) => (
        <option key={hex} value={hex}>
          {t(name)}
        </option>
      ))}
    </SelectField>
  );
}

function Swatch({ color }: { color: string | null }) {
  return (
    <span
      aria-hidden="true"
      className="inline-block size-4 shrink-0 rounded-full ring-1 ring-slate-300"
      style={{ background: color ?? 'repeating-linear-gradient(45deg,#f1f5f9 0 3px,#e2e8f0 3px 6px)' }}
    />
  );
}

export function CategoryAddForm({ nextPosition, storeDefault, addCategoryAction }: { nextPosition: number; storeDefault: boolean; addCategoryAction: FormAction }) {
  const t = useTranslations('admin.catalog.categories');
  return (
    <AddSection id="add-category" title={t('addTitle')} action={addCategoryAction}>
      {({ fieldErrors: fe, pending }) => (
        <div className="grid gap-4 sm:grid-cols-[1fr_8rem_10rem_14rem_auto] sm:items-start">
          <TextField label={t('name')} name="name" required maxLength={60} autoComplete="off" error={fe.name} />
          <TextField
            key={nextPosition}
            label={t('position')}
            name="position"
            inputMode="numeric"
            defaultValue={String(nextPosition)}
            error={fe.position}
          />
          <ColourSelect value={null} error={fe.color} />
          <TracksStockSelect value={null} storeDefault={storeDefault} error={fe.tracksStock} />
          <div className="sm:pt-6">
            <Button type="submit" disabled={pending}>
              {pending ? t('adding') : t('add')}
            </Button>
          </div>
        </div>
      )}
    </AddSection>
  );
}

/** One category: read-only, or its edit form, plus delete with a confirm step. */
export function CategoryRow({
  category,
  storeDefault,
  canWrite,
  updateCategoryAction,
  deleteCategoryAction,
}: {
  category: CategoryRowData;
  /** The store's track-stock default, which a category without its own setting follows. */
  storeDefault: boolean;
  canWrite: boolean;
  updateCategoryAction: FormAction;
  deleteCategoryAction: FormAction;
}) {
  const t = useTranslations('admin.catalog.categories');
  return (
    <ReferenceRow
      item={category}
      testId="category-row"
      leading={<Swatch color={category.color} />}
      summary={t('rowLine', {
        position: category.position,
        products: category.productCount,
        track: (category.tracksStock ?? storeDefault) ? 'yes' : 'no',
        storeDefault: category.tracksStock === null ? 'yes' : 'no',
      })}
      canWrite={canWrite}
      updateAction={updateCategoryAction}
      deleteAction={deleteCategoryAction}
      consequence={category.productCount === 0 ? t('deleteEmpty') : t('deleteProducts', { count: category.productCount })}
      gridClassName="sm:grid-cols-[1fr_8rem_10rem_14rem]"
      fields={(fe) => (
        <>
          <TextField label={t('name')} name="name" defaultValue={category.name} required maxLength={60} autoComplete="off" error={fe.name} />
          <TextField label={t('position')} name="position" inputMode="numeric" defaultValue={String(category.position)} error={fe.position} hint={t('lowerFirst')} />
          <ColourSelect value={category.color} error={fe.color} />
          <TracksStockSelect value={category.tracksStock} storeDefault={storeDefault} error={fe.tracksStock} />
        </>
      )}
    />
  );
}
