import { describe, expect, it } from 'vitest';
import { SCAN_RESET_MS, scanStep, type ScanBuffer, type ScanStep } from '@/components/register/scan-input';

/** Feeds keys at the given times; answers every step. */
function feed(keys: [key: string, at: number][]): ScanStep[] {
  let buffer: ScanBuffer = null;
  return keys.map(([key, at]) => {
    const step = scanStep(buffer, key, at);
    buffer = step.buffer;
    return step;
  });
}
const burst = (text: string, start = 1_000, gap = 5): [string, number][] => [...text, 'Enter'].map((key, i) => [key, start + i * gap]);

describe('scanner input', () => {
  it('reads a fast burst ended by Enter as a scan, and every key after the first as part of it', () => {
    const steps = feed(burst('8836001000289'));
    expect(steps.at(-1)!.code).toBe('8836001000289');
    expect(steps.map((s) => s.burst)).toEqual([false, ...Array(13).fill(true)]);
  });

  it('keeps capitals and hyphens of a SKU; a held Shift does not break the burst', () => {
    const keys: [string, number][] = [['Shift', 1000], ['D', 1002], ['R', 1006], ['K', 1010], ['-', 1014], ['S', 1018], ['Enter', 1022]];
    expect(feed(keys).at(-1)!.code).toBe('DRK-S');
  });

  it('keeps a scan whose keys came fast on average, though one was held back a moment', () => {
    const keys: [string, number][] = [...'883600100028'].map((key, i) => [key, 1_000 + i * 5 + (i >= 6 ? 70 : 0)]);
    const steps = feed([...keys, ['Enter', 1_000 + 12 * 5 + 70]]);
    expect(steps.at(-1)!.code).toBe('883600100028');
    expect(steps[6]!.burst).toBe(false); // the key after the pause could be a person's: it is not swallowed
  });

  it('is not a scan when typed at a person’s pace, too short, or ended late', () => {
    expect(feed(burst('8836001000289', 1_000, 120)).at(-1)!.code).toBeNull();
    expect(feed(burst('123')).at(-1)!.code).toBeNull();
    const late: [string, number][] = [...burst('12345').slice(0, 5), ['Enter', 1_020 + SCAN_RESET_MS + 1]];
    expect(feed(late).at(-1)!.code).toBeNull();
  });

  it('starts afresh after a pause, after Enter and after a non-character key', () => {
    const paused: [string, number][] = [['9', 0], ['9', 5], ...burst('1234', 500)];
    expect(feed(paused).at(-1)!.code).toBe('1234');
    expect(feed([...burst('1111'), ...burst('2222', 1_025)]).map((s) => s.code).filter(Boolean)).toEqual(['1111', '2222']);
    const arrow: [string, number][] = [['1', 0], ['2', 5], ['ArrowLeft', 10], ['3', 15], ['4', 20], ['Enter', 25]];
    expect(feed(arrow).at(-1)!.code).toBeNull();
  });

  it('leaves a lone Enter alone (a person pressing a focused button)', () => {
    expect(feed([['Enter', 0]])).toEqual([{ buffer: null, code: null, burst: false }]);
  });
});
