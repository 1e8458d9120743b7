import { defineConfig } from 'drizzle-kit';

// `npm run db:generate` diffs db/schema against the snapshots and writes SQL to db/migrations.
// Row-level security is not declared here: db/policies.sql applies it to every table with a
// tenant_id column after each migration run (see docs/architecture.md).
export default defineConfig({
  dialect: 'postgresql',
  schema: './db/schema/index.ts',
  out: './db/migrations',
  strict: true,
});
