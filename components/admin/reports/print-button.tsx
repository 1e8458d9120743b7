'use client';

import { useEffect, useState } from 'react';
import { Button } from '@/components/ui/button';
import { formatDateTime } from '@/lib/platform/format-time';

/** Prints the page (the print CSS hides the admin's navigation and the controls). */
export function PrintButton() {
  return (
    <Button variant="secondary" onClick={() => window.print()} className="print:hidden">
      Print
    </Button>
  );
}

/** "Printed 4 Mar 2025, 14:05" on paper only, in the store's time zone, set again when printing starts (the page may have been open a while). */
export function PrintedAt({ timeZone }: { timeZone: string }) {
  const [now, setNow] = useState<Date | null>(null);
  useEffect(() => {
    const update = () => setNow(new Date());
    update();
    window.addEventListener('beforeprint', update);
    return () => window.removeEventListener('beforeprint', update);
  }, []);
  if (!now) return null;
  return <p className="hidden text-xs text-slate-600 print:block">Printed {formatDateTime(now, timeZone)} ({timeZone})</p>;
}
