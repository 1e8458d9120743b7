import type { Metadata, Viewport } from 'next';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Tillwise', template: '%s · Tillwise' },
  description: 'Point of sale for small restaurants and shops.',
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#147f49' };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-dvh">{children}</body>
    </html>
  );
}
