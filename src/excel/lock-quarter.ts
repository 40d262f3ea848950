/**
 * Locking a quarter after its COPIL: its entry cells become read-only; unlocking gives them back. The lock is
 * recorded in the quarter's own cell of the metadata sheet, so that two people locking two quarters at the same
 * time both keep their lock (a single list rewritten from each one's earlier read would lose one).
 */
import { compareQuarters } from "../domain/quarters";
import { COLORS, LOCK_VALUES, SHEETS } from "../workbook/layout";
import { RequestBudget } from "./request-budget";
import { rangeOperation } from "./request-cost";
import { PROTECTION, recoverProtection } from "./sheet-protection";
import { keyOf, readEntrySheets } from "./tableau-sheets";
import { cells } from "./write-sheet";

export async function setQuarterLocked(context: Excel.RequestContext, quarter: string, locked: boolean): Promise<{ lockedQuarters: string[]; syncs: number }> {
  const counter = { syncs: 0 };
  const sheets = await readEntrySheets(context, counter);
  const t = sheets.trackingColumns;
  const m = sheets.measurementColumns;
  const names = [SHEETS.tracking, SHEETS.measurements, SHEETS.meta];
  const worksheets = Object.fromEntries(names.map((name) => [name, context.workbook.worksheets.getItem(name)]));
  // One request lifts the protection, changes the cells and protects again, so that a co-author locking another
  // quarter at the same moment finds the sheets protected before and after, as it read them.
  const lifted = names.filter((name) => sheets.protection[name]).map((name) => ({ name, worksheet: worksheets[name] }));
  for (const sheet of lifted) sheet.worksheet.protection.unprotect();
  const budget = new RequestBudget(context);
  const targets = [
    {
      name: SHEETS.tracking,
      rows: sheets.quarterRows.tracking.get(keyOf(quarter)) ?? [],
      cols: [t.status, t.progress, t.achievements, t.difficulties, t.adjustments],
    },
    { name: SHEETS.measurements, rows: sheets.quarterRows.measurements.get(keyOf(quarter)) ?? [], cols: [m.value, m.comment] },
  ];
  for (const target of targets) {
    for (const rows of runs(target.rows)) {
      for (const cols of runs(target.cols)) {
        await budget.reserve(rangeOperation(3, 2, 40));
        const format = cells(worksheets[target.name], rows.start, cols.start, rows.length, cols.length).format;
        format.protection.locked = locked;
        format.fill.color = locked ? COLORS.lockedFill : COLORS.entryFill;
      }
    }
  }
  const lockRow = sheets.lockRows.get(quarter);
  const lockedQuarters = [...new Set(locked ? [...sheets.lockedQuarters, quarter] : sheets.lockedQuarters.filter((item) => item !== quarter))].sort(
    compareQuarters,
  );
  await budget.reserve(rangeOperation(0, 1, 60));
  if (lockRow !== undefined) cells(worksheets[SHEETS.meta], lockRow, 1, 1, 1).values = [[locked ? LOCK_VALUES.locked : LOCK_VALUES.open]];
  else if (sheets.legacyLockRow >= 0) cells(worksheets[SHEETS.meta], sheets.legacyLockRow, 1, 1, 1).values = [[lockedQuarters.join(",")]];
  for (const name of names) worksheets[name].protection.protect(PROTECTION);
  try {
    await budget.flush();
  } catch (error) {
    throw await recoverProtection(context, lifted, error);
  }
  return { lockedQuarters, syncs: counter.syncs + budget.syncs };
}

/** Consecutive numbers as runs, so that adjacent rows or columns take one range. */
function runs(values: readonly number[]): { start: number; length: number }[] {
  const sorted = [...values].sort((a, b) => a - b);
  const result: { start: number; length: number }[] = [];
  for (const value of sorted) {
    const last = result[result.length - 1];
    if (last && value === last.start + last.length) last.length++;
    else result.push({ start: value, length: 1 });
  }
  return result;
}
