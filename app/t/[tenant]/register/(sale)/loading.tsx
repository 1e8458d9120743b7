import { useTranslations } from 'next-intl';

/** While the register's catalog, stock and tables load: the layout of the sale screen, greyed. */
export default function Loading() {
  const t = useTranslations('loading');
  return (
    <div className="flex h-dvh flex-col overflow-hidden" aria-busy="true">
      <div className="flex h-16 items-center border-b border-slate-200 bg-white px-4">
        <p role="status" className="font-semibold text-slate-600">
          {t('register')}
        </p>
      </div>
      <div className="grid min-h-0 flex-1 grid-cols-[minmax(0,1fr)_minmax(20rem,24rem)]">
        <div className="space-y-3 p-3">
          <div className="h-11 animate-pulse rounded-lg bg-slate-200 motion-reduce:animate-none" />
          <div className="flex gap-2">
            {Array.from({ length: 5 }, (_, i) => (
              <div key={i} className="h-10 w-24 animate-pulse rounded-full bg-slate-200 motion-reduce:animate-none" />
            ))}
          </div>
          <div className="grid grid-cols-[repeat(auto-fill,minmax(9rem,1fr))] gap-2">
            {Array.from({ length: 16 }, (_, i) => (
              <div key={i} className="h-24 animate-pulse rounded-xl bg-slate-200 motion-reduce:animate-none" />
            ))}
          </div>
        </div>
        <div className="space-y-3 border-l border-slate-200 bg-white p-3">
          <div className="h-10 animate-pulse rounded-lg bg-slate-200 motion-reduce:animate-none" />
          <div className="h-40 animate-pulse rounded-lg bg-slate-100 motion-reduce:animate-none" />
          <div className="h-14 animate-pulse rounded-lg bg-slate-200 motion-reduce:animate-none" />
        </div>
      </div>
    </div>
  );
}
