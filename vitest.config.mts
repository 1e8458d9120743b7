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
    // Use every core (vitest's default leaves one free, which on CI's 2 cores is one file at a
    // time). Files running at once share no database: on PGlite each file has its own, on
    // Postgres each worker its own copy (tests/global-setup.ts) — shared, one file's outbox
    // dispatcher leased another's events and delivered them with only its own handlers.
    maxWorkers: availableParallelism(),
    globalSetup: ['tests/global-setup.ts'],
    setupFiles: ['tests/setup.ts'],
    env: { LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent' },
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
