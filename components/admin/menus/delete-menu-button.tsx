'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { useFormAction, type FormAction } from '@/components/ui/use-form-action';

/** Delete with a confirmation step in the page (no browser pop-up); Cancel returns focus. */
export function DeleteMenuButton({ id, name, deleteMenuAction }: { id: string; name: string; deleteMenuAction: FormAction }) {
  const t = useTranslations('admin.menus.delete');
  const { state, pending, onSubmit } = useFormAction(deleteMenuAction, null);
  const [confirming, setConfirming] = useState(false);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const openButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
  }, [confirming]);

  return (
    <section aria-labelledby="delete-menu" className="rounded-xl border border-red-200 bg-white p-5">
      <h2 id="delete-menu" className="text-lg font-semibold">
        {t('title')}
      </h2>
      <p className="text-sm text-slate-600">{t('consequence')}</p>
      {state?.error && (
        <div className="mt-3">
          <Alert tone="error">{state.error}</Alert>
        </div>
      )}
      {!confirming ? (
        <button
          ref={openButton}
          type="button"
          onClick={() => setConfirming(true)}
          className="mt-3 inline-flex min-h-11 items-center rounded-lg px-4 py-2 text-sm font-semibold text-red-700 ring-1 ring-red-300 hover:bg-red-50"
        >
          {t('open')}
        </button>
      ) : (
        <form onSubmit={onSubmit} className="mt-3 space-y-3 rounded-lg bg-red-50 p-4" role="group" aria-labelledby="delete-confirm">
          <input type="hidden" name="id" value={id} />
          <p id="delete-confirm" className="font-medium text-red-900">
            {t('confirm', { name })}
          </p>
          <div className="flex flex-wrap gap-2">
            <button
              ref={confirmButton}
              type="submit"
              disabled={pending}
              className="inline-flex min-h-11 items-center rounded-lg bg-red-700 px-4 py-2 text-sm font-semibold text-white hover:bg-red-800 disabled:bg-red-700/60"
            >
              {pending ? t('deleting') : t('yes')}
            </button>
            <Button
              variant="secondary"
              onClick={() => {
                setConfirming(false);
                setTimeout(() => openButton.current?.focus());
              }}
            >
              {t('cancel')}
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}
