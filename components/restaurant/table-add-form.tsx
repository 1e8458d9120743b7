'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useRef } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { useFormAction, type FormAction } from '@/components/ui/use-form-action';

export function TableAddForm({ areas, addTableAction }: { areas: string[]; addTableAction: FormAction }) {
  const t = useTranslations('admin.tables');
  const { state, pending, onSubmit } = useFormAction(addTableAction, null);
  const form = useRef<HTMLFormElement>(null);
  const fe = state?.fieldErrors ?? {};

  useEffect(() => {
    if (state?.ok) {
      // Keep the area (tables are usually added one area at a time); clear the rest.
      const area = (form.current?.elements.namedItem('area') as HTMLInputElement | null)?.value ?? '';
      form.current?.reset();
      const areaInput = form.current?.elements.namedItem('area') as HTMLInputElement | null;
      if (areaInput) areaInput.value = area;
      document.getElementById('new-table-name')?.focus();
    }
  }, [state]);

  return (
    <section aria-labelledby="add-table" className="rounded-xl border border-slate-200 bg-white p-5">
      <h2 id="add-table" className="text-lg font-semibold">
        {t('addTitle')}
      </h2>
      <form ref={form} onSubmit={onSubmit} className="mt-4 space-y-4" noValidate>
        {state?.error && <Alert tone="error">{state.error}</Alert>}
        {state?.ok && <Alert tone="success">{state.ok}</Alert>}
        <div className="grid gap-4 sm:grid-cols-3">
          <TextField id="new-table-name" label={t('name')} name="name" required maxLength={40} autoComplete="off" placeholder={t('namePlaceholder')} error={fe.name} />
          <TextField label={t('seats')} name="seats" type="number" inputMode="numeric" min={1} max={100} defaultValue={4} required error={fe.seats} />
          <TextField label={t('area')} name="area" list="table-areas" maxLength={40} defaultValue={areas[0] ?? t('defaultArea')} autoComplete="off" error={fe.area} hint={t('areaHint')} />
        </div>
        <datalist id="table-areas">
          {areas.map((a) => (
            <option key={a} value={a} />
          ))}
        </datalist>
        <Button type="submit" disabled={pending}>
          {pending ? t('adding') : t('addTable')}
        </Button>
      </form>
    </section>
  );
}
