'use client';

import { useEffect, useId, useState } from 'react';
import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import type { Messages } from '@/lib/platform/i18n';
import { useRegisterWords } from './format';
import { Popover, usePopover } from './popover';
import type { Shift } from './types';

/** The keys (a word "or" between two is said in the reader's language) and what they do (`toolbar` keys). */
const SHORTCUTS: [string, keyof Messages['toolbar']][] = [
  ['/', 'keySearch'],
  ['↑ / ↓', 'keyMove'],
  ['Enter', 'keyEnter'],
  ['F2 or Ctrl+Enter', 'keyPay'],
  ['Esc', 'keyEsc'],
  ['+ / −', 'keyPlusMinus'],
  ['Delete', 'keyDelete'],
  ['?', 'keyHelp'],
];

/**
 * The strip above the sale: which register this is (its name is kept on this device; change
 * it here), the shift, whether stock is live, parked orders, and the keyboard shortcuts.
 */
export function RegisterToolbar({
  registerName,
  locationName,
  shift,
  currency,
  timeZone,
  liveStock,
  stockAsOf = null,
  parkedCount,
  help,
  settings,
  onRename,
  onOpenParked,
}: {
  registerName: string;
  locationName: string | null;
  shift: Shift | null;
  currency: string;
  /** The store's: "open since" is its time, not the device's. */
  timeZone: string;
  liveStock: boolean;
  /** Offline: when the stock shown was last the server's (use-live-stock.ts `knownAt`); null online. */
  stockAsOf?: string | null;
  parkedCount: number | null;
  help: ReturnType<typeof usePopover>;
  settings: ReturnType<typeof usePopover>;
  onRename: (name: string) => void;
  onOpenParked: () => void;
}) {
  const w = useRegisterWords();
  const t = useTranslations('toolbar');
  const id = useId();
  const [draft, setDraft] = useState(registerName);
  useEffect(() => {
    if (settings.open) setDraft(registerName);
  }, [settings.open, registerName]);
  const opened = shift ? w.f.dateTime(shift.openedAt, timeZone, 'time') : null;

  return (
    <div className="flex flex-wrap items-center gap-x-2 gap-y-1 border-b border-slate-200 bg-white px-3 py-1.5 text-sm sm:gap-x-3">
      <button
        type="button"
        onClick={settings.toggle}
        aria-expanded={settings.open}
        aria-controls={`${id}-settings`}
        className="inline-flex min-h-10 max-w-[9rem] items-center gap-1 rounded-lg px-2 font-semibold ring-1 ring-slate-300 hover:bg-slate-50 sm:max-w-none"
        data-testid="register-name"
      >
        <span aria-hidden="true">⚙</span> <span className="truncate">{registerName}</span>
        <span className="sr-only">{t('registerSettingsSr')}</span>
      </button>
      <Popover popoverRef={settings.ref} id={`${id}-settings`} label={t('registerSettings')}>
        <form
          className="space-y-3"
          onSubmit={(e) => {
            e.preventDefault();
            onRename(draft);
            settings.hide();
          }}
        >
          <h2 className="font-bold">{t('thisRegister')}</h2>
          <div className="space-y-1">
            <label htmlFor={`${id}-name`} className="block text-sm font-semibold">
              {t('registerName')}
            </label>
            <input
              id={`${id}-name`}
              data-autofocus
              value={draft}
              maxLength={40}
              onChange={(e) => setDraft(e.target.value)}
              className="block min-h-11 w-full rounded-lg border border-slate-300 px-3 focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30"
            />
            <p className="text-xs text-slate-600">{t('keptOnDevice')}</p>
          </div>
          {locationName && <p className="text-xs text-slate-600">{t('stockShownFor', { location: locationName })}</p>}
          <div className="flex justify-end gap-2">
            <Button variant="ghost" onClick={settings.hide}>
              {t('cancel')}
            </Button>
            <Button type="submit">{t('save')}</Button>
          </div>
        </form>
      </Popover>

      {shift && (
        <span className="text-slate-600 max-sm:hidden" data-testid="shift-info">
          {t('shiftOpenSince', { time: opened ?? '', amount: w.f.money(shift.openingFloat, currency) })}
        </span>
      )}
      {stockAsOf ? (
        <span className="inline-flex items-center gap-1 text-slate-700" title={t('stockAsOfHint')} data-testid="stock-as-of">
          <span aria-hidden="true">◔</span>
          <span className="max-sm:sr-only">{t('stockAsOf', { time: asOfTime(stockAsOf, timeZone, w) })}</span>
        </span>
      ) : (
        <span className={`inline-flex items-center gap-1 ${liveStock ? 'text-brand-700' : 'text-slate-500'}`} title={t('stockUpdatesLive')}>
          <span aria-hidden="true">{liveStock ? '●' : '○'}</span>
          {/* A phone keeps the dot; the words stay for screen readers. */}
          <span className="max-sm:sr-only">{liveStock ? t('stockLive') : t('stockReconnecting')}</span>
        </span>
      )}

      <span className="ml-auto" />
      <Button variant="secondary" className="min-h-10" onClick={onOpenParked} data-testid="parked-button">
        {parkedCount !== null ? t('parkedCount', { count: parkedCount }) : t('parked')}
      </Button>
      <button
        type="button"
        onClick={help.toggle}
        aria-expanded={help.open}
        aria-controls={`${id}-help`}
        className="inline-flex size-10 items-center justify-center rounded-full font-bold ring-1 ring-slate-300 hover:bg-slate-50"
        aria-label={t('keyboardShortcuts')}
        data-testid="shortcuts-button"
      >
        ?
      </button>
      <Popover popoverRef={help.ref} id={`${id}-help`} label={t('keyboardShortcuts')}>
        <h2 className="mb-2 font-bold">{t('keyboardShortcuts')}</h2>
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1.5 text-sm">
          {SHORTCUTS.map(([keys, what]) => (
            <div key={keys} className="contents">
              <dt>
                {keys.split(' ').map((k, i) =>
                  ['or', '/'].includes(k) && i > 0 ? (
                    <span key={i} className="px-1 text-slate-500">
                      {k === 'or' ? t('or') : k}
                    </span>
                  ) : (
                    <kbd key={i} className="rounded border border-slate-300 bg-slate-50 px-1.5 py-0.5 font-mono text-xs">
                      {k}
                    </kbd>
                  ),
                )}
              </dt>
              <dd>{t(what)}</dd>
            </div>
          ))}
        </dl>
        <p className="mt-3 text-xs text-slate-600">{t('scannerHint')}</p>
        <p className="mt-2 text-xs text-slate-600">
          {t('tabHint')}
        </p>
      </Popover>
    </div>
  );
}

/** "14:05" on the store's clock, with the day when it was not today there (a register offline overnight). */
function asOfTime(at: string, timeZone: string, w: ReturnType<typeof useRegisterWords>): string {
  const sameDay = w.f.dateTime(at, timeZone, 'date') === w.f.dateTime(new Date(), timeZone, 'date');
  return w.f.dateTime(at, timeZone, sameDay ? 'time' : 'dayMonthTime');
}
