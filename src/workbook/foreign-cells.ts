/**
 * What people add to the tableau's own sheets — a « Commentaire Caf » column beside or inside a table, a note in
 * a cell — is not the product's, and an update must not drop it. Cells in columns the plan does not have are
 * carried into the new plan, each with its row (found again by the row's key), in the column where it was, or
 * after the product's columns when the person had put the column among them (reported). What cannot be carried
 * (a note on a row whose fiche leaves the plan, a note in a sheet without keyed rows) makes the update refuse,
 * naming the cells: nothing is ever dropped.
 */
import { largest } from "../domain/numbers";
import { sheetLabels } from "../labels/catalog";
import type { Grids } from "./parse-structure";
import { rowKey } from "./row-alignment";
import type { CellValue, Grid, SheetPlan, WorkbookPlan } from "./sheet-plan";
import { cellAddress, columnLetter, planWidth } from "./sheet-plan";

const words = sheetLabels.update;

export interface ForeignCarry {
  plan: WorkbookPlan;
  /** French: columns moved after the product's ones. */
  moved: string[];
  /** French: cells that would be lost; the update must not run. */
  refusals: string[];
}

const text = (value: CellValue | undefined) => String(value ?? "").trim();
const filled = (value: CellValue | undefined) => value !== null && value !== undefined && text(value) !== "";

export function carryForeignCells(plan: WorkbookPlan, grids: Grids): ForeignCarry {
  const moved: string[] = [];
  const refusals: string[] = [];
  const sheets = plan.sheets.map((sheet) => {
    const grid = grids[sheet.name];
    if (!grid || grid.length === 0) return sheet;
    const carried = carrySheet(sheet, grid);
    moved.push(...carried.moved);
    refusals.push(...carried.refusals);
    return carried.sheet;
  });
  return { plan: { ...plan, sheets }, moved, refusals };
}

function carrySheet(plan: SheetPlan, grid: Grid): { sheet: SheetPlan; moved: string[]; refusals: string[] } {
  const width = planWidth(plan);
  const productHeaders = new Set((plan.values[0] ?? []).map(text).filter(Boolean));
  const oldWidth = largest(grid.map((row) => row.length));
  const foreign: number[] = [];
  for (let col = 0; col < oldWidth; col++) {
    const header = text(grid[0]?.[col]);
    if (header && productHeaders.has(header)) continue;
    if (grid.some((row) => filled(row[col]))) foreign.push(col);
  }
  if (foreign.length === 0) return { sheet: plan, moved: [], refusals: [] };
  const name = plan.name;
  const label = (col: number) => words.column(text(grid[0]?.[col]), columnLetter(col));
  if (!plan.keyed) {
    const cells = foreign.flatMap((col) => grid.flatMap((row, r) => (filled(row[col]) ? [cellAddress(r, col)] : [])));
    return { sheet: plan, moved: [], refusals: [words.handAddedCells(name, listed(cells))] };
  }
  // A column the person put after the product's keeps its place; one put among them goes after them.
  const target = new Map<number, number>();
  const moved: string[] = [];
  const used = new Set(foreign.filter((col) => col >= width));
  let free = width;
  for (const col of foreign) {
    if (col >= width) {
      target.set(col, col);
      continue;
    }
    while (used.has(free)) free++;
    target.set(col, free);
    used.add(free);
    moved.push(words.columnMoved(label(col), name, columnLetter(free)));
  }
  const keyColumns = plan.keyed.keyColumns;
  const rowsByKey = new Map<string, number>();
  const oldKeyColumns = keyColumns.map((col) => {
    const header = text(plan.values[0]?.[col]);
    const found = (grid[0] ?? []).findIndex((cell) => text(cell) === header);
    return found >= 0 ? found : col;
  });
  for (let row = 1; row < grid.length; row++) {
    const key = rowKey(grid[row], oldKeyColumns);
    if (key.replace(/\u0000/g, "") !== "" && !rowsByKey.has(key)) rowsByKey.set(key, row);
  }
  const newRows = new Map<string, number>();
  plan.values.forEach((row, index) => {
    if (index > 0) newRows.set(rowKey(row, keyColumns), index);
  });
  const lost: string[] = [];
  const values = plan.values.map((row) => [...row]);
  const put = (row: number, col: number, value: CellValue) => {
    const cells = values[row];
    while (cells.length < col) cells.push(null);
    cells[col] = value;
  };
  for (const col of foreign) {
    const header = grid[0]?.[col];
    if (filled(header)) put(0, target.get(col)!, header ?? null);
    for (let row = 1; row < grid.length; row++) {
      const value = grid[row]?.[col];
      if (!filled(value)) continue;
      const key = rowKey(grid[row], oldKeyColumns);
      const destination = rowsByKey.get(key) === row ? newRows.get(key) : undefined;
      if (destination === undefined) lost.push(cellAddress(row, col));
      else put(destination, target.get(col)!, value ?? null);
    }
  }
  const refusals = lost.length > 0 ? [words.valuesOnLeavingRows(name, listed(lost))] : [];
  const carriedColumns = [...new Set(target.values())];
  const numberFormats = plan.numberFormats?.map((row) => [...row]);
  return {
    sheet: {
      ...plan,
      values,
      ...(numberFormats ? { numberFormats } : {}),
      keyed: { ...plan.keyed, entryColumns: [...plan.keyed.entryColumns, ...carriedColumns] },
    },
    moved,
    refusals,
  };
}

function listed(cells: string[]): string {
  return words.cells(cells.slice(0, 8).join(", "), Math.max(0, cells.length - 8));
}
