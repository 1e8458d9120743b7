'use client';

import { Button } from '@/components/ui/button';
import { StatusPage } from '@/components/ui/status-page';

/**
 * Any page that failed to render (a database away, a bug): say so in the house style, offer to
 * try again, and give the reference the server logged it under. Never the error's own text:
 * in production Next passes only a generic message and a digest, and that is all a person needs.
 */
export default function PageError({ error, retry }: { error: unknown; retry: () => void }) {
  const digest = error instanceof Error && 'digest' in error && typeof error.digest === 'string' ? error.digest : null;
  return (
    <StatusPage
      status="Something went wrong"
      tone="error"
      title="This page could not be shown"
      actions={
        <>
          <Button onClick={() => retry()}>Try again</Button>
          <a href="/" className="font-semibold text-brand-700 underline">
            Go to the home page
          </a>
        </>
      }
    >
      <p>It may be a moment&apos;s trouble on our side. Try again, or start from the home page.</p>
      {digest && <p className="text-xs text-slate-500">Reference: {digest}</p>}
    </StatusPage>
  );
}
