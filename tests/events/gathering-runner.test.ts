import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { gatheringRunner } from '@/lib/events/dispatcher';

/** A task that stays running until `finish()` is called, counting its runs. */
function controlledTask() {
  let runs = 0;
  let finish: () => void = () => {};
  const task = () => {
    runs++;
    return new Promise<void>((resolve) => (finish = resolve));
  };
  return { task, runs: () => runs, finish: async () => { finish(); await vi.advanceTimersByTimeAsync(0); } };
}

describe('the dispatcher gathers events between rounds', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('runs at once when idle, and once more for every burst of triggers while it runs', async () => {
    const t = controlledTask();
    const runner = gatheringRunner(t.task, 200);
    runner.trigger();
    expect(t.runs()).toBe(1); // an idle till's sale goes out at once
    runner.trigger();
    runner.trigger();
    runner.trigger();
    await t.finish();
    expect(t.runs()).toBe(1); // not before the gap is over
    await vi.advanceTimersByTimeAsync(199);
    expect(t.runs()).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(t.runs()).toBe(2); // the three triggers: one round
    await t.finish();
    await vi.advanceTimersByTimeAsync(1000);
    expect(t.runs()).toBe(2); // nothing asked since
    runner.stop();
  });

  it('folds triggers during the gap into one round at its end, and stop() cancels a waiting round', async () => {
    const t = controlledTask();
    const runner = gatheringRunner(t.task, 200);
    runner.trigger();
    await t.finish();
    await vi.advanceTimersByTimeAsync(50);
    runner.trigger();
    runner.trigger();
    await vi.advanceTimersByTimeAsync(150);
    expect(t.runs()).toBe(2);
    await t.finish();
    await vi.advanceTimersByTimeAsync(100);
    runner.trigger();
    runner.stop();
    await vi.advanceTimersByTimeAsync(1000);
    expect(t.runs()).toBe(2);
  });

  it('keeps going after a failed round', async () => {
    let runs = 0;
    const runner = gatheringRunner(async () => {
      runs++;
      throw new Error('database away');
    }, 10);
    runner.trigger();
    await vi.advanceTimersByTimeAsync(20);
    runner.trigger();
    await vi.advanceTimersByTimeAsync(0);
    expect(runs).toBe(2);
  });
});
