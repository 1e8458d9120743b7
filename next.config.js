/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native/WASM packages load from node_modules at run time instead of being bundled.
  serverExternalPackages: ['@electric-sql/pglite', '@node-rs/argon2', 'pino', 'postgres', 'ioredis-mock', 'redis', '@nats-io/transport-node', '@nats-io/jetstream'],
  // forbidden() renders app/forbidden.tsx with a real 403 status (cashier opening /admin).
  experimental: { authInterrupts: true },
  poweredByHeader: false,
};

module.exports = nextConfig;
