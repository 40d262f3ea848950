/** Reads sheets of the open workbook as grids, all in one `context.sync()`. */
import type { CellValue, Grid } from "../workbook/sheet-plan";

export async function readGrids(context: Excel.RequestContext, sheetNames: readonly string[]): Promise<Record<string, Grid | undefined>> {
  const reads = sheetNames.map((name) => {
    const worksheet = context.workbook.worksheets.getItemOrNullObject(name);
    const used = worksheet.getUsedRangeOrNullObject(true);
    used.load("values,rowIndex,columnIndex");
    return { name, worksheet, used };
  });
  await context.sync();
  const grids: Record<string, Grid | undefined> = {};
  for (const { name, worksheet, used } of reads) {
    if (worksheet.isNullObject) {
      grids[name] = undefined;
      continue;
    }
    if (used.isNullObject) {
      grids[name] = [];
      continue;
    }
    // The used range may start below row 1 or right of column A: pad so that grid[0][0] is A1.
    const grid: Grid = Array.from({ length: used.rowIndex }, () => []);
    for (const row of used.values as unknown[][]) {
      const cells: CellValue[] = Array.from({ length: used.columnIndex }, () => null);
      for (const value of row) cells.push(value === "" || value === undefined ? null : (value as CellValue));
      grid.push(cells);
    }
    grids[name] = grid;
  }
  return grids;
}
