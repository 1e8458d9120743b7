/**
 * How playwright.config.ts starts the app under test — its ports, its database and its exact
 * environment — in one place, so a spec that starts a second instance of it
 * (e2e/two-instances.spec.ts, with scripts/app-server.ts) runs it with the same environment as the first.
 * No @playwright/test here: the config imports this file.
 */
import { NEXT_START_ENV } from '../scripts/app-server';

// E2E_PORT / E2E_GATEWAY_PORT let a second checkout on the same machine run its own suite.
export const PORT = Number(process.env.E2E_PORT ?? 3100);
export const GATEWAY_PORT = Number(process.env.E2E_GATEWAY_PORT ?? 4100);
export const ROOT_DOMAIN = `localhost:${PORT}`;
/** Where e2e/webhooks.spec.ts listens for the app's webhooks (on 127.0.0.1, allow-listed below). */
export const WEBHOOK_RECEIVER_PORT = Number(process.env.E2E_WEBHOOK_PORT ?? PORT + 60);
/**
 * Playwright's workers. Each sells in its own copy of the demo café (the seed's SEED_TWINS), so
 * specs running at once never share a shift, a count or a setting: worker 0 in `demo`, worker 1
 * in `demo2`.
 */
export const WORKERS = 2;
export const demoSlug = (parallelIndex: number) => (parallelIndex === 0 ? 'demo' : `demo${parallelIndex + 1}`);
export const DEMO_TWINS = Array.from({ length: WORKERS - 1 }, (_, i) => demoSlug(i + 1));

/** A production start refuses the simulator's public test key, so this run has its own. */
export const GATEWAY_KEY = 'sk_test_e2e_tillwise';

/** Single-quotes a value for the shell. */
const sh = (value: string) => `'${value.replaceAll("'", `'"'"'`)}'`;

/** `url` with its database name replaced. */
function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** The e2e database on the DATABASE_URL server; E2E_DATABASE lets two checkouts on one server keep theirs apart. */
export const E2E_DATABASE = process.env.E2E_DATABASE ?? 'tillwise_e2e';
if (!/^[a-z_][a-z0-9_]*$/.test(E2E_DATABASE)) throw new Error('E2E_DATABASE: lower-case letters, digits and _ only');
const sourceDatabaseUrl = process.env.DATABASE_URL || undefined;

/** Empties the e2e database before a run: drops it (the app's migrate step creates it again), or the PGlite directory. */
export const resetDatabase = sourceDatabaseUrl
  ? `psql ${sh(withDatabase(sourceDatabaseUrl, 'postgres'))} -v ON_ERROR_STOP=1 -c ${sh(`drop database if exists ${E2E_DATABASE} with (force)`)}`
  : `rm -rf .data/e2e`;

/** The app server's environment (on top of the runner's own). */
export function appServerEnv(): Record<string, string> {
  const databaseEnv: Record<string, string> = {};
  if (sourceDatabaseUrl) {
    databaseEnv.DATABASE_URL = withDatabase(sourceDatabaseUrl, E2E_DATABASE);
    // An app-role URL given alongside must point at the e2e database too, never the real one.
    if (process.env.DATABASE_APP_URL) databaseEnv.DATABASE_APP_URL = withDatabase(process.env.DATABASE_APP_URL, E2E_DATABASE);
  }
  return {
    PGLITE_DIR: '.data/e2e',
    ROOT_DOMAIN,
    PORT: String(PORT),
    NEXTAUTH_SECRET: 'tillwise-e2e-secret-0123456789-abcdefghijklmnop',
    ...NEXT_START_ENV, // the config's `next build && … && next start` runs with it too
    LOG_LEVEL: 'warn',
    ...databaseEnv,
    PAYMENT_GATEWAY_URL: `http://127.0.0.1:${GATEWAY_PORT}`,
    PAYMENT_GATEWAY_KEY: GATEWAY_KEY,
    WEBHOOK_ALLOW_HOSTS: `127.0.0.1:${WEBHOOK_RECEIVER_PORT}`,
    // One server: without Redis (the embedded run) its in-process store is enough.
    ...(process.env.REDIS_URL ? { REDIS_URL: process.env.REDIS_URL } : { TILLWISE_SINGLE_INSTANCE: 'true' }),
  };
}
