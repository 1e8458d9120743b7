'use client';

import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';

/** When the log could not be read (the database is away): say so and offer to try again; the details are in the server log. */
export default function AuditError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="max-w-3xl space-y-4">
      <h1 className="text-2xl font-bold">Audit log</h1>
      <Alert tone="error">The audit log could not be loaded just now.</Alert>
      <Button variant="secondary" onClick={reset}>
        Try again
      </Button>
    </div>
  );
}
