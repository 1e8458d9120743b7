'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { Button } from '@/components/ui/button';
import { useFormats } from '@/components/ui/formats';

/** Prints the page (the print CSS hides the admin's navigation and the controls). */
export function PrintButton() {
  const t = useTranslations('admin.reports');
  return (
    <Button variant="secondary" onClick={() => window.print()} className="print:hidden">
      {t('print')}
    </Button>
  );
}

/** "Printed 4 Mar 2025, 14:05" on paper only, in the store's time zone, set again when printing starts (the page may have been open a while). */
export function PrintedAt({ timeZone }: { timeZone: string }) {
  const t = useTranslations('admin.reports');
  const f = useFormats();
  const [now, setNow] = useState<Date | null>(null);
  useEffect(() => {
    const update = () => setNow(new Date());
    update();
    window.addEventListener('beforeprint', update);
    return () => window.removeEventListener('beforeprint', update);
  }, []);
  if (!now) return null;
  return <p className="hidden text-xs text-slate-600 print:block">{t('printedAt', { when: f.dateTime(now, timeZone), timeZone })}</p>;
}
