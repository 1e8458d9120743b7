/**
 * Integration tests never touch the database DATABASE_URL names: they use a scratch database
 * on the same server, recreated once per run by global-setup.ts. `TEST_DATABASE` names another
 * (two checkouts testing against one server at once must not drop each other's).
 */
export const TEST_DATABASE = process.env.TEST_DATABASE || 'tillwise_vitest';

/**
 * The database one vitest worker uses: each worker (VITEST_POOL_ID, 1..maxWorkers) has its own
 * copy of the migrated scratch database, so files running at once never share outbox rows,
 * rollups or sequences. `worker` without an id (a script importing this) is the first.
 */
export const workerDatabase = (poolId = process.env.VITEST_POOL_ID ?? '1') => `${TEST_DATABASE}_w${poolId}`;

/** The same worker's Redis logical database (redis://host:port/<n>), for the same reason. */
export function workerRedisUrl(redisUrl: string, poolId = process.env.VITEST_POOL_ID ?? '1'): string {
  const url = new URL(redisUrl);
  url.pathname = `/${Number(poolId) % 16}`;
  return url.toString();
}

export function testDatabaseUrl(databaseUrl: string, name = TEST_DATABASE): string {
  const url = new URL(databaseUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
