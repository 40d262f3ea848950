/**
 * Updating a keyed sheet (« Suivi des fiches », « Saisies », the lock rows of the metadata) where it is, instead
 * of clearing and rewriting it: rows of removed fiches are deleted and rows of new ones inserted by Excel itself,
 * so that every other row, and what a co-author typed in it since the add-in read the sheet, stays where it is.
 * Entry cells of kept rows are never written; their formats, validation and protection are set again.
 */
import { type RowAlignment, alignRows, rowKey } from "../workbook/row-alignment";
import type { Grid, SheetPlan } from "../workbook/sheet-plan";
import { columnLetter, planWidth } from "../workbook/sheet-plan";
import type { RequestBudget } from "./request-budget";
import { objectOperation, rangeOperation } from "./request-cost";
import { untracked } from "./write-sheet";

/** How the sheet's rows map to the plan's, or undefined when the sheet must be rewritten (no keys, other columns). */
export function inPlaceAlignment(plan: SheetPlan, grid: Grid | undefined): RowAlignment | undefined {
  if (!plan.keyed || !grid || grid.length === 0) return undefined;
  const width = planWidth(plan);
  const header = plan.values[0] ?? [];
  for (let col = 0; col < width; col++) if (String(grid[0]?.[col] ?? "").trim() !== String(header[col] ?? "").trim()) return undefined;
  const { keyColumns } = plan.keyed;
  let last = grid.length - 1;
  while (last > 0 && rowKey(grid[last], keyColumns).replace(/\u0000/g, "") === "") last--;
  const oldKeys = grid.slice(1, last + 1).map((row) => rowKey(row, keyColumns));
  const newKeys = plan.values.slice(1).map((row) => rowKey(row, keyColumns));
  return alignRows(oldKeys, newKeys);
}

/** Which cells of the plan are entries already in the sheet, to be left as they are. */
export function keptEntries(plan: SheetPlan, alignment: RowAlignment): (row: number, col: number) => boolean {
  const keyed = plan.keyed!;
  const entryColumns = new Set(keyed.entryColumns);
  const entryRows = keyed.entryRows ? new Set(keyed.entryRows) : undefined;
  return (row, col) => row > 0 && alignment.kept[row - 1] === true && entryColumns.has(col) && (entryRows?.has(row) ?? true);
}

/**
 * Takes off what the plan sets again (tables, kept as cells; conditional formats, validation and merges of the
 * product's columns; frozen panes), then deletes and inserts whole rows so that the sheet's rows are the plan's.
 */
export async function prepareInPlace(
  worksheet: Excel.Worksheet,
  plan: SheetPlan,
  alignment: RowAlignment,
  tables: readonly Excel.Table[],
  budget: RequestBudget,
  options: { dataValidation: boolean },
): Promise<void> {
  await budget.reserve(
    objectOperation(2, tables.length) + rangeOperation(3, 4) + (alignment.deletions.length + alignment.insertions.length) * rangeOperation(0, 1, 20),
  );
  for (const table of tables) table.convertToRange().untrack();
  const columns = untracked(worksheet.getRange(`A:${columnLetter(Math.max(0, planWidth(plan) - 1))}`));
  columns.conditionalFormats.clearAll();
  if (options.dataValidation) columns.dataValidation.clear();
  columns.unmerge();
  worksheet.freezePanes.unfreeze();
  for (const run of alignment.deletions) untracked(worksheet.getRange(`${run.start + 1}:${run.start + run.count}`)).delete("Up" as Excel.DeleteShiftDirection);
  for (const run of alignment.insertions)
    untracked(worksheet.getRange(`${run.start + 1}:${run.start + run.count}`)).insert("Down" as Excel.InsertShiftDirection);
}
