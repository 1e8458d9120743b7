'use client';

import Link from 'next/link';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';

/** When a report could not be read (the database is away): say so and offer to try again; the details are in the server log. */
export default function ReportError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="max-w-3xl space-y-4">
      <h1 className="text-2xl font-bold">Report</h1>
      <Alert tone="error">This report could not be loaded just now. Sales at the register are not affected.</Alert>
      <div className="flex gap-3">
        <Button variant="secondary" onClick={reset}>
          Try again
        </Button>
        <Link href="/admin/reports" className="self-center font-semibold text-brand-700 underline">
          All reports
        </Link>
      </div>
    </div>
  );
}
