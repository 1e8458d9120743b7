/** What a stock count says back, in words that agree with their numbers ("1 item differs", "3 items differ"). */
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** After "Review differences" (nothing changed yet): how many counted lines differ from what was expected. */
export function countReviewMessage(changed: number): string {
  return changed === 0
    ? 'Every count matches what was expected. Apply it to record the count.'
    : `${plural(changed, 'item')} ${changed === 1 ? 'differs' : 'differ'} from what was expected. Check ${changed === 1 ? 'it' : 'them'}, then apply the count.`;
}

/** After "Apply count": what was recorded. */
export function countAppliedMessage(changed: number, lines: number): string {
  return changed === 0 ? `Count recorded: ${lines === 1 ? 'the item' : `all ${plural(lines, 'item')}`} matched.` : `Count applied: ${plural(changed, 'item')} corrected.`;
}
