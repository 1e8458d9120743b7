'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslations } from 'next-intl';
import { useFormats } from '@/components/ui/formats';
import { useApiErrorText } from '@/components/register/api-errors';
import { Alert } from '@/components/ui/alert';
import { Button, buttonClass } from '@/components/ui/button';
import { controlClass } from '@/components/ui/field';
import { CashMovementForm } from './cash-movement-form';
import { CloseShift } from './close-shift';
import { OpenShiftForm } from './open-shift-form';
import { readRegisterName, REGISTER_NAME_KEY, saveRegisterName } from './register-name';
import { ShiftReportView } from './shift-report-view';
import type { ReportData, ShiftActions, ShiftLookup } from './types';

type Props = { currency: string; timeZone: string; businessName: string; canSeeOrders: boolean; actions: ShiftActions };

/**
 * The shift of this browser's register. The register's name lives in localStorage, so this
 * part runs in the browser: it reads the name, asks the server for that register's open
 * shift, and shows the open form, the open shift (cash in/out, X report, close) or, right
 * after closing, the Z report.
 */
export function ShiftConsole({ currency, timeZone, businessName, canSeeOrders, actions }: Props) {
  const router = useRouter();
  const t = useTranslations('shift');
  const f = useFormats();
  const errorText = useApiErrorText();
  const [registerName, setRegisterName] = useState<string | null>(null);
  const [lookup, setLookup] = useState<ShiftLookup | null>(null);
  const [loading, setLoading] = useState(true);
  const [zReport, setZReport] = useState<ReportData | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const request = useRef(0);
  const closedHeading = useRef<HTMLHeadingElement>(null);
  // The page hands a new props object on every refresh, and next-intl a new `t` with every server
  // render's messages; loading must not restart with either (it would call the page's action again
  // while the router is already on another page, where that action is unknown).
  const loadShift = useRef(actions.loadShiftAction);
  const unreachable = useRef('');
  unreachable.current = t('couldNotReach');

  const load = useCallback(async (name: string) => {
    const mine = ++request.current;
    setLoading(true);
    let result: ShiftLookup;
    try {
      result = await loadShift.current(name);
    } catch {
      result = { shift: null, report: null, error: unreachable.current };
    }
    if (mine !== request.current) return; // a newer request superseded this one
    setLookup(result);
    setLoading(false);
  }, []);

  useEffect(() => {
    const name = readRegisterName();
    setRegisterName(name);
    void load(name);
    // The sale screen in another tab may rename this device's register.
    const onStorage = (event: StorageEvent) => {
      if (event.key !== REGISTER_NAME_KEY) return;
      const next = readRegisterName();
      setRegisterName(next);
      void load(next);
    };
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, [load]);

  useEffect(() => {
    if (zReport) closedHeading.current?.focus(); // the Close button is gone: put focus on what replaced it
  }, [zReport]);

  const switchRegister = (name: string) => {
    saveRegisterName(name);
    setRegisterName(name);
    setZReport(null);
    setLookup(null);
    void load(name);
  };

  if (registerName === null || (lookup === null && loading)) {
    return (
      <div className="mx-auto max-w-lg space-y-4" aria-busy="true">
        <p role="status" className="text-slate-600">
          {registerName ? t('loadingOf', { register: registerName }) : t('loading')}
        </p>
        <div className="h-40 animate-pulse rounded-xl bg-slate-200 motion-reduce:animate-none" />
      </div>
    );
  }

  if (zReport) {
    return (
      <div className="mx-auto max-w-3xl space-y-4">
        <h1 ref={closedHeading} tabIndex={-1} className="text-2xl font-bold outline-none">
          {t('isClosed', { register: zReport.registerName })}
        </h1>
        <Alert tone="success">
          {zReport.difference === 0 ? t('drawerBalanced') : t('differenceRecorded')}
        </Alert>
        <ShiftReportView report={zReport} currency={currency} timeZone={timeZone} businessName={businessName} />
        <div className="flex flex-wrap gap-2">
          <Button
            onClick={() => {
              setZReport(null);
              setLookup(null);
              void load(registerName);
            }}
          >
            {t('openNewShift')}
          </Button>
          {canSeeOrders && (
            <Link href="/register/orders" className={buttonClass('secondary')}>
              {t('todaysOrders')}
            </Link>
          )}
        </div>
      </div>
    );
  }

  if (!lookup || lookup.error) {
    return (
      <div className="mx-auto max-w-lg space-y-4">
        <Alert tone="error">{lookup?.error ? errorText(lookup.error) : t('couldNotLoad')}</Alert>
        <Button variant="secondary" onClick={() => void load(registerName)} disabled={loading}>
          {loading ? t('trying') : t('tryAgain')}
        </Button>
      </div>
    );
  }

  const { shift, report } = lookup;
  if (!shift || !report) {
    return (
      <OpenShiftForm
        key={registerName}
        registerName={registerName}
        currency={currency}
        onOpened={() => router.push('/register')}
        onShowRegister={switchRegister}
        openShiftAction={actions.openShiftAction}
      />
    );
  }

  const when = { format: (at: Date) => f.dateTime(at, timeZone) };
  return (
    <div className="grid gap-5 lg:grid-cols-[minmax(0,21rem)_minmax(0,1fr)]">
      <p aria-live="polite" className="sr-only">
        {announcement}
      </p>
      <div className="space-y-5">
        <section aria-labelledby="shift-title" className="rounded-xl border border-slate-200 bg-white p-5">
          <div className="flex items-start justify-between gap-2">
            <h1 id="shift-title" className="text-2xl font-bold">
              {shift.registerName}
            </h1>
            <span className="rounded-full bg-brand-50 px-3 py-1 text-xs font-semibold text-brand-900 ring-1 ring-brand-100">{t('shiftOpen')}</span>
          </div>
          <dl className="mt-3 space-y-1 text-sm">
            <div className="flex justify-between gap-3">
              <dt className="text-slate-600">{t('openedBy')}</dt>
              <dd className="font-medium">{shift.openedByName}</dd>
            </div>
            <div className="flex justify-between gap-3">
              <dt className="text-slate-600">{t('openedAt')}</dt>
              <dd className="font-medium">{when.format(new Date(shift.openedAt))}</dd>
            </div>
            <div className="flex justify-between gap-3">
              <dt className="text-slate-600">{t('startingFloat')}</dt>
              <dd className="font-medium tabular-nums">{f.money(shift.openingFloat, currency)}</dd>
            </div>
          </dl>
          <RegisterSwitch current={shift.registerName} onSwitch={switchRegister} />
        </section>
        <CashMovementForm
          shiftId={shift.id}
          currency={currency}
          approvers={lookup.approvers ?? []}
          onRecorded={() => {
            setAnnouncement(t('xUpdated'));
            void load(registerName);
          }}
          cashMovementAction={actions.cashMovementAction}
        />
        <CloseShift
          shiftId={shift.id}
          approvers={lookup.approvers ?? []}
          expectedCash={report.expectedCash}
          currency={currency}
          canSeeOrders={canSeeOrders}
          onReview={() => load(registerName)}
          onClosed={(z) => {
            setZReport(z);
            setAnnouncement(t('closedShown', { register: z.registerName }));
          }}
          closeShiftAction={actions.closeShiftAction}
        />
      </div>
      <ShiftReportView
        report={report}
        currency={currency}
        timeZone={timeZone}
        businessName={businessName}
        refreshing={loading}
        onRefresh={() => {
          setAnnouncement('');
          void load(registerName).then(() => setAnnouncement(t('xUpToDate')));
        }}
      />
    </div>
  );
}

/** Look at another register's shift from this device (the name is remembered here). */
function RegisterSwitch({ current, onSwitch }: { current: string; onSwitch: (name: string) => void }) {
  const [editing, setEditing] = useState(false);
  const t = useTranslations('shift');
  if (!editing) {
    return (
      <button type="button" className="mt-3 text-sm font-semibold text-brand-700 underline" onClick={() => setEditing(true)}>
        {t('anotherRegister')}
      </button>
    );
  }
  return (
    <form
      className="mt-3 flex items-end gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        const name = String(new FormData(e.currentTarget).get('register') ?? '').trim();
        if (name) onSwitch(name);
        setEditing(false);
      }}
    >
      <div className="flex-1 space-y-1">
        <label htmlFor="register-switch" className="block text-sm font-medium text-slate-700">
          {t('registerName')}
        </label>
        <input id="register-switch" name="register" defaultValue={current} maxLength={40} required autoFocus className={controlClass} />
      </div>
      <Button type="submit" variant="secondary">
        {t('use')}
      </Button>
      <Button variant="ghost" onClick={() => setEditing(false)}>
        {t('cancel')}
      </Button>
    </form>
  );
}
