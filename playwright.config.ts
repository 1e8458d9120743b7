import { randomBytes } from 'node:crypto';
import { defineConfig } from '@playwright/test';
import * as appServer from './e2e/app-server';

/**
 * End-to-end suite: builds the app, migrates and seeds a throw-away database, and runs it on
 * port 3100 with ROOT_DOMAIN=localhost:3100, so tenants live on http://<slug>.localhost:3100
 * (Chromium resolves *.localhost to 127.0.0.1 on its own).
 *
 * The build is skipped when .next holds one of the same sources (scripts/build.ts): CI's second
 * pass reuses the first's.
 *
 * Without DATABASE_URL the server uses a fresh embedded PGlite directory (.data/e2e). With it
 * (CI against a real Postgres) the server uses the database `tillwise_e2e` (or E2E_DATABASE)
 * on the same server, dropped before each run; the app's migrate step creates it again.
 * Ports, database and the app's environment: e2e/app-server.ts.
 */
const { PORT, GATEWAY_PORT, GATEWAY_KEY, ROOT_DOMAIN, resetDatabase, WORKERS, DEMO_TWINS } = appServer;

/**
 * The specs that pay by card or set the one gateway simulator's faults (down, declines): they run
 * one at a time, beside the others, so no spec's card payment meets another's outage.
 */
const CARD_SPECS = ['register.spec.ts', 'register-feel.spec.ts', 'register-phone.spec.ts', 'split-bill.spec.ts', 'two-instances.spec.ts'].map((f) => `**/${f}`);

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: false,
  // Two specs at once, each in its own demo café (e2e/app-server.ts WORKERS).
  workers: WORKERS,
  // The card specs first: theirs is the longest one-at-a-time chain, and a worker the limit keeps
  // from a second card spec takes the next of the others meanwhile.
  projects: [
    { name: 'card', testMatch: CARD_SPECS, workers: 1 },
    { name: 'app', testIgnore: CARD_SPECS },
  ],
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  reporter: 'list',
  // Two specs share 2 cores with the server: room for a slow moment, not a threshold.
  timeout: 90_000,
  expect: { timeout: 15_000 },
  use: {
    baseURL: `http://${ROOT_DOMAIN}`,
    // Each run is its own client network, as a proxy in front would say: the per-network limits
    // (sign-up: 10 an hour) live in Redis, which the Postgres run shares across runs.
    extraHTTPHeaders: { 'x-forwarded-for': `2001:db8:e2e::${randomBytes(2).toString('hex')}:${randomBytes(2).toString('hex')}` },
    trace: 'retain-on-failure',
    browserName: 'chromium',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  webServer: [
    {
      // The card gateway simulator the register pays through.
      command: `npx tsx gateway/main.ts`,
      url: `http://127.0.0.1:${GATEWAY_PORT}/v1/ledger`, // 401 without a key: up and answering
      reuseExistingServer: false,
      timeout: 60_000,
      env: { GATEWAY_PORT: String(GATEWAY_PORT), GATEWAY_API_KEY: GATEWAY_KEY },
    },
    {
      // The build (skipped when .next holds one of these sources) runs beside the seed: neither
      // needs the other, and the build opens no database (no page is prerendered from data).
      command: `${resetDatabase} && { npx tsx --tsconfig tsconfig.scripts.json scripts/build.ts & build=$!; npx tsx --tsconfig tsconfig.scripts.json scripts/seed.ts && wait $build; } && npx next start -p ${PORT}`,
      url: `http://127.0.0.1:${PORT}/api/health`,
      reuseExistingServer: false,
      timeout: 600_000, // build beside the seed (the demo café twice), then start: ≈ 3 min on a busy 2-core machine
      stdout: 'pipe',
      stderr: 'pipe',
      // The specs look at a week of history at most: a fortnight of it seeds in a quarter of the time of 60 days.
      env: { ...appServer.appServerEnv(), SEED_TWINS: DEMO_TWINS.join(','), SEED_HISTORY_DAYS: '14' },
    },
  ],
});
