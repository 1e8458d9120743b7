import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { configDefaults, defineConfig } from 'vitest/config';

/**
 * Unit and integration tests. Each test file gets its own process (forks) and, on the
 * embedded defaults, its own in-memory PGlite and Redis store; with DATABASE_URL/REDIS_URL
 * set they run against the real servers (tests/global-setup.ts prepares a scratch database).
 */
export default defineConfig({
  resolve: {
    alias: {
      '@': fileURLToPath(new URL('.', import.meta.url)),
      // Tests run module code as the server does; server-only's guard is for bundles.
      'server-only': fileURLToPath(new URL('./node_modules/server-only/empty.js', import.meta.url)),
    },
  },
  test: {
    include: ['tests/**/*.test.ts'],
    // The reliability suite starts its own servers and a production build: `npm run test:faults`.
    exclude: [...configDefaults.exclude, 'tests/faults/**'],
    environment: 'node',
    pool: 'forks',
    // On PGlite every file has its own database: use every core (vitest's default leaves one free,
    // which on CI's 2 cores is one file at a time). On Postgres the files share one database, and
    // one file's outbox dispatcher would lease another's events and mark them delivered with only
    // the handlers its process loaded (seen: a report test's rollups never came), so files there
    // run one at a time.
    ...(!process.env.DATABASE_URL && { maxWorkers: availableParallelism() }),
    globalSetup: ['tests/global-setup.ts'],
    setupFiles: ['tests/setup.ts'],
    env: { LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent' },
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
