/** The values of a workbook plan as grids, as an executor would read them back from a perfect workbook. */
import type { Grid, WorkbookPlan } from "../../src/workbook/sheet-plan";

export function gridsOf(plan: WorkbookPlan): Record<string, Grid | undefined> {
  return Object.fromEntries(plan.sheets.map((sheet) => [sheet.name, sheet.values.map((row) => [...row])]));
}

export function findRow(grid: Grid, predicate: (row: Grid[number]) => boolean): number {
  const index = grid.findIndex(predicate);
  if (index < 0) throw new Error("row not found");
  return index;
}
