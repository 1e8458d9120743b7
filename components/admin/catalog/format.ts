/** Small display helpers shared by the catalog pages (server and client). */

/** 750 → "7.5%" */
export const formatRate = (basisPoints: number): string => `${percentText(basisPoints)}%`;

/** 750 → "7.5" (the percent input's text; exact, no float noise). */
export function percentText(basisPoints: number): string {
  const whole = Math.trunc(basisPoints / 100);
  const rest = String(basisPoints % 100).padStart(2, '0').replace(/0+$/, '');
  return rest ? `${whole}.${rest}` : String(whole);
}

/** The rule of a modifier group in words: "Required · choose 1", "Optional · up to 3". */
export function choiceRule(minSelect: number, maxSelect: number): string {
  if (minSelect === 0) return maxSelect === 1 ? 'Optional · at most 1' : `Optional · up to ${maxSelect}`;
  if (minSelect === maxSelect) return `Required · choose ${minSelect}`;
  return `Required · choose ${minSelect} to ${maxSelect}`;
}

export const plural = (n: number, one: string, many = `${one}s`): string => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
