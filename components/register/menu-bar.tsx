'use client';

import { useTranslations } from 'next-intl';
import { useId } from 'react';
import { availabilitySummary } from '@/components/admin/menus/availability';
import { ScrollRow } from './scroll-row';
import type { RegisterMenu } from './types';

/** The view that is no menu: every product, by category. */
export const ALL_ITEMS = 'all-items';

/**
 * Which menu the product grid shows: the menus offered now as buttons (the first of them is
 * chosen by itself), "All items" (every product by category), and the menus not offered now in
 * a picker. Anyone at the register may open any of them: a menu orders the screen, it does not
 * forbid a sale — the scanner, the search and "All items" always reach the whole catalog, and
 * stopping an item is the 86 list's job (docs/architecture.md › Menus at the register).
 */
export function MenuBar({ menus, view, onChoose }: { menus: RegisterMenu[]; view: string; onChoose: (view: string) => void }) {
  const t = useTranslations('register');
  const th = useTranslations('menuHours');
  const id = useId();
  const offered = menus.filter((m) => m.offeredNow);
  const others = menus.filter((m) => !m.offeredNow);
  const current = menus.find((m) => m.id === view);
  const pill = (active: boolean) =>
    `min-h-10 shrink-0 whitespace-nowrap rounded-lg px-3 text-sm font-semibold ring-1 transition ${
      active ? 'bg-brand-700 text-white ring-brand-700' : 'bg-white text-slate-800 ring-slate-300 hover:bg-slate-100'
    }`;

  return (
    <div className="space-y-1">
      <ScrollRow label={t('menus')}>
        {offered.map((m) => (
          <button key={m.id} type="button" aria-pressed={view === m.id} onClick={() => onChoose(m.id)} className={pill(view === m.id)}>
            {m.name}
          </button>
        ))}
        <button type="button" aria-pressed={view === ALL_ITEMS} onClick={() => onChoose(ALL_ITEMS)} className={pill(view === ALL_ITEMS)}>
          {t('allItems')}
        </button>
        {others.length > 0 && (
          <>
            <label htmlFor={`${id}-others`} className="sr-only">
              {t('menusNotNow')}
            </label>
            <select
              id={`${id}-others`}
              value={current && !current.offeredNow ? current.id : ''}
              onChange={(e) => e.target.value && onChoose(e.target.value)}
              className={`min-h-10 shrink-0 rounded-lg border-0 py-1 pl-3 pr-8 text-sm font-semibold ring-1 ${
                current && !current.offeredNow ? 'bg-amber-50 text-amber-950 ring-amber-400' : 'bg-white text-slate-700 ring-slate-300'
              }`}
            >
              <option value="">{t('otherMenus')}</option>
              {others.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name} · {availabilitySummary(m.availability, th)}
                </option>
              ))}
            </select>
          </>
        )}
      </ScrollRow>
      {current && !current.offeredNow && (
        <p className="text-xs text-amber-900" role="status" data-testid="menu-off-hours">
          {t('menuOffHours', { menu: current.name, hours: availabilitySummary(current.availability, th) })}
        </p>
      )}
    </div>
  );
}
