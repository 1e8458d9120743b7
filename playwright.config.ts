import { randomBytes } from 'node:crypto';
import { defineConfig } from '@playwright/test';

/**
 * End-to-end suite: builds the app, migrates and seeds a throw-away database, and runs it on
 * port 3100 with ROOT_DOMAIN=localhost:3100, so tenants live on http://<slug>.localhost:3100
 * (Chromium resolves *.localhost to 127.0.0.1 on its own).
 *
 * Without DATABASE_URL the server uses a fresh embedded PGlite directory (.data/e2e). With it
 * (CI against a real Postgres) the server uses the database `tillwise_e2e` on the same server,
 * dropped before each run; the app's migrate step creates it again.
 */
// E2E_PORT / E2E_GATEWAY_PORT let a second checkout on the same machine run its own suite.
const PORT = Number(process.env.E2E_PORT ?? 3100);
const GATEWAY_PORT = Number(process.env.E2E_GATEWAY_PORT ?? 4100);
const ROOT_DOMAIN = `localhost:${PORT}`;
/** A production start refuses the simulator's public test key, so this run has its own. */
const GATEWAY_KEY = 'sk_test_e2e_tillwise';

/** Single-quotes a value for the shell. */
const sh = (value: string) => `'${value.replaceAll("'", `'"'"'`)}'`;

/** `url` with its database name replaced. */
function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

const E2E_DATABASE = 'tillwise_e2e';
const sourceDatabaseUrl = process.env.DATABASE_URL || undefined;
const databaseEnv: Record<string, string> = {};
let resetDatabase = `rm -rf .data/e2e`;
if (sourceDatabaseUrl) {
  databaseEnv.DATABASE_URL = withDatabase(sourceDatabaseUrl, E2E_DATABASE);
  // An app-role URL given alongside must point at the e2e database too, never the real one.
  if (process.env.DATABASE_APP_URL) databaseEnv.DATABASE_APP_URL = withDatabase(process.env.DATABASE_APP_URL, E2E_DATABASE);
  const adminUrl = withDatabase(sourceDatabaseUrl, 'postgres');
  resetDatabase = `psql ${sh(adminUrl)} -v ON_ERROR_STOP=1 -c ${sh(`drop database if exists ${E2E_DATABASE} with (force)`)}`;
}

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  reporter: 'list',
  timeout: 60_000,
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
      command: `${resetDatabase} && npx next build && npx tsx --tsconfig tsconfig.scripts.json scripts/seed.ts && npx next start -p ${PORT}`,
      url: `http://127.0.0.1:${PORT}/api/health`,
      reuseExistingServer: false,
      timeout: 600_000, // build + seed + start: ≈ 4 min on a busy 2-core machine
      stdout: 'pipe',
      stderr: 'pipe',
      env: {
        PGLITE_DIR: '.data/e2e',
        ROOT_DOMAIN,
        PORT: String(PORT),
        NEXTAUTH_SECRET: 'tillwise-e2e-secret-0123456789-abcdefghijklmnop',
        NODE_ENV: 'production',
        NEXT_TELEMETRY_DISABLED: '1',
        LOG_LEVEL: 'warn',
        ...databaseEnv,
        PAYMENT_GATEWAY_URL: `http://127.0.0.1:${GATEWAY_PORT}`,
        PAYMENT_GATEWAY_KEY: GATEWAY_KEY,
        // One server: without Redis (the embedded run) its in-process store is enough.
        ...(process.env.REDIS_URL ? { REDIS_URL: process.env.REDIS_URL } : { TILLWISE_SINGLE_INSTANCE: 'true' }),
      },
    },
  ],
});
