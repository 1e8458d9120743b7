import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * The reliability suite (`npm run test:faults`): each file starts its own Postgres, Redis,
 * gateway simulator and a production server of the build (tests/faults/harness.ts), then breaks
 * one of them under load. Files run one after another (they share the suite's ports); the
 * normal `vitest run` excludes this folder.
 */
export default defineConfig({
  resolve: {
    alias: {
      '@': fileURLToPath(new URL('.', import.meta.url)),
      'server-only': fileURLToPath(new URL('./node_modules/server-only/empty.js', import.meta.url)),
    },
  },
  test: {
    include: ['tests/faults/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    fileParallelism: false,
    env: { LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent' },
    // Bounds on whole scenarios (a hang fails the scenario instead of stalling CI), not speed targets.
    testTimeout: 180_000,
    hookTimeout: 240_000,
  },
});
