/**
 * Declarative description of what a workbook must contain. Layout logic builds these plans once; the executors
 * (src/xlsx for files, src/excel for the open workbook) apply them without knowing what the sheets mean.
 */
import { largest } from "../domain/numbers";

/** What a cell holds once read: dates come back as Excel serial numbers. */
export type CellValue = string | number | boolean | null;
export type Grid = CellValue[][];

/** Zero-based rectangle: `row`/`col` of the top-left cell, and its size. */
export interface RangeRef {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

export interface CellStyle {
  bold?: boolean;
  italic?: boolean;
  fontSize?: number;
  /** `#RRGGBB` */
  fontColor?: string;
  fill?: string;
  horizontalAlignment?: "left" | "center" | "right";
  verticalAlignment?: "top" | "center" | "bottom";
  wrap?: boolean;
  /** Thin border on every edge of every cell of the range. */
  border?: boolean;
  borderColor?: string;
  /** Entry cells are unlocked; everything else stays locked once the sheet is protected. */
  locked?: boolean;
}

export interface StyledRange {
  range: RangeRef;
  style: CellStyle;
}

export type ValidationRule =
  | { kind: "list"; values: readonly string[] }
  | { kind: "whole"; min: number; max?: number }
  /**
   * `decimals`: at most that many decimal places in the cell. Excel has no such rule of its own: executors write
   * it as a custom rule `AND(ISNUMBER(X),X>=min,X<=max,ROUND(X,decimals)=X)` on the range's top-left cell X.
   */
  | { kind: "decimal"; min: number; max?: number; decimals?: number }
  | { kind: "textLength"; max: number }
  | { kind: "date"; min: number; max: number };

/** The custom formula (English names, no `=`) of a decimal rule with a number of decimals, for the cell `at` (A1). */
export function decimalsFormula(rule: { min: number; max?: number; decimals: number }, at: string): string {
  const bounds = [`${at}>=${rule.min}`, ...(rule.max === undefined ? [] : [`${at}<=${rule.max}`])];
  return `AND(ISNUMBER(${at}),${bounds.join(",")},ROUND(${at},${rule.decimals})=${at})`;
}

export interface DataValidationPlan {
  range: RangeRef;
  rule: ValidationRule;
  /** Input message shown when the cell is selected. Excel limits: title 32 characters, message 255. */
  prompt: { title: string; message: string };
  /** Message of the stop alert shown when a typed value breaks the rule. Same limits. */
  error: { title: string; message: string };
}

export interface ConditionalFormatPlan {
  range: RangeRef;
  /** Formula in English function names and A1 references, relative to the top-left cell of `range`, without `=`. */
  formula: string;
  style: { fill?: string; fontColor?: string; bold?: boolean };
}

export interface TablePlan {
  name: string;
  /** Header row plus data rows. */
  range: RangeRef;
  style: string;
}

export interface PagePlan {
  orientation: "landscape" | "portrait";
  /** Fit every column on one page width, as many pages tall as needed. */
  fitToWidth: boolean;
  /** Zero-based rows repeated at the top of each printed page. */
  printTitleRows?: { first: number; last: number };
  /** What a reader needs printed, when it is less than the whole sheet (a summary beside its chart data). */
  printArea?: RangeRef;
}

export type ChartKind = "barStacked" | "barClustered" | "doughnut" | "line";

/** Charts the product creates carry this prefix, so that regenerating a sheet removes them and nothing else. */
export const CHART_NAME_PREFIX = "CTG_";

export interface ChartPlan {
  name: string;
  kind: ChartKind;
  title: string;
  /** Labels in the first row and the first column, numbers in the rest. */
  data: RangeRef;
  /** Whether each column (after the first) or each row (after the first) is one series. */
  seriesBy: "columns" | "rows";
  /** Cells the chart covers. */
  anchor: RangeRef;
  /** Fill per series, or per point for a doughnut, in order. */
  colors?: string[];
}

export interface SheetPlan {
  name: string;
  visibility: "visible" | "hidden" | "veryHidden";
  tabColor?: string;
  /** Cell values from A1; shorter rows are padded with empty cells. */
  values: Grid;
  /** Number format per cell, aligned with `values` (Excel format codes, `null` = General). */
  numberFormats?: (string | null)[][];
  /** Width in characters, per column from A. */
  columnWidths: number[];
  /** Zero-based columns kept for readers (a key) and hidden from people. */
  hiddenColumns?: number[];
  /** Height in points of rows whose wrapped text needs more than one line (zero-based row → points). */
  rowHeights?: Record<number, number>;
  styles: StyledRange[];
  validations: DataValidationPlan[];
  conditionalFormats: ConditionalFormatPlan[];
  tables: TablePlan[];
  merges: RangeRef[];
  freeze?: { rows: number; columns: number };
  /** Protect the structure: locked cells cannot change; filtering stays possible. */
  protect: boolean;
  page?: PagePlan;
  /** Native charts, drawn by both executors: Excel's own in the add-in, DrawingML charts in a file. */
  charts?: ChartPlan[];
  /**
   * Rows identified by a key and cells people type into. Updating a sheet of the open workbook that already has
   * these rows keeps its entry cells where they are and never writes them, so that an entry a co-author types
   * between the add-in's read and its write is not erased: rows are inserted or deleted around them.
   */
  keyed?: KeyedRows;
}

export interface KeyedRows {
  /** Columns whose values together identify a data row. */
  keyColumns: number[];
  /** Columns of entry cells. */
  entryColumns: number[];
  /** Sheet rows whose cells in `entryColumns` are entries; all data rows when absent. */
  entryRows?: number[];
}

export interface WorkbookPlan {
  sheets: SheetPlan[];
  /** Sheet shown when the workbook opens. */
  activeSheet?: string;
  /**
   * Put the sheets in the plan's order, from the first tab. A bilan added to a tableau leaves the tabs where they
   * are instead: a new sheet goes last, an existing one keeps its place.
   */
  arrange?: boolean;
}

export function columnLetter(col: number): string {
  let letters = "";
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

export function cellAddress(row: number, col: number): string {
  return `${columnLetter(col)}${row + 1}`;
}

export function rangeAddress(range: RangeRef): string {
  const first = cellAddress(range.row, range.col);
  if (range.rows === 1 && range.cols === 1) return first;
  return `${first}:${cellAddress(range.row + range.rows - 1, range.col + range.cols - 1)}`;
}

export function columnIndex(letters: string): number {
  let index = 0;
  for (const char of letters.toUpperCase()) index = index * 26 + (char.charCodeAt(0) - 64);
  return index - 1;
}

/** `B7` → { row: 6, col: 1 } */
export function parseCellAddress(address: string): { row: number; col: number } | undefined {
  const match = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address.trim());
  if (!match) return undefined;
  return { row: Number(match[2]) - 1, col: columnIndex(match[1]) };
}

export function planWidth(sheet: SheetPlan): number {
  return largest(
    sheet.values.map((row) => row.length),
    sheet.columnWidths.length,
  );
}

const LINE_HEIGHT_POINTS = 14.4;
const MAX_ROW_HEIGHT_POINTS = 409;

/**
 * Row heights for wrapped text. Excel sizes such rows itself when it edits them, but neither Excel on opening a
 * generated file nor LibreOffice does, so a multi-line cell would show one line.
 */
export function wrappedRowHeights(values: Grid, columnWidths: readonly number[], wrapped: ReadonlySet<number>, fromRow = 0): Record<number, number> {
  const heights: Record<number, number> = {};
  for (let row = fromRow; row < values.length; row++) {
    let lines = 1;
    for (const col of wrapped) {
      const value = values[row][col];
      if (typeof value !== "string" || value.length === 0) continue;
      // Average French text is narrower than the digit "0" that defines Excel's width unit.
      const perLine = Math.max(1, Math.floor((columnWidths[col] ?? 10) * 1.1));
      const cellLines = value.split("\n").reduce((sum, paragraph) => sum + Math.max(1, Math.ceil(paragraph.length / perLine)), 0);
      lines = Math.max(lines, cellLines);
    }
    if (lines > 1) heights[row] = Math.min(MAX_ROW_HEIGHT_POINTS, Math.ceil(lines * LINE_HEIGHT_POINTS + 2));
  }
  return heights;
}
