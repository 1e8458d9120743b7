// npm run db:migrate — applies migrations (and RLS policies) to DATABASE_URL or the embedded database.
import { closeDatabase } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { databaseSettings } from '@/lib/platform/db';

migrateDatabase(databaseSettings())
  .then(() => console.log('Database is up to date.'))
  .catch((err) => {
    console.error(err);
    process.exitCode = 1;
  })
  .finally(closeDatabase);
