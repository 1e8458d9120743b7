import { useTranslations } from 'next-intl';

export default function Loading() {
  const t = useTranslations('loading');
  return (
    <div className="p-6" aria-busy="true">
      <p role="status" className="text-slate-600">
        {t('floor')}
      </p>
      <div className="mt-4 grid grid-cols-[repeat(auto-fill,minmax(8.5rem,1fr))] gap-3">
        {Array.from({ length: 8 }, (_, i) => (
          <div key={i} className="h-28 animate-pulse rounded-xl bg-slate-200 motion-reduce:animate-none" />
        ))}
      </div>
    </div>
  );
}
