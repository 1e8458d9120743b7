import { closeDatabase } from '@/db/client';
import { closeLiveEvents } from '@/lib/events/live';
import { closeRedis } from '@/lib/platform/redis';

/** Runs a script's main: an error is printed and exits 1; the database, Redis and live-event connections close either way, so the process ends. */
export function runScript(main: () => Promise<void>): void {
  main()
    .catch((err) => {
      console.error(err);
      process.exitCode = 1;
    })
    .finally(async () => {
      await closeLiveEvents();
      await closeDatabase();
      await closeRedis();
    });
}
