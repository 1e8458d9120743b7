'use client';

import { useEffect } from 'react';
import { Button } from '@/components/ui/button';
import { SelectField, TextField } from '@/components/ui/field';
import { useFormAction, type FormAction } from '@/components/ui/use-form-action';
import { InlineEditForm } from '../inline-edit-form';
import { useInlineEdit } from '../use-inline-edit';
import { AddSection, RowActions } from './reference-list';
import { plural } from './format';

export type CategoryRowData = { id: string; name: string; position: number; color: string | null; tracksStock: boolean | null; productCount: number };

const onOff = (on: boolean) => (on ? 'track stock' : 'do not track stock');

/** Whether new products in the category track stock: yes, no, or the store's default (named, so nobody guesses). */
function TracksStockSelect({ value, storeDefault, error }: { value: boolean | null; storeDefault: boolean; error?: string }) {
  return (
    <SelectField
      label="New items here"
      name="tracksStock"
      defaultValue={value === null ? 'store' : value ? 'yes' : 'no'}
      error={error}
      hint="What the product form starts with. Off for made-to-order food and drinks, on for packaged goods."
    >
      <option value="store">Store default ({onOff(storeDefault)})</option>
      <option value="yes">Track stock</option>
      <option value="no">Do not track stock</option>
    </SelectField>
  );
}

const COLOURS: [string, string][] = [
  ['#1f9d5c', 'Green'],
  ['#0891b2', 'Teal'],
  ['#2563eb', 'Blue'],
  ['#7c3aed', 'Purple'],
  ['#db2777', 'Pink'],
  ['#dc2626', 'Red'],
  ['#ea580c', 'Orange'],
  ['#ca8a04', 'Yellow'],
  ['#78716c', 'Brown'],
  ['#475569', 'Grey'],
];

/** Register buttons of the category use its colour; a known name reads better than a hex code. */
function ColourSelect({ value, error }: { value: string | null; error?: string }) {
  const custom = value && !COLOURS.some(([hex]) => hex.toLowerCase() === value.toLowerCase());
  return (
    <SelectField label="Colour" name="color" defaultValue={value ?? ''} error={error}>
      <option value="">None</option>
      {custom && <option value={value}>Custom ({value})</option>}
      {COLOURS.map(([hex, name]) => (
        <option key={hex} value={hex}>
          {name}
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
  return (
    <AddSection id="add-category" title="Add a category" action={addCategoryAction}>
      {({ fieldErrors: fe, pending }) => (
        <div className="grid gap-4 sm:grid-cols-[1fr_8rem_10rem_14rem_auto] sm:items-start">
          <TextField label="Name" name="name" required maxLength={60} autoComplete="off" error={fe.name} />
          <TextField
            key={nextPosition}
            label="Position"
            name="position"
            inputMode="numeric"
            defaultValue={String(nextPosition)}
            error={fe.position}
          />
          <ColourSelect value={null} error={fe.color} />
          <TracksStockSelect value={null} storeDefault={storeDefault} error={fe.tracksStock} />
          <div className="sm:pt-6">
            <Button type="submit" disabled={pending}>
              {pending ? 'Adding…' : 'Add'}
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
  const { state, pending, onSubmit } = useFormAction(updateCategoryAction, null);
  const { editing, setEditing, fields: firstField, editButton } = useInlineEdit();
  const fe = state?.fieldErrors ?? {};

  useEffect(() => {
    if (state?.ok) setEditing(false);
  }, [state, setEditing]);

  return (
    <li className="px-4 py-3" data-testid="category-row">
      <div className="flex flex-wrap items-center gap-3">
        <Swatch color={category.color} />
        <div className="min-w-0 flex-1">
          <p className="font-medium">{category.name}</p>
          <p className="text-sm text-slate-500">
            Position {category.position} · {plural(category.productCount, 'product')} · New items{' '}
            {category.tracksStock === null ? `${onOff(storeDefault)} (store default)` : onOff(category.tracksStock)}
          </p>
        </div>
        {canWrite && !editing && (
          <RowActions
            editButton={editButton}
            onEdit={() => setEditing(true)}
            deleteAction={deleteCategoryAction}
            id={category.id}
            name={category.name}
            consequence={
                category.productCount === 0
                  ? 'No products are in it.'
                  : category.productCount === 1
                    ? 'Its one product stays in the catalog and keeps selling, but without a category.'
                    : `Its ${plural(category.productCount, 'product')} stay in the catalog and keep selling, but without a category.`
              }
          />
        )}
      </div>
      {state?.ok && !editing && (
        <p role="status" className="mt-2 text-sm text-brand-700">
          {state.ok}
        </p>
      )}
      {editing && (
        <InlineEditForm id={category.id} onSubmit={onSubmit} onCancel={() => setEditing(false)} pending={pending} error={state?.error} fields={firstField} gridClassName="sm:grid-cols-[1fr_8rem_10rem_14rem]">
          <TextField label="Name" name="name" defaultValue={category.name} required maxLength={60} autoComplete="off" error={fe.name} />
          <TextField label="Position" name="position" inputMode="numeric" defaultValue={String(category.position)} error={fe.position} hint="Lower comes first." />
          <ColourSelect value={category.color} error={fe.color} />
          <TracksStockSelect value={category.tracksStock} storeDefault={storeDefault} error={fe.tracksStock} />
        </InlineEditForm>
      )}
    </li>
  );
}
