import { useTranslations } from 'next-intl';

export default function Loading() {
  const t = useTranslations('loading');
  return (
    <div className="grid min-h-dvh gap-4 p-4 lg:grid-cols-[25rem_1fr]" aria-busy="true">
      <div className="space-y-3">
        <p role="status" className="text-slate-600">
          {t('orders')}
        </p>
        {Array.from({ length: 7 }, (_, i) => (
          <div key={i} className="h-16 animate-pulse rounded-xl bg-slate-200 motion-reduce:animate-none" />
        ))}
      </div>
      <div className="hidden h-96 animate-pulse rounded-xl bg-slate-200 motion-reduce:animate-none lg:block" />
    </div>
  );
}
