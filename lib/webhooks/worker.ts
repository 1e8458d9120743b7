import { logger } from '@/lib/platform/logger';
import { deliverDue, onDeliveriesMade } from './deliveries';

/**
 * Runs the webhook worker in this process: every `pollMs` (retries, deliveries made by other
 * instances) and as soon as the outbox handler made deliveries here. Never two rounds at a time;
 * a wake-up during a round makes one more. Several instances may run it: each delivery is leased
 * (`FOR UPDATE SKIP LOCKED`) before it is sent. Returns a stop function.
 */
export function startWebhookWorker(pollMs = 5000): () => void {
  let running = false;
  let again = false;
  const run = () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    deliverDue()
      .catch((err) => logger.error({ err }, 'webhook delivery round failed'))
      .finally(() => {
        running = false;
        if (again) {
          again = false;
          run();
        }
      });
  };
  onDeliveriesMade(run);
  const timer = setInterval(run, pollMs);
  timer.unref();
  run();
  return () => {
    clearInterval(timer);
    onDeliveriesMade(() => {});
  };
}
