/**
 * Locking a quarter after its COPIL: its entry cells become read-only; unlocking gives them back. The lock is
 * recorded in the quarter's own cell of the metadata sheet, so that two people locking two quarters at the same
 * time both keep their lock (a single list rewritten from each one's earlier read would lose one).
 *
 * The rows of a quarter not yet begun are locked too, from the date alone and never recorded (entry-locks.ts).
 * Nothing unlocks them in Excel when the quarter begins: the pane does, when it reads the workbook
 * (openBegunQuarters), writing only the entry cells of the quarters still locked that have begun and were not
 * closed after their COPIL.
 */
import type { IsoDate } from "../domain/dates";
import { compareQuarters, isQuarter, quarterBegun } from "../domain/quarters";
import { COLORS, LOCK_VALUES, SHEETS } from "../workbook/layout";
import { MEASUREMENTS_SPEC, TRACKING_SPEC, entryKeysOf } from "../workbook/tableau-columns";
import type { ReadCounter } from "./read-sheets";
import { RequestBudget } from "./request-budget";
import { rangeOperation } from "./request-cost";
import { PROTECTION, recoverProtection } from "./sheet-protection";
import { type EntrySheets, keyOf, readEntrySheets } from "./tableau-sheets";
import { cells } from "./write-sheet";

const ENTRY_SHEETS = [SHEETS.tracking, SHEETS.measurements] as const;
type EntrySheetName = (typeof ENTRY_SHEETS)[number];
type Worksheets = Record<string, Excel.Worksheet>;

/**
 * `today`, when given, keeps the cells of a quarter not yet begun locked when its COPIL lock is lifted: the quarter
 * is open again in the metadata, and its rows open when it begins.
 */
export async function setQuarterLocked(
  context: Excel.RequestContext,
  quarter: string,
  locked: boolean,
  today?: IsoDate,
): Promise<{ lockedQuarters: string[]; syncs: number }> {
  const counter = { syncs: 0 };
  const sheets = await readEntrySheets(context, counter);
  const names = [...ENTRY_SHEETS, SHEETS.meta];
  const worksheets = worksheetsOf(context, names);
  // One request lifts the protection, changes the cells and protects again, so that a co-author locking another
  // quarter at the same moment finds the sheets protected before and after, as it read them.
  const lifted = liftProtection(sheets, worksheets, names);
  const budget = new RequestBudget(context);
  const cellsLocked = locked || (today !== undefined && !quarterBegun(quarter, today));
  await formatQuarterRows(sheets, worksheets, [quarter], cellsLocked, budget);
  const lockRow = sheets.lockRows.get(quarter);
  const lockedQuarters = [...new Set(locked ? [...sheets.lockedQuarters, quarter] : sheets.lockedQuarters.filter((item) => item !== quarter))].sort(
    compareQuarters,
  );
  await budget.reserve(rangeOperation(0, 1, 60));
  if (lockRow !== undefined) cells(worksheets[SHEETS.meta], lockRow, 1, 1, 1).values = [[locked ? LOCK_VALUES.locked : LOCK_VALUES.open]];
  else if (sheets.legacyLockRow >= 0) cells(worksheets[SHEETS.meta], sheets.legacyLockRow, 1, 1, 1).values = [[lockedQuarters.join(",")]];
  await protectAndFlush(context, worksheets, names, lifted, budget);
  return { lockedQuarters, syncs: counter.syncs + budget.syncs };
}

export interface OpenedQuarters {
  /** Quarters whose rows were still locked after they began, now open. */
  opened: string[];
  syncs: number;
}

/**
 * Opens the rows of the quarters that have begun by `today` and are still locked since they had not: two syncs read
 * where the rows are, one reads the protection of each begun quarter's rows, and only when some are still locked,
 * one request unprotects the two sheets, unlocks those quarters' entry cells and protects them again. A quarter
 * closed after its COPIL (`_ctg_meta`) is not looked at: it stays locked.
 */
export async function openBegunQuarters(context: Excel.RequestContext, today: IsoDate, counter: ReadCounter = { syncs: 0 }): Promise<OpenedQuarters> {
  const sheets = await readEntrySheets(context, counter);
  const closed = new Set(sheets.lockedQuarters);
  const begun = [...new Set([...sheets.quarterRows.tracking.keys(), ...sheets.quarterRows.measurements.keys()])].filter(
    (quarter) => isQuarter(quarter) && quarterBegun(quarter, today) && !closed.has(quarter),
  );
  if (begun.length === 0) return { opened: [], syncs: counter.syncs };
  const worksheets = worksheetsOf(context, ENTRY_SHEETS);
  // The first and the last run of rows of a quarter in each sheet tell whether it is still locked, without reading
  // every row (a quarter of « Saisies » is a run per indicator): the set-up, a lock and an opening write a quarter's
  // rows in order, so one stopped halfway leaves its last run as it was. Excel answers null for a range partly locked.
  const probes = begun.map((quarter) => ({
    quarter,
    ranges: ENTRY_SHEETS.flatMap((name) => {
      const rows = runs(rowsOf(sheets, name, quarter));
      const cols = runs(entryColumnsOf(sheets, name));
      const ends = rows.length > 1 ? [rows[0], rows[rows.length - 1]] : rows;
      return cols.flatMap((col) =>
        ends.map((run) => {
          const protection = cells(worksheets[name], run.start, col.start, run.length, col.length).format.protection;
          protection.load("locked");
          return protection;
        }),
      );
    }),
  }));
  await context.sync();
  counter.syncs++;
  const opened = probes.filter((probe) => probe.ranges.some((protection) => protection.locked !== false)).map((probe) => probe.quarter);
  if (opened.length === 0) return { opened, syncs: counter.syncs };
  const lifted = liftProtection(sheets, worksheets, ENTRY_SHEETS);
  const budget = new RequestBudget(context);
  await formatQuarterRows(sheets, worksheets, opened, false, budget);
  await protectAndFlush(context, worksheets, ENTRY_SHEETS, lifted, budget);
  return { opened: opened.sort(compareQuarters), syncs: counter.syncs + budget.syncs };
}

function worksheetsOf(context: Excel.RequestContext, names: readonly string[]): Worksheets {
  return Object.fromEntries(names.map((name) => [name, context.workbook.worksheets.getItem(name)]));
}

/** Queues the unprotection of the sheets the add-in found protected; returns them, to recover on a refusal. */
function liftProtection(sheets: EntrySheets, worksheets: Worksheets, names: readonly string[]): { name: string; worksheet: Excel.Worksheet }[] {
  const lifted = names.filter((name) => sheets.protection[name]).map((name) => ({ name, worksheet: worksheets[name] }));
  for (const sheet of lifted) sheet.worksheet.protection.unprotect();
  return lifted;
}

async function protectAndFlush(
  context: Excel.RequestContext,
  worksheets: Worksheets,
  names: readonly string[],
  lifted: { name: string; worksheet: Excel.Worksheet }[],
  budget: RequestBudget,
): Promise<void> {
  for (const name of names) worksheets[name].protection.protect(PROTECTION);
  try {
    await budget.flush();
  } catch (error) {
    throw await recoverProtection(context, lifted, error);
  }
}

/** Locks or unlocks, and tints as such, every entry cell of the quarters' rows in both entry sheets. */
async function formatQuarterRows(
  sheets: EntrySheets,
  worksheets: Worksheets,
  quarters: readonly string[],
  locked: boolean,
  budget: RequestBudget,
): Promise<void> {
  for (const name of ENTRY_SHEETS) {
    const columns = runs(entryColumnsOf(sheets, name));
    for (const quarter of quarters) {
      for (const rows of runs(rowsOf(sheets, name, quarter))) {
        for (const cols of columns) {
          await budget.reserve(rangeOperation(3, 2, 40));
          const format = cells(worksheets[name], rows.start, cols.start, rows.length, cols.length).format;
          format.protection.locked = locked;
          format.fill.color = locked ? COLORS.lockedFill : COLORS.entryFill;
        }
      }
    }
  }
}

function rowsOf(sheets: EntrySheets, name: EntrySheetName, quarter: string): number[] {
  return (name === SHEETS.tracking ? sheets.quarterRows.tracking : sheets.quarterRows.measurements).get(keyOf(quarter)) ?? [];
}

/** The sheet's entry columns as the contract lists them; one a tableau of an earlier template lacks is left out. */
function entryColumnsOf(sheets: EntrySheets, name: EntrySheetName): number[] {
  if (name === SHEETS.tracking)
    return entryKeysOf(TRACKING_SPEC)
      .map((key) => sheets.trackingColumns[key])
      .filter((col) => col >= 0);
  return entryKeysOf(MEASUREMENTS_SPEC)
    .map((key) => sheets.measurementColumns[key])
    .filter((col) => col >= 0);
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
