'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button, buttonClass } from '@/components/ui/button';
import { CheckboxField, SelectField, TextAreaField, TextField } from '@/components/ui/field';
import { useFormAction, type FormAction } from '@/components/ui/use-form-action';
import { ProductPhotoUpload } from './product-photo-upload';
import {
  ATTRIBUTE_TYPES,
  emptyAttribute,
  emptyVariant,
  type AttributeDraft,
  type AttributeType,
  type ModifierGroupChoice,
  type NamedItem,
  type ProductDraft,
  type StockDefaults,
  type VariantDraft,
} from './drafts';

/** The message of each attribute type's name. */
const TYPE_KEYS = { text: 'typeText', number: 'typeNumber', boolean: 'typeBoolean', list: 'typeList' } as const satisfies Record<AttributeType, string>;

type Props = {
  /** Absent: a new product. */
  productId?: string;
  initial: ProductDraft;
  /** Changes when the stored product changes (after a save): the form then shows what is stored. */
  version?: string;
  currency: string;
  categories: NamedItem[];
  taxClasses: (NamedItem & { rate: string })[];
  modifierGroups: ModifierGroupChoice[];
  /** A new product only: track stock follows the category picked until it is ticked by hand. */
  stockDefaults?: StockDefaults;
  canWrite: boolean;
  saveProductAction: FormAction;
};

/**
 * The product editor. Everything lives in one draft that is sent as a JSON `payload`; the
 * server action converts prices and validates with the catalog's schema, and its field
 * errors come back keyed like `variants.0.sku`.
 */
export function ProductForm({ productId, initial, version, currency, categories, taxClasses, modifierGroups, stockDefaults, canWrite, saveProductAction }: Props) {
  const t = useTranslations('productEditor');
  const { state, pending, onSubmit } = useFormAction(saveProductAction, null);
  const [draft, setDraft] = useState(initial);
  const [seenVersion, setSeenVersion] = useState(version);
  const [stockTouched, setStockTouched] = useState(false);
  // After a save the page re-renders with the stored product (new variants now have ids).
  if (version !== seenVersion) {
    setSeenVersion(version);
    setDraft(initial);
  }
  const fe = state?.fieldErrors ?? {};
  const formRef = useRef<HTMLFormElement>(null);
  const messageRef = useRef<HTMLDivElement>(null);
  const nextKey = useRef(0);
  const [focusId, setFocusId] = useState<string | null>(null);
  const newKey = (prefix: string) => `${prefix}new${++nextKey.current}`;

  useEffect(() => {
    if (!state) return;
    // After an error, go to the first field to fix (or the message); after success, the message.
    const invalid = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    (state.error && invalid ? invalid : messageRef.current)?.focus();
  }, [state]);

  useEffect(() => {
    if (!focusId) return;
    document.getElementById(focusId)?.focus();
    setFocusId(null);
  }, [focusId]);

  const set = <K extends keyof ProductDraft>(key: K, value: ProductDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const setVariant = (key: string, patch: Partial<VariantDraft>) =>
    setDraft((d) => ({ ...d, variants: d.variants.map((v) => (v.key === key ? { ...v, ...patch } : v)) }));
  const setAttribute = (key: string, patch: Partial<AttributeDraft>) =>
    setDraft((d) => ({ ...d, attributes: d.attributes.map((a) => (a.key === key ? { ...a, ...patch } : a)) }));

  const addVariant = () => {
    const key = newKey('v');
    setDraft((d) => ({ ...d, variants: [...d.variants, emptyVariant(key)] }));
    setFocusId(`variant-${key}-name`);
  };
  const removeVariant = (key: string) => {
    setDraft((d) => ({ ...d, variants: d.variants.filter((v) => v.key !== key) }));
    setFocusId('add-variant');
  };
  const addAttribute = () => {
    const key = newKey('a');
    setDraft((d) => ({ ...d, attributes: [...d.attributes, emptyAttribute(key)] }));
    setFocusId(`attribute-${key}-name`);
  };
  const removeAttribute = (key: string) => {
    setDraft((d) => ({ ...d, attributes: d.attributes.filter((a) => a.key !== key) }));
    setFocusId('add-attribute');
  };
  /** A new product takes the category's stock default, unless "Track stock" was set by hand. */
  const pickCategory = (categoryId: string) =>
    setDraft((d) => {
      if (!stockDefaults || stockTouched) return { ...d, categoryId };
      const trackStock = categoryId ? (stockDefaults.byCategory[categoryId] ?? stockDefaults.withoutCategory) : stockDefaults.withoutCategory;
      return { ...d, categoryId, trackStock, allowNegativeStock: trackStock && d.allowNegativeStock };
    });
  const categoryName = categories.find((c) => c.id === draft.categoryId)?.name;
  const on = draft.trackStock ? 'yes' : 'no';
  const stockHint =
    stockDefaults && !stockTouched
      ? categoryName
        ? t('stockHintInCategory', { on, category: categoryName })
        : t('stockHintNoCategory', { on })
      : t('stockHint');

  const toggleGroup = (id: string, on: boolean) =>
    set('modifierGroupIds', on ? [...draft.modifierGroupIds, id] : draft.modifierGroupIds.filter((g) => g !== id));

  return (
    <form ref={formRef} onSubmit={onSubmit} className="space-y-6" noValidate>
      {productId && <input type="hidden" name="id" value={productId} />}
      <input type="hidden" name="payload" value={JSON.stringify(draft)} />

      <div ref={messageRef} tabIndex={-1} id="product-form-message" className="outline-none">
        {state?.error && <Alert tone="error">{state.error}</Alert>}
        {state?.ok && <Alert tone="success">{state.ok}</Alert>}
      </div>

      <fieldset disabled={!canWrite} className="space-y-6">
        <Section title={t('details')}>
          <div className="grid gap-4 sm:grid-cols-2">
            <div className="sm:col-span-2">
              <TextField label={t('name')} value={draft.name} onChange={(e) => set('name', e.target.value)} required maxLength={120} error={fe.name} />
            </div>
            <div className="sm:col-span-2">
              <TextField
                label={t('altName')}
                lang="my"
                value={draft.altName}
                onChange={(e) => set('altName', e.target.value)}
                maxLength={120}
                hint={fe.altName ? undefined : t('altNameHint')}
                error={fe.altName}
              />
            </div>
            <div className="sm:col-span-2">
              <TextAreaField
                label={t('description')}
                value={draft.description}
                onChange={(e) => set('description', e.target.value)}
                rows={3}
                maxLength={2000}
                error={fe.description}
              />
            </div>
            <SelectField label={t('category')} value={draft.categoryId} onChange={(e) => pickCategory(e.target.value)} error={fe.categoryId}>
              <option value="">{t('noCategory')}</option>
              {categories.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </SelectField>
            <SelectField label={t('taxClass')} value={draft.taxClassId} onChange={(e) => set('taxClassId', e.target.value)} error={fe.taxClassId}>
              <option value="">{t('noTax')}</option>
              {taxClasses.map((tc) => (
                <option key={tc.id} value={tc.id}>
                  {t('taxOption', { name: tc.name, rate: tc.rate })}
                </option>
              ))}
            </SelectField>
            <div className="sm:col-span-2">
              <ProductPhotoUpload productId={productId} photoUrl={draft.photoUrl} onUploaded={(url) => set('photoUrl', url)} disabled={!canWrite} />
            </div>
            <TextField
              label={t('photoUrl')}
              type="url"
              inputMode="url"
              placeholder="https://…"
              value={draft.photoUrl}
              onChange={(e) => set('photoUrl', e.target.value)}
              error={fe.photoUrl}
            />
            <SelectField
              label={t('status')}
              value={draft.status}
              onChange={(e) => set('status', e.target.value === 'archived' ? 'archived' : 'active')}
              error={fe.status}
              hint={draft.status === 'archived' ? t('archivedHint') : undefined}
            >
              <option value="active">{t('statusActive')}</option>
              <option value="archived">{t('statusArchived')}</option>
            </SelectField>
            <div className="sm:col-span-2">
              <CheckboxField
                label={t('openPrice')}
                checked={draft.openPrice}
                onChange={(e) => set('openPrice', e.target.checked)}
                hint={t('openPriceHint')}
                error={fe.openPrice}
              />
            </div>
          </div>
        </Section>

        <Section title={t('stock')}>
          <div className="space-y-3">
            <CheckboxField
              label={t('trackStock')}
              checked={draft.trackStock}
              onChange={(e) => {
                setStockTouched(true);
                set('trackStock', e.target.checked);
              }}
              hint={stockHint}
              error={fe.trackStock}
            />
            <CheckboxField
              label={t('allowNegative')}
              checked={draft.allowNegativeStock}
              disabled={!draft.trackStock}
              onChange={(e) => set('allowNegativeStock', e.target.checked)}
              hint={t('allowNegativeHint')}
              error={fe.allowNegativeStock}
            />
          </div>
        </Section>

        <Section
          title={t('variants')}
          description={t('variantsIntro', { currency })}
        >
          {fe.variants && <p className="text-sm text-red-700">{fe.variants}</p>}
          <ol className="space-y-3">
            {draft.variants.map((v, i) => {
              const err = (field: string) => fe[`variants.${i}.${field}`];
              return (
                <li key={v.key}>
                  <fieldset className="rounded-lg border border-slate-200 bg-slate-50/60 p-4">
                    <legend className="px-1 text-sm font-semibold text-slate-700">
                      {t('variantLegend', { number: i + 1 })}
                      {v.name.trim() && <span className="font-normal text-slate-500"> — {v.name.trim()}</span>}
                    </legend>
                    <div className="grid gap-3 sm:grid-cols-2 xl:grid-cols-[1fr_1fr_1.4fr_9rem_9rem]">
                      <TextField
                        id={`variant-${v.key}-name`}
                        label={t('variantName')}
                        placeholder={t('variantNamePlaceholder')}
                        value={v.name}
                        onChange={(e) => setVariant(v.key, { name: e.target.value })}
                        maxLength={80}
                        error={err('name')}
                      />
                      <TextField
                        label={t('sku')}
                        value={v.sku}
                        onChange={(e) => setVariant(v.key, { sku: e.target.value })}
                        required
                        autoCapitalize="characters"
                        spellCheck={false}
                        maxLength={64}
                        error={err('sku')}
                      />
                      <TextField
                        label={t('barcodes')}
                        value={v.barcodes}
                        onChange={(e) => setVariant(v.key, { barcodes: e.target.value })}
                        spellCheck={false}
                        hint={err('barcodes') ? undefined : t('barcodesHint')}
                        error={err('barcodes')}
                      />
                      <TextField
                        label={t('price', { currency })}
                        value={v.price}
                        onChange={(e) => setVariant(v.key, { price: e.target.value })}
                        inputMode="decimal"
                        required
                        error={err('price')}
                      />
                      <TextField
                        label={t('cost', { currency })}
                        value={v.cost}
                        onChange={(e) => setVariant(v.key, { cost: e.target.value })}
                        inputMode="decimal"
                        hint={err('cost') ? undefined : t('costHint')}
                        error={err('cost')}
                      />
                    </div>
                    {draft.variants.length > 1 && (
                      <div className="mt-3 text-right">
                        <Button variant="ghost" onClick={() => removeVariant(v.key)} aria-label={t('removeVariant', { number: i + 1 })}>
                          {t('remove')}
                        </Button>
                      </div>
                    )}
                  </fieldset>
                </li>
              );
            })}
          </ol>
          <Button id="add-variant" variant="secondary" onClick={addVariant} disabled={draft.variants.length >= 100}>
            {t('addVariant')}
          </Button>
        </Section>

        <Section title={t('modifierGroups')} description={t('modifierGroupsIntro')}>
          {fe.modifierGroupIds && <p className="text-sm text-red-700">{fe.modifierGroupIds}</p>}
          {modifierGroups.length === 0 ? (
            <p className="text-sm text-slate-600">
              {t.rich('noModifierGroups', {
                link: (chunks) => (
                  <Link href="/admin/catalog/modifiers" className="font-semibold text-brand-700 underline">
                    {chunks}
                  </Link>
                ),
              })}
            </p>
          ) : (
            <div className="grid gap-3 sm:grid-cols-2">
              {modifierGroups.map((g) => (
                <CheckboxField
                  key={g.id}
                  label={g.name}
                  hint={g.summary}
                  checked={draft.modifierGroupIds.includes(g.id)}
                  onChange={(e) => toggleGroup(g.id, e.target.checked)}
                />
              ))}
            </div>
          )}
        </Section>

        <Section title={t('attributes')} description={t('attributesIntro')}>
          {fe.attributes && <p className="text-sm text-red-700">{fe.attributes}</p>}
          {draft.attributes.length === 0 ? (
            <p className="text-sm text-slate-600">{t('noAttributes')}</p>
          ) : (
            <ul className="space-y-3">
              {draft.attributes.map((a, i) => (
                <li key={a.key} className="grid items-start gap-3 sm:grid-cols-[1fr_9.5rem_1fr_auto]">
                  <TextField
                    id={`attribute-${a.key}-name`}
                    label={t('attributeName', { number: i + 1 })}
                    value={a.name}
                    onChange={(e) => setAttribute(a.key, { name: e.target.value })}
                    maxLength={64}
                    error={fe[`attributes.${i}.name`]}
                  />
                  <SelectField
                    label={t('attributeType')}
                    value={a.type}
                    onChange={(e) => {
                      const type = e.target.value as AttributeType;
                      setAttribute(a.key, { type, value: type === 'boolean' ? (a.value === 'false' ? 'false' : 'true') : a.value });
                    }}
                  >
                    {ATTRIBUTE_TYPES.map((type) => (
                      <option key={type.value} value={type.value}>
                        {t(TYPE_KEYS[type.value])}
                      </option>
                    ))}
                  </SelectField>
                  {a.type === 'boolean' ? (
                    <SelectField label={t('attributeValue')} value={a.value} onChange={(e) => setAttribute(a.key, { value: e.target.value })} error={fe[`attributes.${i}.value`]}>
                      <option value="true">{t('yes')}</option>
                      <option value="false">{t('no')}</option>
                    </SelectField>
                  ) : (
                    <TextField
                      label={t('attributeValue')}
                      value={a.value}
                      onChange={(e) => setAttribute(a.key, { value: e.target.value })}
                      inputMode={a.type === 'number' ? 'decimal' : undefined}
                      placeholder={a.type === 'list' ? t('listPlaceholder') : undefined}
                      error={fe[`attributes.${i}.value`]}
                    />
                  )}
                  <div className="sm:pt-6">
                    <Button variant="ghost" onClick={() => removeAttribute(a.key)} aria-label={t('removeAttribute', { number: i + 1 })}>
                      {t('remove')}
                    </Button>
                  </div>
                </li>
              ))}
            </ul>
          )}
          <Button id="add-attribute" variant="secondary" onClick={addAttribute} disabled={draft.attributes.length >= 50}>
            {t('addAttribute')}
          </Button>
        </Section>
      </fieldset>

      <div className="flex flex-wrap items-center gap-3 border-t border-slate-200 pt-5">
        {canWrite && (
          <Button type="submit" disabled={pending}>
            {pending ? t('saving') : productId ? t('saveChanges') : t('addProduct')}
          </Button>
        )}
        <Link href="/admin/catalog" className={buttonClass('secondary')}>
          {canWrite ? t('cancel') : t('backToProducts')}
        </Link>
        {pending && (
          <span role="status" className="text-sm text-slate-600">
            {t('savingProduct')}
          </span>
        )}
      </div>
    </form>
  );
}

function Section({ title, description, children }: { title: string; description?: string; children: ReactNode }) {
  const id = useId(); // not from the title: a Burmese title has no word characters to make it unique
  return (
    <section aria-labelledby={id} className="space-y-4 rounded-xl border border-slate-200 bg-white p-5">
      <div>
        <h2 id={id} className="text-lg font-semibold">
          {title}
        </h2>
        {description && <p className="text-sm text-slate-600">{description}</p>}
      </div>
      {children}
    </section>
  );
}
