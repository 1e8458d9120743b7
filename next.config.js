/**
 * `NEXT_OUTPUT=standalone` (the Dockerfile, `npm run start:standalone`): a self-contained server
 * in .next-standalone/standalone, built beside the .next that `next start`, Playwright and the
 * bench use, so neither build overwrites the other.
 */
const createNextIntlPlugin = require('next-intl/plugin');

const standalone = process.env.NEXT_OUTPUT === 'standalone';
// i18n/request.ts: the locale of each request (docs/i18n.md).
const withNextIntl = createNextIntlPlugin('./i18n/request.ts');

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native/WASM packages load from node_modules at run time instead of being bundled.
  serverExternalPackages: ['@electric-sql/pglite', '@node-rs/argon2', 'pino', 'postgres', 'ioredis-mock', 'redis', '@nats-io/transport-node', '@nats-io/jetstream'],
  // forbidden() renders app/forbidden.tsx with a real 403 status (cashier opening /admin).
  experimental: { authInterrupts: true },
  poweredByHeader: false,
  ...(standalone && {
    output: 'standalone',
    distDir: '.next-standalone',
    // Read at start-up by db/migrate.ts through process.cwd(), which file tracing cannot follow; and
    // the API reference viewer's script, served from this app (app/t/[tenant]/developers), never a CDN.
    outputFileTracingIncludes: { '/**': ['./db/migrations/**/*', './db/policies.sql', './node_modules/@scalar/api-reference/dist/browser/standalone.js'] },
  }),
};

module.exports = withNextIntl(nextConfig);
