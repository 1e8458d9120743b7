import type { DiningTable } from '@/lib/restaurant';

/**
 * Status is always spelled out (and marked by a symbol and border style), never colour
 * alone; every colour pair is dark text on a light fill (well over 4.5:1).
 */
export const tableStatusLook: Record<DiningTable['status'], { label: string; symbol: string; card: string; chip: string }> = {
  free: {
    label: 'Free',
    symbol: '○',
    card: 'border-emerald-700 bg-emerald-50 text-emerald-950 hover:bg-emerald-100',
    chip: 'bg-emerald-50 text-emerald-950 ring-emerald-700',
  },
  occupied: {
    label: 'Occupied',
    symbol: '●',
    card: 'border-amber-700 bg-amber-100 text-amber-950 hover:bg-amber-200',
    chip: 'bg-amber-100 text-amber-950 ring-amber-700',
  },
  needs_cleaning: {
    label: 'Needs cleaning',
    symbol: '◐',
    card: 'border-dashed border-rose-700 bg-rose-50 text-rose-950 hover:bg-rose-100',
    chip: 'bg-rose-50 text-rose-950 ring-rose-700',
  },
};

