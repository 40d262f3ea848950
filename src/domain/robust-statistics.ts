/**
 * Medians and median absolute deviations for the plausibility checks, computed over a history kept sorted as it
 * grows: each value of each indicator is judged against all those before it, so nothing here copies or sorts the
 * history again.
 */

/** The median of an increasing array. */
export function middleOf(sorted: ArrayLike<number>): number {
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** The median of any values (copied, then sorted). */
export function median(values: readonly number[]): number {
  return middleOf([...values].sort((a, b) => a - b));
}

/**
 * The median of |x − center| over an increasing array, without sorting the deviations: those left of the center
 * (read leftwards) and those right of it (read rightwards) are two increasing runs, merged up to their middle.
 */
export function medianDeviation(sorted: readonly number[], center: number): number {
  const count = sorted.length;
  let right = 0;
  while (right < count && sorted[right] < center) right++;
  let left = right - 1;
  const middle = Math.floor(count / 2);
  let previous = 0;
  let current = 0;
  for (let taken = 0; taken <= middle; taken++) {
    previous = current;
    if (right >= count || (left >= 0 && center - sorted[left] <= sorted[right] - center)) current = center - sorted[left--];
    else current = sorted[right++] - center;
  }
  return count % 2 === 1 ? current : (previous + current) / 2;
}

/** Puts `value` in its place in an increasing array. */
export function insertSorted(sorted: number[], value: number): void {
  let at = sorted.length;
  while (at > 0 && sorted[at - 1] > value) at--;
  sorted.splice(at, 0, value);
}
