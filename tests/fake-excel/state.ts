/** The state of a fake workbook, as the tests inspect it after `context.sync()`. */
import type { ChartState } from "./charts";

export interface Rect {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

export type StoredValue = string | number | boolean | null | { formula: string };

export interface CellState {
  value: StoredValue;
  numberFormat: string;
  locked: boolean;
  bold?: boolean;
  italic?: boolean;
  fontSize?: number;
  fontColor?: string;
  fill?: string;
  horizontalAlignment?: string;
  verticalAlignment?: string;
  wrap?: boolean;
  borders: Record<string, { style?: string; color?: string }>;
}

export interface ValidationState {
  rect: Rect;
  rule?: Excel.DataValidationRule;
  prompt?: Excel.DataValidationPrompt;
  errorAlert?: Excel.DataValidationErrorAlert;
}

export interface ConditionalFormatState {
  rect: Rect;
  type: string;
  formula?: string;
  fill?: string;
  fontColor?: string;
  bold?: boolean;
}

export interface TableState {
  name: string;
  rect: Rect;
  style?: string;
}

export class SheetState {
  cells = new Map<string, CellState>();
  visibility = "Visible";
  tabColor = "";
  columnWidths = new Map<number, number>();
  rowHeights = new Map<number, number>();
  hiddenColumns = new Set<number>();
  validations: ValidationState[] = [];
  conditionalFormats: ConditionalFormatState[] = [];
  tables: TableState[] = [];
  charts: ChartState[] = [];
  merges: Rect[] = [];
  protected = false;
  protectionOptions?: Excel.WorksheetProtectionOptions;
  freeze?: { rows: number; columns: number };
  page: { orientation?: string; paperSize?: string; zoom?: Excel.PageLayoutZoomOptions; printTitleRows?: string } = {};

  constructor(public name: string) {}

  cell(row: number, col: number): CellState {
    const key = `${row},${col}`;
    let cell = this.cells.get(key);
    if (!cell) {
      cell = { value: null, numberFormat: "General", locked: true, borders: {} };
      this.cells.set(key, cell);
    }
    return cell;
  }

  peek(row: number, col: number): CellState | undefined {
    return this.cells.get(`${row},${col}`);
  }

  /** Bounding rectangle of the cells that hold a value. */
  usedRect(): Rect | undefined {
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    for (const [key, cell] of this.cells) {
      if (cell.value === null || cell.value === "") continue;
      const [row, col] = key.split(",").map(Number);
      top = Math.min(top, row);
      left = Math.min(left, col);
      bottom = Math.max(bottom, row);
      right = Math.max(right, col);
    }
    return bottom < 0 ? undefined : { row: top, col: left, rows: bottom - top + 1, cols: right - left + 1 };
  }
}

export class WorkbookState {
  sheets: SheetState[] = [];
  activeSheet?: string;
  selection?: { sheet: string; rect: Rect };

  find(name: string): SheetState | undefined {
    return this.sheets.find((sheet) => sheet.name.toLowerCase() === name.toLowerCase());
  }
}

export function intersects(a: Rect, b: Rect): boolean {
  return a.row < b.row + b.rows && b.row < a.row + a.rows && a.col < b.col + b.cols && b.col < a.col + a.cols;
}

export function* cellsOf(rect: Rect): Generator<[number, number]> {
  for (let row = rect.row; row < rect.row + rect.rows; row++) for (let col = rect.col; col < rect.col + rect.cols; col++) yield [row, col];
}

function columnIndex(letters: string): number {
  let index = 0;
  for (const char of letters.toUpperCase()) index = index * 26 + (char.charCodeAt(0) - 64);
  return index - 1;
}

/** `A1`, `A1:C3`, `A:A`, `3:3`, `$1:$1`; undefined for anything else. */
export function parseAddress(address: string): Rect | undefined {
  const text = address.replace(/\$/g, "").replace(/^.*!/, "").trim().toUpperCase();
  let match = /^([A-Z]{1,3})(\d+)(?::([A-Z]{1,3})(\d+))?$/.exec(text);
  if (match) {
    const row = Number(match[2]) - 1;
    const col = columnIndex(match[1]);
    const lastRow = match[4] ? Number(match[4]) - 1 : row;
    const lastCol = match[3] ? columnIndex(match[3]) : col;
    return { row, col, rows: lastRow - row + 1, cols: lastCol - col + 1 };
  }
  match = /^([A-Z]{1,3}):([A-Z]{1,3})$/.exec(text);
  if (match) return { row: 0, col: columnIndex(match[1]), rows: MAX_ROWS, cols: columnIndex(match[2]) - columnIndex(match[1]) + 1 };
  match = /^(\d+):(\d+)$/.exec(text);
  if (match) return { row: Number(match[1]) - 1, col: 0, rows: Number(match[2]) - Number(match[1]) + 1, cols: MAX_COLS };
  return undefined;
}
