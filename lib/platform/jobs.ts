import { logger } from './logger';

/** Runs `job` every `ms` in this process (and once right away with `runNow`); failures are logged, not thrown. */
export function every(ms: number, name: string, job: () => Promise<void>, runNow = false): () => void {
  const run = () => {
    job().catch((err) => logger.error({ err, job: name }, 'background job failed'));
  };
  const timer = setInterval(run, ms);
  timer.unref();
  if (runNow) run();
  return () => clearInterval(timer);
}
