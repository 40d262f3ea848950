/** Defensive access to grids read from a workbook: any cell may hold anything, and rows may be ragged. */
import { sheetLabels } from "../labels/catalog";
import { foldText } from "../domain/vocabulary";
import type { Severity } from "../domain/plan";
import { cellAddress, type CellValue } from "./sheet-plan";

export interface LocatedIssue {
  sheet: string;
  /** A1 address, e.g. `F12`. */
  cell: string;
  severity: Severity;
  message: string;
}

export function cellAt(grid: readonly (readonly unknown[])[] | undefined, row: number, col: number): CellValue {
  const value = grid?.[row]?.[col];
  if (value === undefined || value === null) return null;
  if (typeof value === "string" || typeof value === "boolean") return value;
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10);
  return String(value);
}

/** Text of a cell, trimmed; numbers as written by JavaScript; empty string for an empty cell. */
export function textAt(grid: readonly (readonly unknown[])[] | undefined, row: number, col: number): string {
  const value = cellAt(grid, row, col);
  if (value === null) return "";
  if (typeof value === "boolean") return value ? "VRAI" : "FAUX";
  return String(value).trim();
}

export function isEmptyRow(grid: readonly (readonly unknown[])[], row: number, cols: readonly number[]): boolean {
  return cols.every((col) => textAt(grid, row, col) === "");
}

export type ColumnMap<K extends string> = Record<K, number>;

/**
 * Finds each expected header in the first row, whatever its position, so that a reader tolerates reordered columns;
 * a missing header is an issue located on the header row.
 */
export function mapColumns<K extends string>(
  sheet: string,
  grid: readonly (readonly unknown[])[],
  headers: Record<K, string>,
  /** Columns a tableau of an earlier template lacks: absent, they map to -1 and every cell of theirs reads empty. */
  optional: readonly K[] = [],
): { columns?: ColumnMap<K>; issues: LocatedIssue[] } {
  const found = new Map<string, number>();
  const width = grid[0]?.length ?? 0;
  for (let col = 0; col < width; col++) {
    const header = foldText(textAt(grid, 0, col));
    if (header && !found.has(header)) found.set(header, col);
  }
  const columns = {} as ColumnMap<K>;
  const issues: LocatedIssue[] = [];
  for (const key of Object.keys(headers) as K[]) {
    const col = found.get(foldText(headers[key]));
    if (col === undefined && optional.includes(key)) {
      columns[key] = -1;
    } else if (col === undefined) {
      issues.push({ sheet, cell: "A1", severity: "error", message: sheetLabels.reading.missingColumn(headers[key], sheet) });
    } else {
      columns[key] = col;
    }
  }
  return issues.length > 0 ? { issues } : { columns, issues };
}

export function issueAt(sheet: string, row: number, col: number, severity: Severity, message: string): LocatedIssue {
  return { sheet, cell: cellAddress(row, col), severity, message };
}
