/**
 * What people add to the tableau's own sheets — a « Commentaire Caf » column beside or inside a table, a note in
 * a cell — is not the product's, and an update must not drop it. Each sheet's old cells are aligned with the new
 * plan: rows found again by their key, product columns by their header, and columns people added kept where they
 * were, or put after the product's columns when the person had put them among them (reported). Cells in added
 * columns are carried into the new plan at their new place; a file update also moves what is anchored to a cell
 * (a note, a link, a picture) with it. What cannot be carried (a value on a row whose fiche leaves the plan, a
 * value in a sheet without keyed rows) makes the update refuse, naming the cells: nothing is ever dropped.
 */
import { largest } from "../domain/numbers";
import { sheetLabels } from "../labels/catalog";
import type { Grids } from "./parse-structure";
import { rowKey } from "./row-alignment";
import type { CellValue, Grid, SheetPlan, WorkbookPlan } from "./sheet-plan";
import { cellAddress, columnLetter, planWidth } from "./sheet-plan";

const words = sheetLabels.update;

/** Where the old cells of a sheet are in its new plan. */
export interface SheetAlignment {
  /** The new column of an old one. */
  column(col: number): number;
  /** The new row of an old one; undefined when the row leaves the plan (its fiche or indicator was removed). */
  row(row: number): number | undefined;
  /** Old columns holding cells people added, in order. */
  foreignColumns: readonly number[];
}

export interface ForeignCarry {
  plan: WorkbookPlan;
  /** French: columns moved after the product's ones. */
  moved: string[];
  /** French: cells that would be lost; the update must not run. */
  refusals: string[];
  /** Per sheet of the plan that the workbook already had. */
  alignments: Map<string, SheetAlignment>;
}

const text = (value: CellValue | undefined) => String(value ?? "").trim();
const filled = (value: CellValue | undefined) => value !== null && value !== undefined && text(value) !== "";

export function carryForeignCells(plan: WorkbookPlan, grids: Grids): ForeignCarry {
  const moved: string[] = [];
  const refusals: string[] = [];
  const alignments = new Map<string, SheetAlignment>();
  const sheets = plan.sheets.map((sheet) => {
    const grid = grids[sheet.name];
    if (!grid) return sheet;
    const carried = carrySheet(sheet, grid);
    alignments.set(sheet.name, carried.alignment);
    moved.push(...carried.moved);
    refusals.push(...carried.refusals);
    return carried.sheet;
  });
  return { plan: { ...plan, sheets }, moved, refusals, alignments };
}

/** Old rows by key to new rows: row 0 (headers) stays, a keyed row follows its key, rows below the table follow its end. */
function rowAlignment(plan: SheetPlan, grid: Grid): (row: number) => number | undefined {
  if (!plan.keyed) return (row) => row;
  const keyColumns = plan.keyed.keyColumns;
  const oldKeyColumns = keyColumns.map((col) => {
    const header = text(plan.values[0]?.[col]);
    const found = (grid[0] ?? []).findIndex((cell) => text(cell) === header);
    return found >= 0 ? found : col;
  });
  const newRows = new Map<string, number>();
  plan.values.forEach((row, index) => {
    if (index > 0) newRows.set(rowKey(row, keyColumns), index);
  });
  const oldRows = new Map<number, string>();
  const seen = new Set<string>();
  let oldEnd = 0;
  for (let row = 1; row < grid.length; row++) {
    const key = rowKey(grid[row] ?? [], oldKeyColumns);
    if (key.replace(/\u0000/g, "") === "") continue;
    oldEnd = row;
    // A key met again names a row of its own, which no new row is: it has nowhere to go.
    if (!seen.has(key)) oldRows.set(row, key);
    seen.add(key);
  }
  const newEnd = plan.values.length - 1;
  return (row: number) => {
    if (row === 0) return 0;
    if (row > oldEnd) return row - oldEnd + newEnd;
    const key = oldRows.get(row);
    return key === undefined ? undefined : newRows.get(key);
  };
}

function carrySheet(plan: SheetPlan, grid: Grid): { sheet: SheetPlan; alignment: SheetAlignment; moved: string[]; refusals: string[] } {
  const width = planWidth(plan);
  const productHeaders = (plan.values[0] ?? []).map(text);
  const known = new Set(productHeaders.filter(Boolean));
  const oldWidth = largest(grid.map((row) => row.length));
  const foreign: number[] = [];
  const productColumn = new Map<number, number>();
  for (let col = 0; col < oldWidth; col++) {
    const header = text(grid[0]?.[col]);
    // A sheet without keyed rows (the guide) has no header row: its first row is a title that names the territory,
    // and its columns are the product's by their place.
    if (!plan.keyed && col < width) {
      productColumn.set(col, col);
      continue;
    }
    if (header && known.has(header)) {
      productColumn.set(col, productHeaders.indexOf(header));
      continue;
    }
    if (grid.some((row) => filled(row[col]))) foreign.push(col);
  }
  const row = rowAlignment(plan, grid);
  // A column the person put after the product's keeps its place; one put among them goes after them.
  const target = new Map<number, number>();
  const moved: string[] = [];
  const used = new Set(foreign.filter((col) => col >= width));
  let free = width;
  const label = (col: number) => words.column(text(grid[0]?.[col]), columnLetter(col));
  for (const col of foreign) {
    if (col >= width) {
      target.set(col, col);
      continue;
    }
    while (used.has(free)) free++;
    target.set(col, free);
    used.add(free);
    if (plan.keyed) moved.push(words.columnMoved(label(col), plan.name, columnLetter(free)));
  }
  const alignment: SheetAlignment = {
    column: (col) => productColumn.get(col) ?? target.get(col) ?? col,
    row,
    foreignColumns: foreign,
  };
  if (foreign.length === 0) return { sheet: plan, alignment, moved: [], refusals: [] };
  const name = plan.name;
  if (!plan.keyed) {
    const cells = foreign.flatMap((col) => grid.flatMap((cells, r) => (filled(cells[col]) ? [cellAddress(r, col)] : [])));
    return { sheet: plan, alignment, moved: [], refusals: [words.handAddedCells(name, listed(cells))] };
  }
  const lost: string[] = [];
  const values = plan.values.map((cells) => [...cells]);
  const put = (at: number, col: number, value: CellValue) => {
    const cells = values[at];
    while (cells.length < col) cells.push(null);
    cells[col] = value;
  };
  for (const col of foreign) {
    const header = grid[0]?.[col];
    if (filled(header)) put(0, target.get(col)!, header ?? null);
    for (let r = 1; r < grid.length; r++) {
      const value = grid[r]?.[col];
      if (!filled(value)) continue;
      const destination = row(r);
      if (destination === undefined || destination >= values.length) lost.push(cellAddress(r, col));
      else put(destination, target.get(col)!, value ?? null);
    }
  }
  const refusals = lost.length > 0 ? [words.valuesOnLeavingRows(name, listed(lost))] : [];
  const carriedColumns = [...new Set(target.values())];
  const numberFormats = plan.numberFormats?.map((cells) => [...cells]);
  return {
    sheet: {
      ...plan,
      values,
      ...(numberFormats ? { numberFormats } : {}),
      keyed: { ...plan.keyed, entryColumns: [...plan.keyed.entryColumns, ...carriedColumns] },
    },
    alignment,
    moved,
    refusals,
  };
}

export function listed(cells: string[]): string {
  return words.cells(cells.slice(0, 8).join(", "), Math.max(0, cells.length - 8));
}
