import { useTranslations } from 'next-intl';

export default function Loading() {
  const t = useTranslations('loading');
  return (
    <div className="mx-auto max-w-lg space-y-4 p-6" aria-busy="true">
      <p role="status" className="text-slate-600">
        {t('shift')}
      </p>
      <div className="h-40 animate-pulse rounded-xl bg-slate-200 motion-reduce:animate-none" />
    </div>
  );
}
