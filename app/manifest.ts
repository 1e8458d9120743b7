import type { MetadataRoute } from 'next';

/** The web app manifest: the register installs as an app and opens on /register (docs/offline.md). */
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: 'Tillwise',
    short_name: 'Tillwise',
    start_url: '/register',
    scope: '/',
    display: 'standalone',
    background_color: '#ffffff',
    theme_color: '#0f172a',
    icons: [{ src: '/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
  };
}
