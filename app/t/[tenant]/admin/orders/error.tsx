'use client';

import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';

/** When the orders could not be loaded (the database is away): say so and offer to try again; the details are in the server log. */
export default function OrdersError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="max-w-3xl space-y-4">
      <h1 className="text-2xl font-bold">Orders</h1>
      <Alert tone="error">The orders could not be loaded just now. Nothing was changed.</Alert>
      <Button variant="secondary" onClick={reset}>
        Try again
      </Button>
    </div>
  );
}
