'use client';

import './globals.css';
import { Button } from '@/components/ui/button';
import { StatusPage } from '@/components/ui/status-page';

/**
 * When even the root layout failed: this replaces it, so it brings its own document and the
 * global styles (Next's default here is an unstyled "This page couldn't load").
 */
export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }) {
  const digest = error instanceof Error && 'digest' in error && typeof error.digest === 'string' ? error.digest : null;
  return (
    <html lang="en">
      <body className="min-h-dvh">
        <title>Something went wrong · Tillwise</title>
        <StatusPage
          status="Something went wrong"
          tone="error"
          title="Tillwise could not load"
          actions={
            <>
              <Button onClick={() => retry()}>Try again</Button>
              {/* A full load, not a client navigation: the app around this page is what failed. */}
              <a href="/" className="font-semibold text-brand-700 underline">
                Go to the home page
              </a>
            </>
          }
        >
          <p>It may be a moment&apos;s trouble on our side. Try again in a moment.</p>
          {digest && <p className="text-xs text-slate-500">Reference: {digest}</p>}
        </StatusPage>
      </body>
    </html>
  );
}
