'use client';

import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useRef, useState, type ReactNode } from 'react';
import { SearchPicker } from '@/components/admin/search-picker';
import { Alert } from '@/components/ui/alert';
import { Button, buttonClass } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { useFormAction, type FormAction } from '@/components/ui/use-form-action';
import { dayFullName, dayName, endsNextDay, WEEK } from './availability';

type ProductRef = { id: string; name: string };
export type EditableMenu = {
  id: string;
  name: string;
  description: string | null;
  isActive: boolean;
  availability: { days: number[]; start: string; end: string }[];
  sections: { id: string; name: string; products: ProductRef[] }[];
  /** Changes when the stored menu changes (after a save): the editor reloads from it. */
  version: string;
};

type WindowDraft = { key: string; days: number[]; start: string; end: string };
type SectionDraft = { key: string; id?: string; name: string; products: ProductRef[] };

const PRESETS = [
  { label: 'weekdays', days: [1, 2, 3, 4, 5] },
  { label: 'weekend', days: [6, 7] },
  { label: 'everyDay', days: [1, 2, 3, 4, 5, 6, 7] },
] as const;

let counter = 0;
const nextKey = () => `k${++counter}`;

const draftsOf = (menu: EditableMenu | null) => ({
  name: menu?.name ?? '',
  description: menu?.description ?? '',
  isActive: menu?.isActive ?? true,
  windows: (menu?.availability ?? []).map((w) => ({ key: nextKey(), ...w })),
  sections: (menu?.sections ?? []).map((s) => ({ key: nextKey(), ...s })),
});

/** A catalog product as a menu section's picker offers it. */
export type MenuProductOption = { id: string; name: string; detail: string };

/**
 * Create or edit a menu: details, availability windows and sections of catalog products.
 * Everything is edited locally and saved at once (one server action, the module's schema).
 */
export function MenuEditor({
  menu,
  saveMenuAction,
  searchMenuProductsAction,
}: {
  menu: EditableMenu | null;
  saveMenuAction: FormAction;
  searchMenuProductsAction: (query: string) => Promise<{ items: MenuProductOption[]; error?: string }>;
}) {
  const t = useTranslations('admin.menus.editor');
  const th = useTranslations('menuHours');
  const sr = (chunks: ReactNode) => <span className="sr-only">{chunks}</span>;
  const { state, pending, onSubmit } = useFormAction(saveMenuAction, null);
  const initial = draftsOf(menu);
  const [name, setName] = useState(initial.name);
  const [description, setDescription] = useState(initial.description);
  const [isActive, setIsActive] = useState(initial.isActive);
  const [windows, setWindows] = useState<WindowDraft[]>(initial.windows);
  const [sections, setSections] = useState<SectionDraft[]>(initial.sections);
  const [version, setVersion] = useState(menu?.version);
  const [focusKey, setFocusKey] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const addSectionButton = useRef<HTMLButtonElement>(null);
  const fe = state?.fieldErrors ?? {};

  // After a save the page re-renders with the stored menu (new sections now have ids): reload.
  if (menu && menu.version !== version) {
    const fresh = draftsOf(menu);
    setVersion(menu.version);
    setName(fresh.name);
    setDescription(fresh.description);
    setIsActive(fresh.isActive);
    setWindows(fresh.windows);
    setSections(fresh.sections);
  }

  const payload = JSON.stringify({
    name,
    description: description.trim() === '' ? null : description,
    isActive,
    availability: windows.map(({ days, start, end }) => ({ days, start, end })),
    sections: sections.map((s) => ({ ...(s.id && { id: s.id }), name: s.name, productIds: s.products.map((p) => p.id) })),
  });

  const updateWindow = (key: string, change: Partial<WindowDraft>) => setWindows((ws) => ws.map((w) => (w.key === key ? { ...w, ...change } : w)));
  const updateSection = (key: string, change: Partial<SectionDraft>) => setSections((ss) => ss.map((s) => (s.key === key ? { ...s, ...change } : s)));
  const moveSection = (index: number, step: -1 | 1) => {
    const target = index + step;
    if (target < 0 || target >= sections.length) return;
    const next = [...sections];
    [next[index], next[target]] = [next[target]!, next[index]!];
    setSections(next);
    setAnnouncement(t('moved', { section: sections[index]!.name || t('sectionFallback'), position: target + 1, count: sections.length }));
  };

  const addWindow = () => {
    const key = nextKey();
    setWindows((ws) => [...ws, { key, days: [1, 2, 3, 4, 5], start: '07:00', end: '11:00' }]);
    setFocusKey(key);
  };
  const addSection = () => {
    const key = nextKey();
    setSections((ss) => [...ss, { key, name: '', products: [] }]);
    setFocusKey(key);
  };

  return (
    <form onSubmit={onSubmit} className="space-y-6" noValidate>
      {menu && <input type="hidden" name="id" value={menu.id} />}
      <input type="hidden" name="menu" value={payload} />
      {state?.error && <Alert tone="error">{state.error}</Alert>}
      {state?.ok && <Alert tone="success">{state.ok}</Alert>}
      <p role="status" aria-live="polite" className="sr-only">
        {announcement}
      </p>

      <section aria-labelledby="menu-details" className="space-y-4 rounded-xl border border-slate-200 bg-white p-5">
        <h2 id="menu-details" className="text-lg font-semibold">
          {t('details')}
        </h2>
        <TextField label={t('name')} value={name} onChange={(e) => setName(e.target.value)} required maxLength={80} autoComplete="off" error={fe.name} />
        <div className="space-y-1">
          <label htmlFor="menu-description" className="block text-sm font-medium text-slate-700">
            {t('description')}
          </label>
          <textarea
            id="menu-description"
            value={description}
            onChange={(e) => setDescription(e.target.value)}
            maxLength={500}
            rows={2}
            aria-invalid={fe.description ? true : undefined}
            aria-describedby={fe.description ? 'menu-description-error' : undefined}
            className="block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-base shadow-sm aria-[invalid=true]:border-red-500"
          />
          {fe.description && (
            <p id="menu-description-error" className="text-sm text-red-700">
              {fe.description}
            </p>
          )}
        </div>
        <label className="flex min-h-11 cursor-pointer items-center gap-3">
          <input type="checkbox" checked={isActive} onChange={(e) => setIsActive(e.target.checked)} className="size-5 accent-brand-600" />
          <span>
            <span className="font-medium">{t('active')}</span>
            <span className="block text-sm text-slate-500">{t('activeHint')}</span>
          </span>
        </label>
      </section>

      <section aria-labelledby="menu-availability" className="space-y-4 rounded-xl border border-slate-200 bg-white p-5">
        <div>
          <h2 id="menu-availability" className="text-lg font-semibold">
            {t('availability')}
          </h2>
          <p className="text-sm text-slate-600">{t.rich('availabilityHint', { strong: (chunks) => <strong>{chunks}</strong> })}</p>
        </div>
        {windows.map((w, i) => {
          const err = (field: string) => fe[`availability.${i}.${field}`];
          const daysError = err('days');
          return (
            <fieldset key={w.key} className="space-y-3 rounded-lg border border-slate-200 p-4" data-testid="menu-window">
              <legend className="px-1 text-sm font-semibold">{t('window', { n: i + 1 })}</legend>
              <fieldset aria-describedby={daysError ? `${w.key}-days-error` : undefined}>
                <legend className="mb-1 text-sm font-medium text-slate-700">{t('days')}</legend>
                <div className="flex flex-wrap gap-2">
                  {WEEK.map((day, d) => (
                    <label
                      key={day}
                      className="flex min-h-11 min-w-14 cursor-pointer items-center justify-center gap-2 rounded-lg px-3 ring-1 ring-slate-300 has-[:checked]:bg-brand-50 has-[:checked]:ring-2 has-[:checked]:ring-brand-600"
                    >
                      <input
                        type="checkbox"
                        checked={w.days.includes(d + 1)}
                        autoFocus={focusKey === w.key && d === 0}
                        onChange={(e) =>
                          updateWindow(w.key, { days: e.target.checked ? [...w.days, d + 1].sort((a, b) => a - b) : w.days.filter((x) => x !== d + 1) })
                        }
                        className="size-4 accent-brand-600"
                        aria-label={dayFullName(day, th)}
                      />
                      <span aria-hidden="true">{dayName(day, th)}</span>
                    </label>
                  ))}
                </div>
                <div className="mt-2 flex flex-wrap gap-2 text-sm">
                  {PRESETS.map((p) => (
                    <button
                      key={p.label}
                      type="button"
                      onClick={() => updateWindow(w.key, { days: [...p.days] })}
                      className="rounded-lg px-2 py-1 font-semibold text-brand-700 underline hover:bg-slate-100"
                    >
                      {t.rich('presetFor', { preset: t(p.label), n: i + 1, sr })}
                    </button>
                  ))}
                </div>
                {daysError && (
                  <p id={`${w.key}-days-error`} className="mt-1 text-sm text-red-700">
                    {daysError}
                  </p>
                )}
              </fieldset>
              <div className="flex flex-wrap items-start gap-4">
                <div className="w-40">
                  <TextField label={t('starts')} type="time" value={w.start} onChange={(e) => updateWindow(w.key, { start: e.target.value })} error={err('start')} />
                </div>
                <div className="w-40">
                  <TextField label={t('ends')} type="time" value={w.end} onChange={(e) => updateWindow(w.key, { end: e.target.value })} error={err('end')} />
                </div>
                <Button
                  variant="ghost"
                  className="mt-6"
                  onClick={() => {
                    setWindows((ws) => ws.filter((x) => x.key !== w.key));
                    setAnnouncement(t('removedWindow', { n: i + 1 }));
                  }}
                >
                  {t.rich('removeWindow', { n: i + 1, sr })}
                </Button>
              </div>
              {w.start && w.end && endsNextDay(w) && (
                <p className="text-sm text-sky-900">
                  {t('pastMidnight', { start: w.start, end: w.end })}
                </p>
              )}
            </fieldset>
          );
        })}
        <Button variant="secondary" onClick={addWindow}>
          {t('addWindow')}
        </Button>
      </section>

      <section aria-labelledby="menu-sections" className="space-y-4 rounded-xl border border-slate-200 bg-white p-5">
        <div>
          <h2 id="menu-sections" className="text-lg font-semibold">
            {t('sections')}
          </h2>
          <p className="text-sm text-slate-600">{t('sectionsHint')}</p>
          {fe.sections && <p className="mt-1 text-sm text-red-700">{fe.sections}</p>}
        </div>
        {sections.length === 0 && (
          <p className="rounded-lg border border-dashed border-slate-300 px-4 py-6 text-center text-sm text-slate-500">{t('noSections')}</p>
        )}
        {sections.map((s, i) => {
          const label = s.name || t('section', { n: i + 1 });
          const nameError = fe[`sections.${i}.name`];
          const productsError = fe[`sections.${i}.productIds`];
          return (
            <section key={s.key} aria-label={label} className="space-y-3 rounded-lg border border-slate-200 p-4" data-testid="menu-section">
              <div className="flex flex-wrap items-end gap-2">
                <div className="min-w-48 flex-1">
                  <TextField
                    label={t('sectionName', { n: i + 1 })}
                    value={s.name}
                    autoFocus={focusKey === s.key}
                    onChange={(e) => updateSection(s.key, { name: e.target.value })}
                    maxLength={80}
                    placeholder={t('sectionPlaceholder')}
                    error={nameError}
                  />
                </div>
                <Button variant="ghost" className="disabled:text-slate-400" onClick={() => moveSection(i, -1)} disabled={i === 0} aria-label={t('moveUp', { section: label })}>
                  {t('up')}
                </Button>
                <Button
                  variant="ghost"
                  className="disabled:text-slate-400"
                  onClick={() => moveSection(i, 1)}
                  disabled={i === sections.length - 1}
                  aria-label={t('moveDown', { section: label })}
                >
                  {t('down')}
                </Button>
                <Button
                  variant="danger"
                  onClick={() => {
                    setSections((ss) => ss.filter((x) => x.key !== s.key));
                    setAnnouncement(t('removed', { name: label }));
                    addSectionButton.current?.focus();
                  }}
                >
                  {t.rich('removeSection', { section: label, sr })}
                </Button>
              </div>
              {s.products.length === 0 ? (
                <p className="text-sm text-slate-500">{t('noProducts')}</p>
              ) : (
                <ul className="divide-y divide-slate-100 rounded-lg border border-slate-100" aria-label={t('productsIn', { section: label })}>
                  {s.products.map((p) => (
                    <li key={p.id} className="flex items-center justify-between gap-2 px-3 py-1">
                      <span>{p.name}</span>
                      <Button
                        variant="ghost"
                        onClick={() => {
                          updateSection(s.key, { products: s.products.filter((x) => x.id !== p.id) });
                          setAnnouncement(t('removedProduct', { product: p.name, section: label }));
                        }}
                      >
                        {t.rich('removeProduct', { product: p.name, section: label, sr })}
                      </Button>
                    </li>
                  ))}
                </ul>
              )}
              {productsError && <p className="text-sm text-red-700">{productsError}</p>}
              <SearchPicker<MenuProductOption>
                label={t('addProduct', { section: label })}
                placeholder={t('searchPlaceholder')}
                search={searchMenuProductsAction}
                toOption={(p) => ({
                  id: p.id,
                  label: p.name,
                  detail: p.detail,
                  disabledReason: s.products.some((x) => x.id === p.id) ? t('alreadyHere') : undefined,
                })}
                onPick={(p) => {
                  setSections((ss) =>
                    ss.map((x) => (x.key === s.key && !x.products.some((y) => y.id === p.id) ? { ...x, products: [...x.products, { id: p.id, name: p.name }] } : x)),
                  );
                  setAnnouncement(t('addedProduct', { product: p.name, section: label }));
                }}
              />
            </section>
          );
        })}
        <button ref={addSectionButton} type="button" className={buttonClass('secondary')} onClick={addSection}>
          {t('addSection')}
        </button>
      </section>

      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? t('saving') : menu ? t('save') : t('create')}
        </Button>
        <Link href="/admin/menus" className={buttonClass('ghost')}>
          {menu ? t('backToMenus') : t('cancel')}
        </Link>
      </div>
    </form>
  );
}
