/**
 * How the rows of a sheet already in the workbook become the rows of its new plan with the fewest row insertions
 * and deletions: the rows kept are the longest run of old rows whose keys appear, in the same order, in the new
 * plan. An executor deletes the others and inserts the new ones, so that every kept row (and what people typed in
 * it) stays where it is and is never rewritten.
 */

export interface RowRun {
  /** First row, in the sheet's numbering at the moment the operation runs. */
  start: number;
  count: number;
}

export interface RowAlignment {
  /** Old rows to delete, bottom first (each run's rows as they are before any deletion below it matters). */
  deletions: RowRun[];
  /** Rows to insert, top first, numbered as the new plan numbers them (after the deletions and earlier inserts). */
  insertions: RowRun[];
  /** For each new row, whether it is an old row kept in place. */
  kept: boolean[];
}

/**
 * `oldKeys` and `newKeys` are the keys of the data rows; `firstRow` is the sheet row of the first data row (1
 * below a header). Duplicated keys keep their first occurrence only, the others count as different rows.
 */
export function alignRows(oldKeys: readonly string[], newKeys: readonly string[], firstRow = 1): RowAlignment {
  const newIndex = new Map<string, number>();
  newKeys.forEach((key, index) => {
    if (!newIndex.has(key)) newIndex.set(key, index);
  });
  const seen = new Set<string>();
  const candidates: { old: number; next: number }[] = [];
  oldKeys.forEach((key, old) => {
    const next = newIndex.get(key);
    if (next !== undefined && !seen.has(key)) candidates.push({ old, next });
    seen.add(key);
  });
  const keptOld = new Set<number>();
  const keptNew = new Set<number>();
  for (const index of longestIncreasing(candidates.map((candidate) => candidate.next))) {
    keptOld.add(candidates[index].old);
    keptNew.add(candidates[index].next);
  }
  return {
    deletions: runs(
      oldKeys.map((_, old) => !keptOld.has(old)),
      firstRow,
    ).reverse(),
    insertions: runs(
      newKeys.map((_, next) => !keptNew.has(next)),
      firstRow,
    ),
    kept: newKeys.map((_, next) => keptNew.has(next)),
  };
}

function runs(flags: readonly boolean[], firstRow: number): RowRun[] {
  const result: RowRun[] = [];
  flags.forEach((flag, index) => {
    if (!flag) return;
    const last = result[result.length - 1];
    if (last && last.start + last.count === firstRow + index) last.count++;
    else result.push({ start: firstRow + index, count: 1 });
  });
  return result;
}

/** Indices of a longest strictly increasing subsequence (patience sorting, n log n). */
function longestIncreasing(values: readonly number[]): number[] {
  const tails: number[] = [];
  const previous: number[] = new Array(values.length).fill(-1);
  values.forEach((value, index) => {
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (values[tails[middle]] < value) low = middle + 1;
      else high = middle;
    }
    if (low > 0) previous[index] = tails[low - 1];
    tails[low] = index;
  });
  const result: number[] = [];
  for (let index = tails[tails.length - 1] ?? -1; index >= 0; index = previous[index]) result.push(index);
  return result.reverse();
}

/** A row's key: its key cells as trimmed text, whatever Excel made of them ("1.1" may have become a number). */
export function rowKey(values: readonly unknown[] | undefined, keyColumns: readonly number[]): string {
  return keyColumns.map((col) => String(values?.[col] ?? "").trim()).join("\u0000");
}
