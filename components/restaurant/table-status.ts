import type { Messages } from '@/lib/platform/i18n';
import type { DiningTable } from '@/lib/restaurant';

/**
 * Status is always spelled out (and marked by a symbol and border style), never colour
 * alone; every colour pair is dark text on a light fill (well over 4.5:1). `label` is the status's
 * word in the `floor` catalogue, `count` its "3 free" chip.
 */
export const tableStatusLook: Record<DiningTable['status'], { label: keyof Messages['floor']; count: keyof Messages['floor']; symbol: string; card: string; chip: string }> = {
  free: {
    label: 'statusFree',
    count: 'countFree',
    symbol: '○',
    card: 'border-emerald-700 bg-emerald-50 text-emerald-950 hover:bg-emerald-100',
    chip: 'bg-emerald-50 text-emerald-950 ring-emerald-700',
  },
  occupied: {
    label: 'statusOccupied',
    count: 'countOccupied',
    symbol: '●',
    card: 'border-amber-700 bg-amber-100 text-amber-950 hover:bg-amber-200',
    chip: 'bg-amber-100 text-amber-950 ring-amber-700',
  },
  needs_cleaning: {
    label: 'statusNeedsCleaning',
    count: 'countNeedsCleaning',
    symbol: '◐',
    card: 'border-dashed border-rose-700 bg-rose-50 text-rose-950 hover:bg-rose-100',
    chip: 'bg-rose-50 text-rose-950 ring-rose-700',
  },
};

