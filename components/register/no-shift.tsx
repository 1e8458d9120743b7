'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useApiErrorText } from './api-errors';
import { Button, buttonClass } from '@/components/ui/button';
import type { ApiError } from './api';

/** Selling needs an open shift (the cash drawer): say so plainly and point to where to open one. */
export function NoShift({ registerName, error, onRetry, onChangeRegister }: { registerName: string; error: ApiError | null; onRetry: () => void; onChangeRegister: () => void }) {
  const t = useTranslations('dialogs');
  const errorText = useApiErrorText();
  return (
    <div className="flex flex-1 items-center justify-center bg-slate-100 p-6" data-testid="no-shift">
      <div className="w-full max-w-lg rounded-2xl bg-white p-8 text-center shadow-lg ring-1 ring-slate-200">
        <svg aria-hidden="true" viewBox="0 0 24 24" className="mx-auto size-14 text-slate-400" fill="none" stroke="currentColor" strokeWidth="1.5">
          <rect x="4" y="10" width="16" height="11" rx="2" />
          <path d="M8 10V7a4 4 0 0 1 8 0v3" />
        </svg>
        <h1 className="mt-3 text-2xl font-bold">{error ? t('couldNotCheckShift') : t('openShiftToSell')}</h1>
        <p className="mt-2 text-slate-600" role={error ? 'alert' : undefined}>
          {error ? errorText(error) : t('noOpenShift', { register: registerName })}
        </p>
        <div className="mt-6 flex flex-wrap justify-center gap-2">
          <Link href="/register/shift" className={buttonClass('primary', 'min-h-12 px-6 text-base')}>
            {t('openAShift')}
          </Link>
          <Button variant="secondary" className="min-h-12" onClick={onRetry}>
            {t('checkAgain')}
          </Button>
          <Button variant="ghost" className="min-h-12" onClick={onChangeRegister}>
            {t('notRegister', { register: registerName })}
          </Button>
        </div>
      </div>
    </div>
  );
}
