/**
 * "By item" in the split planner, down to units: how many units of each line each part takes
 * (2 of 4 beers to part 1, 2 to part 2). Pure, so the register and its tests agree on what is
 * sent: PUT /api/v1/orders/{id}/split takes units per line per part (lib/orders/split.ts), and
 * the server refuses a plan that does not cover every unit exactly once.
 */
export type UnitsByLine = Record<string, number[]>;
type Line = { id: string; quantity: number };

/** The units of `line` per part: as chosen (cut to `parts` parts), else every unit in part 1. */
export function unitsOf(line: Line, chosen: UnitsByLine, parts: number): number[] {
  const units = Array.from({ length: parts }, (_, i) => chosen[line.id]?.[i] ?? 0);
  return units.some((n) => n > 0) ? units : units.map((_, i) => (i === 0 ? line.quantity : 0));
}

/** Every unit of the line to one part (the picker of a one-unit line). */
export const wholeLineTo = (line: Line, part: number, parts: number): number[] => Array.from({ length: parts }, (_, i) => (i === part ? line.quantity : 0));

/** The part a line goes to whole, or null when its units are shared out between parts. */
export function partOfWhole(line: Line, chosen: UnitsByLine, parts: number): number | null {
  const units = unitsOf(line, chosen, parts);
  const i = units.findIndex((n) => n === line.quantity);
  return i >= 0 ? i : null;
}

/**
 * The plan's parts (empty parts left out) and the lines whose units do not add up to their
 * quantity (`shared` of `quantity`), which the planner names instead of sending.
 */
export function itemPlan(lines: readonly Line[], chosen: UnitsByLine, parts: number) {
  const units = new Map(lines.map((l) => [l.id, unitsOf(l, chosen, parts)]));
  const uneven = lines.flatMap((l) => {
    const shared = units.get(l.id)!.reduce((s, n) => s + n, 0);
    return shared === l.quantity ? [] : [{ lineId: l.id, shared, quantity: l.quantity }];
  });
  const planned = Array.from({ length: parts }, (_, i) => ({
    items: lines.flatMap((l) => {
      const quantity = units.get(l.id)![i]!;
      return quantity > 0 ? [{ lineId: l.id, quantity }] : [];
    }),
  })).filter((p) => p.items.length > 0);
  return { parts: planned, uneven };
}
