/**
 * The box a wide table scrolls sideways in, so the page itself never does (a phone shows the
 * first columns and the rest on a swipe). `relative` matters: the visually hidden labels in
 * the cells (`sr-only`, absolutely positioned) would otherwise be placed against the page, not
 * this box, escape its clipping and widen the page by the table's hidden width.
 */
export const tableScrollClass = 'relative overflow-x-auto rounded-xl border border-slate-200 bg-white';
