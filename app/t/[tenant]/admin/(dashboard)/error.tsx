'use client';

import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';

/** When the figures could not be read (the database is away): say so and offer to try again; the details are in the server log. */
export default function DashboardError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="max-w-3xl space-y-4">
      <h1 className="text-2xl font-bold">Dashboard</h1>
      <Alert tone="error">The figures could not be loaded just now. Sales at the register are not affected.</Alert>
      <Button variant="secondary" onClick={reset}>
        Try again
      </Button>
    </div>
  );
}
