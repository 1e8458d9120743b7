import { useTranslations } from 'next-intl';

/** A neutral placeholder while a page's data loads (loading.tsx), announced once as busy. */
export function PageSkeleton({ title, rows = 6 }: { title: string; rows?: number }) {
  const t = useTranslations('common');
  return (
    <div className="max-w-6xl space-y-6" aria-busy="true">
      <div>
        <h1 className="text-2xl font-bold">{title}</h1>
        <p role="status" className="text-slate-600">
          {t('loading')}
        </p>
      </div>
      <div className="h-12 w-2/3 animate-pulse rounded-xl bg-slate-200 motion-reduce:animate-none" />
      <div className="overflow-hidden rounded-xl border border-slate-200 bg-white">
        {Array.from({ length: rows }, (_, i) => (
          <div key={i} className="flex gap-4 border-b border-slate-100 px-4 py-4 last:border-b-0">
            <div className="h-4 flex-1 animate-pulse rounded bg-slate-200 motion-reduce:animate-none" />
            <div className="h-4 w-24 animate-pulse rounded bg-slate-200 motion-reduce:animate-none" />
            <div className="h-4 w-16 animate-pulse rounded bg-slate-200 motion-reduce:animate-none" />
          </div>
        ))}
      </div>
    </div>
  );
}
