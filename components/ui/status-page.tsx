import type { ReactNode } from 'react';
import { BrandMark } from './brand-mark';

/**
 * A whole page that says why there is nothing here (404, 403, an error): the mark, the status,
 * a plain title, what happened and where to go next. Used by not-found, forbidden, error and
 * global-error, so none of them is an unstyled framework page.
 */
export function StatusPage({
  status,
  tone = 'brand',
  title,
  children,
  actions,
}: {
  status: string;
  tone?: 'brand' | 'error';
  title: string;
  children?: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <main className="mx-auto flex min-h-dvh max-w-lg flex-col items-center justify-center px-6 py-16 text-center">
      <BrandMark className="size-12" />
      <p className={`mt-6 text-sm font-semibold ${tone === 'error' ? 'text-red-700' : 'text-brand-700'}`}>{status}</p>
      <h1 className="mt-2 text-3xl font-bold text-slate-900">{title}</h1>
      {children && <div className="mt-3 space-y-2 text-slate-600">{children}</div>}
      {actions && <div className="mt-6 flex flex-wrap items-center justify-center gap-4">{actions}</div>}
    </main>
  );
}
