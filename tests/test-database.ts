/**
 * Integration tests never touch the database DATABASE_URL names: they use a scratch database
 * on the same server, recreated once per run by global-setup.ts. `TEST_DATABASE` names another
 * (two checkouts testing against one server at once must not drop each other's).
 */
export const TEST_DATABASE = process.env.TEST_DATABASE || 'tillwise_vitest';

export function testDatabaseUrl(databaseUrl: string, name = TEST_DATABASE): string {
  const url = new URL(databaseUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
