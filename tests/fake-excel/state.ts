/** The state of a fake workbook: what the tests set up, what the fake host changes, what the tests inspect. */

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
  fontName?: string;
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
  id: string;
  rect: Rect;
  type: string;
  formula?: string;
  fill?: string;
  fontColor?: string;
  bold?: boolean;
}

export interface TableState {
  id: string;
  name: string;
  rect: Rect;
  style?: string;
}

export interface ChartState {
  id: string;
  name: string;
  type: string;
  source: Rect;
  seriesBy: string;
  title?: string;
  legend: { visible: boolean; position?: string };
  position?: { start: Rect; end: Rect };
  /** Fill per series index (or per point index of series 0 for pie-like charts). */
  seriesFills: Record<number, string>;
  pointFills: Record<number, string>;
  seriesLineColors: Record<number, string>;
}

let idCounter = 0;

/** Excel identifies sheets, tables and charts by a GUID-like string that survives renames. */
export function newId(): string {
  idCounter++;
  return `{00000000-0000-4000-8000-${idCounter.toString(16).padStart(12, "0")}}`;
}

export class SheetState {
  readonly id = newId();
  /** Cells by `row * MAX_COLS + col`: a number key keeps a 200-fiche tableau fast to build. */
  readonly store = new Map<number, CellState>();
  visibility = "Visible";
  tabColor = "";
  columnWidths = new Map<number, number>();
  rowHeights = new Map<number, number>();
  /** Rows Excel sizes to their content (autofit), which it keeps doing as people type. */
  autofitRows = new Set<number>();
  hiddenColumns = new Set<number>();
  validations: ValidationState[] = [];
  conditionalFormats: ConditionalFormatState[] = [];
  tables: TableState[] = [];
  charts: ChartState[] = [];
  merges: Rect[] = [];
  protected = false;
  /** Set when a person protected the sheet with a password: the add-in cannot lift that protection. */
  password?: string;
  protectionOptions?: Excel.WorksheetProtectionOptions;
  freeze?: { rows: number; columns: number };
  page: { orientation?: string; paperSize?: string; zoom?: Excel.PageLayoutZoomOptions; printTitleRows?: string; printArea?: string } = {};

  constructor(public name: string) {}

  /** The cells that exist, keyed `row,col`, for tests to look through. */
  get cells(): Map<string, CellState> {
    const view = new Map<string, CellState>();
    for (const [key, cell] of this.store) view.set(`${Math.floor(key / MAX_COLS)},${key % MAX_COLS}`, cell);
    return view;
  }

  cell(row: number, col: number): CellState {
    const key = row * MAX_COLS + col;
    let cell = this.store.get(key);
    if (!cell) {
      cell = { value: null, numberFormat: "General", locked: true, borders: {} };
      this.store.set(key, cell);
    }
    return cell;
  }

  peek(row: number, col: number): CellState | undefined {
    return this.store.get(row * MAX_COLS + col);
  }

  /** Every existing cell with its position. */
  *entries(): Generator<[number, number, CellState]> {
    for (const [key, cell] of this.store) yield [Math.floor(key / MAX_COLS), key % MAX_COLS, cell];
  }

  delete(row: number, col: number): void {
    this.store.delete(row * MAX_COLS + col);
  }

  /** Bounding rectangle of the cells that hold a value (or, with `formatted`, of every cell that exists). */
  usedRect(formatted = false): Rect | undefined {
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    for (const [key, cell] of this.store) {
      if (!formatted && (cell.value === null || cell.value === "")) continue;
      const row = Math.floor(key / MAX_COLS);
      const col = key % MAX_COLS;
      if (row < top) top = row;
      if (col < left) left = col;
      if (row > bottom) bottom = row;
      if (col > right) right = col;
    }
    return bottom < 0 ? undefined : { row: top, col: left, rows: bottom - top + 1, cols: right - left + 1 };
  }
}

export class WorkbookState {
  /** The file's name, as `workbook.name` gives it. */
  name = "Classeur1";
  sheets: SheetState[] = [];
  activeSheet?: string;
  selection?: { sheet: string; rect: Rect };

  find(name: string): SheetState | undefined {
    return this.sheets.find((sheet) => sheet.name.toLowerCase() === name.toLowerCase());
  }

  findById(id: string): SheetState | undefined {
    return this.sheets.find((sheet) => sheet.id === id);
  }
}

export function intersects(a: Rect, b: Rect): boolean {
  return a.row < b.row + b.rows && b.row < a.row + a.rows && a.col < b.col + b.cols && b.col < a.col + a.cols;
}

export function contains(outer: Rect, inner: Rect): boolean {
  return (
    inner.row >= outer.row && inner.col >= outer.col && inner.row + inner.rows <= outer.row + outer.rows && inner.col + inner.cols <= outer.col + outer.cols
  );
}

export function* cellsOf(rect: Rect): Generator<[number, number]> {
  for (let row = rect.row; row < rect.row + rect.rows; row++) for (let col = rect.col; col < rect.col + rect.cols; col++) yield [row, col];
}

export function columnLetters(col: number): string {
  let letters = "";
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

function columnIndex(letters: string): number {
  let index = 0;
  for (const char of letters.toUpperCase()) index = index * 26 + (char.charCodeAt(0) - 64);
  return index - 1;
}

/** `A1`, `A1:C3`, `A:A`, `3:3`, `$1:$1`, with or without a `Sheet!` prefix; undefined for anything else. */
export function parseAddress(address: string): Rect | undefined {
  const text = address.replace(/\$/g, "").replace(/^.*!/, "").trim().toUpperCase();
  let match = /^([A-Z]{1,3})(\d+)(?::([A-Z]{1,3})(\d+))?$/.exec(text);
  if (match) {
    const row = Number(match[2]) - 1;
    const col = columnIndex(match[1]);
    const lastRow = match[4] ? Number(match[4]) - 1 : row;
    const lastCol = match[3] ? columnIndex(match[3]) : col;
    return { row: Math.min(row, lastRow), col: Math.min(col, lastCol), rows: Math.abs(lastRow - row) + 1, cols: Math.abs(lastCol - col) + 1 };
  }
  match = /^([A-Z]{1,3}):([A-Z]{1,3})$/.exec(text);
  if (match) return { row: 0, col: columnIndex(match[1]), rows: MAX_ROWS, cols: columnIndex(match[2]) - columnIndex(match[1]) + 1 };
  match = /^(\d+):(\d+)$/.exec(text);
  if (match) return { row: Number(match[1]) - 1, col: 0, rows: Number(match[2]) - Number(match[1]) + 1, cols: MAX_COLS };
  return undefined;
}

export function addressOf(rect: Rect): string {
  const first = `${columnLetters(rect.col)}${rect.row + 1}`;
  if (rect.rows === 1 && rect.cols === 1) return first;
  return `${first}:${columnLetters(rect.col + rect.cols - 1)}${rect.row + rect.rows}`;
}
