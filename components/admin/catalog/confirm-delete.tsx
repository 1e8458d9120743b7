'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button, buttonClass } from '@/components/ui/button';
import { useFormAction } from '@/components/ui/use-form-action';
import type { FormState } from '@/lib/auth';

/**
 * "Delete" in two steps: the first press explains what happens and asks again. Focus moves
 * into the question and back to the button on cancel, so keyboard users never get lost.
 */
export function ConfirmDelete({
  action,
  id,
  name,
  consequence,
}: {
  action: (prev: FormState, formData: FormData) => Promise<FormState>;
  id: string;
  name: string;
  consequence: ReactNode;
}) {
  const t = useTranslations('admin.catalog');
  const { state, pending, onSubmit } = useFormAction(action, null);
  const [asking, setAsking] = useState(false);
  const question = useRef<HTMLHeadingElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const wasAsking = useRef(false);

  useEffect(() => {
    if (asking) question.current?.focus();
    else if (wasAsking.current) opener.current?.focus();
    wasAsking.current = asking;
  }, [asking]);

  if (!asking) {
    return (
      <button ref={opener} type="button" className={buttonClass('danger')} onClick={() => setAsking(true)}>
        {t('delete')}
        <span className="sr-only">{t('nameSr', { name })}</span>
      </button>
    );
  }
  return (
    <div className="basis-full space-y-3 rounded-lg border border-red-200 bg-red-50 p-4 text-left" onKeyDown={(e) => e.key === 'Escape' && setAsking(false)}>
      <h3 ref={question} tabIndex={-1} className="font-semibold text-red-900 outline-none">
        {t('deleteQuestion', { name })}
      </h3>
      <p className="text-sm text-red-900">{consequence}</p>
      {state?.error && <Alert tone="error">{state.error}</Alert>}
      <form onSubmit={onSubmit} className="flex flex-wrap gap-2">
        <input type="hidden" name="id" value={id} />
        <Button type="submit" variant="danger" disabled={pending}>
          {pending ? t('deleting') : t('yesDelete')}
        </Button>
        <Button variant="secondary" onClick={() => setAsking(false)} disabled={pending}>
          {t('cancel')}
        </Button>
      </form>
    </div>
  );
}
