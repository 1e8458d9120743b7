import type { Metadata, Viewport } from 'next';
import { connection } from 'next/server';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Tillwise', template: '%s · Tillwise' },
  description: 'Point of sale for small restaurants and shops.',
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#147f49' };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page renders per request: its scripts must carry that request's CSP nonce (proxy.ts),
  // which a page prerendered at build time could not know.
  await connection();
  return (
    <html lang="en">
      <body className="min-h-dvh">{children}</body>
    </html>
  );
}
