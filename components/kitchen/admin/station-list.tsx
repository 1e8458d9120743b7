'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useRef } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { useFormAction, type FormAction } from '@/components/ui/use-form-action';

export type StationRow = { id: string; name: string; isDefault: boolean; open: number };

/** The stations: add one, rename, make one the default, remove one (not the default, not with tickets waiting). */
export function StationList({
  stations,
  addStationAction,
  updateStationAction,
  deleteStationAction,
}: {
  stations: StationRow[];
  addStationAction: FormAction;
  updateStationAction: FormAction;
  deleteStationAction: FormAction;
}) {
  const t = useTranslations('admin.kitchen');
  const add = useFormAction(addStationAction, null);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (add.state?.ok) {
      form.current?.reset();
      document.getElementById('new-station-name')?.focus();
    }
  }, [add.state]);

  return (
    <div className="space-y-4">
      <ul className="divide-y divide-slate-100 rounded-xl border border-slate-200 bg-white">
        {stations.map((s) => (
          <StationItem key={s.id} station={s} updateStationAction={updateStationAction} deleteStationAction={deleteStationAction} />
        ))}
      </ul>
      <form ref={form} onSubmit={add.onSubmit} className="space-y-3 rounded-xl border border-slate-200 bg-white p-4" noValidate aria-labelledby="add-station">
        <h3 id="add-station" className="font-semibold">
          {t('addStation')}
        </h3>
        {add.state?.error && <Alert tone="error">{add.state.error}</Alert>}
        {add.state?.ok && <Alert tone="success">{add.state.ok}</Alert>}
        <div className="flex flex-wrap items-end gap-3">
          <div className="min-w-56 flex-1">
            <TextField id="new-station-name" label={t('name')} name="name" required maxLength={40} autoComplete="off" placeholder={t('namePlaceholder')} error={add.state?.fieldErrors?.name} />
          </div>
          <Button type="submit" disabled={add.pending}>
            {add.pending ? t('adding') : t('addStationButton')}
          </Button>
        </div>
      </form>
    </div>
  );
}

function StationItem({ station, updateStationAction, deleteStationAction }: { station: StationRow; updateStationAction: FormAction; deleteStationAction: FormAction }) {
  const t = useTranslations('admin.kitchen');
  const edit = useFormAction(updateStationAction, null);
  const remove = useFormAction(deleteStationAction, null);
  const message = edit.state?.error ?? remove.state?.error;
  return (
    <li className="space-y-2 px-4 py-3" data-testid="station-row">
      <div className="flex flex-wrap items-end gap-3">
        <form onSubmit={edit.onSubmit} className="flex flex-1 flex-wrap items-end gap-2" noValidate>
          <input type="hidden" name="id" value={station.id} />
          <div className="min-w-48 flex-1">
            <TextField label={t('nameOf', { name: station.name })} name="name" defaultValue={station.name} maxLength={40} autoComplete="off" error={edit.state?.fieldErrors?.name} />
          </div>
          <Button type="submit" variant="secondary" disabled={edit.pending}>
            {t('rename')}
            <span className="sr-only">{t('nameSr', { name: station.name })}</span>
          </Button>
          {station.isDefault ? (
            <span className="inline-flex min-h-11 items-center rounded-lg bg-brand-50 px-3 text-sm font-semibold text-brand-900">{t('defaultStation')}</span>
          ) : (
            <Button type="submit" name="isDefault" value="true" variant="secondary" disabled={edit.pending}>
              {t('makeDefault')}
              <span className="sr-only">{t('makeDefaultSr', { name: station.name })}</span>
            </Button>
          )}
        </form>
        {!station.isDefault && (
          <form onSubmit={remove.onSubmit}>
            <input type="hidden" name="id" value={station.id} />
            <Button type="submit" variant="danger" disabled={remove.pending}>
              {t('remove')}
              <span className="sr-only">{t('nameSr', { name: station.name })}</span>
            </Button>
          </form>
        )}
      </div>
      <p className="text-sm text-slate-600">
        {t('ticketsOnScreen', { count: station.open })}
        {station.isDefault && t('getsEverything')}
      </p>
      {message && <Alert tone="error">{message}</Alert>}
      {edit.state?.ok && <Alert tone="success">{edit.state.ok}</Alert>}
    </li>
  );
}
