/**
 * Ranges of the fake Excel host and what hangs off them: values and number formats, cell formats, borders,
 * data validation, conditional formats. Strict where Excel is: a protected sheet refuses changes its options do
 * not allow, an array must have the range's shape, an unknown alignment or colour is an invalid argument.
 */
import { storedInput } from "./excel-input";
import { HostError, HostObject, invalidArgument, requireBoolean, requireColor, requireNumber, requireOneOf, requireString } from "./host-object";
import type { FakeWorkbook } from "./server";
import {
  type CellState,
  type Rect,
  type SheetState,
  type StoredValue,
  MAX_COLS,
  MAX_ROWS,
  addressOf,
  cellsOf,
  contains,
  intersects,
  newId,
  parseAddress,
} from "./state";

export type Permission = "unlockedCells" | "formatCells" | "formatColumns" | "formatRows" | "insertRows" | "deleteRows" | "never";

export function isWhole(rect: Rect): boolean {
  return rect.rows >= MAX_ROWS || rect.cols >= MAX_COLS;
}

export function quotedSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

export class RangeObject extends HostObject {
  readonly typeName = "Range";

  constructor(
    host: FakeWorkbook,
    readonly sheet: SheetState,
    readonly rect: Rect,
  ) {
    super(host);
  }

  /** Queues nothing: checks, at the moment an action runs, that the sheet still exists and allows the change. */
  guard(permission: Permission): SheetState {
    const sheet = this.host.alive(this.sheet);
    if (!sheet.protected) return sheet;
    const options = sheet.protectionOptions ?? {};
    const allowed =
      (permission === "unlockedCells" && !isWhole(this.rect) && noLockedCell(sheet, this.rect)) ||
      (permission === "formatCells" && options.allowFormatCells === true) ||
      (permission === "formatColumns" && options.allowFormatColumns === true) ||
      (permission === "formatRows" && options.allowFormatRows === true) ||
      (permission === "insertRows" && options.allowInsertRows === true) ||
      (permission === "deleteRows" && options.allowDeleteRows === true);
    if (!allowed)
      throw new HostError("AccessDenied", `The cell or chart you're trying to change (${sheet.name}!${addressOf(clip(this.rect))}) is on a protected sheet.`);
    return sheet;
  }

  /** A range is addressed again in a later request only through a reference the request asked Excel to keep. */
  override identity(kept = false): Record<string, unknown> | undefined {
    return kept ? { _ReferenceId: this.host.keep(this) } : undefined;
  }

  override scalars(): string[] {
    return ["Address", "ColumnCount", "ColumnIndex", "NumberFormat", "RowCount", "RowIndex", "Values"];
  }

  override navigate(name: string): HostObject {
    switch (name) {
      case "Format":
        return new RangeFormatObject(this.host, this);
      case "DataValidation":
        return new DataValidationObject(this.host, this);
      case "ConditionalFormats":
        return new ConditionalFormatCollectionObject(this.host, this);
      default:
        return super.navigate(name);
    }
  }

  override get(name: string): unknown {
    const sheet = this.host.alive(this.sheet);
    const rect = this.rect;
    switch (name) {
      case "Values":
        return grid(this.readable(), (row, col) => displayValue(sheet.peek(row, col)?.value ?? null));
      case "Formulas":
        return grid(this.readable(), (row, col) => formulaOf(sheet.peek(row, col)?.value ?? null));
      case "NumberFormat":
        return grid(this.readable(), (row, col) => sheet.peek(row, col)?.numberFormat ?? "General");
      case "RowIndex":
        return rect.row;
      case "ColumnIndex":
        return rect.col;
      case "RowCount":
        return rect.rows;
      case "ColumnCount":
        return rect.cols;
      case "Address":
        return `${quotedSheetName(sheet.name)}!${addressOf(clip(rect))}`;
      case "ColumnHidden":
        return allOrNull(columnsOf(rect).map((col) => sheet.hiddenColumns.has(col)));
      default:
        return super.get(name);
    }
  }

  override set(name: string, value: unknown): void {
    switch (name) {
      case "Values":
      case "Formulas": {
        const sheet = this.guard("unlockedCells");
        const rows = shaped(value, this.rect, name);
        for (let r = 0; r < this.rect.rows; r++) {
          for (let c = 0; c < this.rect.cols; c++) {
            const cell = sheet.cell(this.rect.row + r, this.rect.col + c);
            const stored = storedInput(rows(r, c), cell.numberFormat);
            cell.value = stored.value;
            if (stored.numberFormat) cell.numberFormat = stored.numberFormat;
          }
        }
        return;
      }
      case "NumberFormat": {
        const sheet = this.guard("formatCells");
        const rows = shaped(value, this.rect, name);
        for (let r = 0; r < this.rect.rows; r++) {
          for (let c = 0; c < this.rect.cols; c++) sheet.cell(this.rect.row + r, this.rect.col + c).numberFormat = requireString(rows(r, c), "numberFormat");
        }
        return;
      }
      case "ColumnHidden": {
        const sheet = this.guard("formatColumns");
        const hidden = requireBoolean(value, "columnHidden");
        for (const col of columnsOf(this.rect)) {
          if (hidden) sheet.hiddenColumns.add(col);
          else sheet.hiddenColumns.delete(col);
        }
        return;
      }
      default:
        super.set(name, value);
    }
  }

  override call(name: string, args: unknown[]): unknown {
    switch (name) {
      case "Select": {
        const sheet = this.host.alive(this.sheet);
        if (this.host.state.activeSheet !== sheet.name) throw new HostError("InvalidSelection", "Only a range of the active sheet can be selected.");
        this.host.state.selection = { sheet: sheet.name, rect: this.rect };
        return undefined;
      }
      case "Merge": {
        const sheet = this.guard("never");
        if (sheet.merges.some((merge) => intersects(merge, this.rect))) throw new HostError("InvalidOperation", "Merged ranges cannot overlap.");
        sheet.merges.push(this.rect);
        return undefined;
      }
      case "Unmerge": {
        const sheet = this.guard("never");
        sheet.merges = sheet.merges.filter((merge) => !intersects(merge, this.rect));
        return undefined;
      }
      case "Clear":
        this.clear(
          args[0] === undefined || args[0] === null
            ? "All"
            : requireOneOf(args[0], ["All", "Formats", "Contents", "Hyperlinks", "RemoveHyperlinks", "ResetContents"], "applyTo"),
        );
        return undefined;
      case "Insert":
      case "Delete": {
        if (this.rect.cols < MAX_COLS) throw new HostError("NotImplemented", "The fake Excel host inserts and deletes whole rows only");
        const shift = requireOneOf(args[0], name === "Insert" ? ["Down"] : ["Up"], "shift");
        const sheet = this.guard(name === "Insert" ? "insertRows" : "deleteRows");
        shiftRows(sheet, this.rect.row, shift === "Down" ? this.rect.rows : -this.rect.rows);
        // insert() answers the new blank cells, as a range.
        return name === "Insert" ? new RangeObject(this.host, this.sheet, this.rect) : undefined;
      }
      case "GetCell":
        return this.sub({ row: this.rect.row + requireNumber(args[0], "row"), col: this.rect.col + requireNumber(args[1], "column"), rows: 1, cols: 1 });
      // The runtime splits a large `values` or `numberFormat` write into slices of rows: it checks the size once,
      // then writes each slice to `getRow(first).getBoundingRect(getRow(last))`.
      case "_ValidateArraySize": {
        const [rows, cols] = [requireNumber(args[0], "rows"), requireNumber(args[1], "columns")];
        if (rows !== this.rect.rows || cols !== this.rect.cols) {
          throw invalidArgument(
            `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${rows}×${cols} for ${this.rect.rows}×${this.rect.cols}).`,
          );
        }
        return undefined;
      }
      case "GetRow": {
        const row = requireNumber(args[0], "row");
        if (row < 0 || row >= this.rect.rows) throw invalidArgument(`The range has no row ${row}`);
        return this.sub({ row: this.rect.row + row, col: this.rect.col, rows: 1, cols: this.rect.cols });
      }
      case "GetColumn": {
        const col = requireNumber(args[0], "column");
        if (col < 0 || col >= this.rect.cols) throw invalidArgument(`The range has no column ${col}`);
        return this.sub({ row: this.rect.row, col: this.rect.col + col, rows: this.rect.rows, cols: 1 });
      }
      case "GetBoundingRect": {
        const other = args[0] instanceof RangeObject ? args[0].rect : parseAddressArgument(args[0]);
        const row = Math.min(this.rect.row, other.row);
        const col = Math.min(this.rect.col, other.col);
        const lastRow = Math.max(this.rect.row + this.rect.rows, other.row + other.rows);
        const lastCol = Math.max(this.rect.col + this.rect.cols, other.col + other.cols);
        return this.sub({ row, col, rows: lastRow - row, cols: lastCol - col });
      }
      case "GetEntireRow":
        return this.sub({ row: this.rect.row, col: 0, rows: this.rect.rows, cols: MAX_COLS });
      case "GetEntireColumn":
        return this.sub({ row: 0, col: this.rect.col, rows: MAX_ROWS, cols: this.rect.cols });
      case "GetResizedRange":
        return this.sub({
          ...this.rect,
          rows: this.rect.rows + requireNumber(args[0], "deltaRows"),
          cols: this.rect.cols + requireNumber(args[1], "deltaColumns"),
        });
      case "GetOffsetRange":
        return this.sub({
          ...this.rect,
          row: this.rect.row + requireNumber(args[0], "rowOffset"),
          col: this.rect.col + requireNumber(args[1], "columnOffset"),
        });
      default:
        return super.call(name, args);
    }
  }

  private sub(rect: Rect): RangeObject {
    if (rect.row < 0 || rect.col < 0 || rect.rows < 1 || rect.cols < 1 || rect.row + rect.rows > MAX_ROWS || rect.col + rect.cols > MAX_COLS)
      throw invalidArgument("The range would lie outside the sheet");
    return new RangeObject(this.host, this.sheet, rect);
  }

  private clear(applyTo: string): void {
    const sheet = this.guard(applyTo === "Contents" ? "unlockedCells" : "never");
    for (const [row, col, cell] of [...sheet.entries()]) {
      if (!inside(this.rect, row, col)) continue;
      if (applyTo === "All") sheet.delete(row, col);
      else if (applyTo === "Contents" || applyTo === "ResetContents") cell.value = null;
      else if (applyTo === "Formats")
        Object.assign(cell, {
          numberFormat: "General",
          locked: true,
          borders: {},
          bold: undefined,
          italic: undefined,
          fontSize: undefined,
          fontColor: undefined,
          fontName: undefined,
          fill: undefined,
          horizontalAlignment: undefined,
          verticalAlignment: undefined,
          wrap: undefined,
        });
    }
    if (applyTo === "All" || applyTo === "Formats") {
      if (isWhole(this.rect)) {
        sheet.columnWidths.clear();
        sheet.rowHeights.clear();
        sheet.autofitRows.clear();
      }
    }
  }

  /** A whole column or sheet read back cell by cell would answer millions of cells: Excel refuses that too. */
  private readable(): Rect {
    if (this.rect.rows * this.rect.cols > 5_000_000)
      throw new HostError("RangeExceedsLimit", "The cell count in the range has exceeded the maximum supported number.");
    return this.rect;
  }

  /** Visits each cell of the range; a whole-sheet or whole-column range visits only the cells that exist. */
  eachCell(sheet: SheetState, visit: (cell: CellState) => void): void {
    if (isWhole(this.rect)) {
      for (const [row, col, cell] of sheet.entries()) if (inside(this.rect, row, col)) visit(cell);
      return;
    }
    for (const [row, col] of cellsOf(this.rect)) visit(sheet.cell(row, col));
  }
}

/**
 * Rows from `from` move by `delta` (a negative delta deletes the rows `from … from - delta - 1`), with everything
 * anchored to them: cells, heights, validations, conditional formats, tables, merges.
 */
function shiftRows(sheet: SheetState, from: number, delta: number): void {
  const moved = new Map<number, CellState>();
  for (const [row, col, cell] of [...sheet.entries()]) {
    if (row < from) continue;
    sheet.delete(row, col);
    if (delta < 0 && row < from - delta) continue;
    moved.set((row + delta) * MAX_COLS + col, cell);
  }
  for (const [key, cell] of moved) sheet.store.set(key, cell);
  const shiftMap = <T>(map: Map<number, T>) => {
    const entries = [...map].filter(([row]) => row >= from);
    for (const [row] of entries) map.delete(row);
    for (const [row, value] of entries) if (delta > 0 || row >= from - delta) map.set(row + delta, value);
  };
  shiftMap(sheet.rowHeights);
  const autofit = [...sheet.autofitRows].filter((row) => row >= from);
  for (const row of autofit) sheet.autofitRows.delete(row);
  for (const row of autofit) if (delta > 0 || row >= from - delta) sheet.autofitRows.add(row + delta);
  const moveRect = (rect: Rect): Rect | undefined => {
    if (rect.rows >= MAX_ROWS) return rect;
    const last = rect.row + rect.rows - 1;
    if (delta > 0) {
      if (rect.row >= from) return { ...rect, row: rect.row + delta };
      if (last >= from) return { ...rect, rows: rect.rows + delta };
      return rect;
    }
    const gone = { first: from, last: from - delta - 1 };
    const before = Math.max(0, Math.min(last, gone.first - 1) - rect.row + 1);
    const after = Math.max(0, last - Math.max(rect.row, gone.last + 1) + 1);
    if (before + after === 0) return undefined;
    return { ...rect, row: rect.row < gone.first ? rect.row : gone.first, rows: before + after };
  };
  const moveAll = <T extends { rect: Rect }>(items: T[]) =>
    items.flatMap((item) => {
      const rect = moveRect(item.rect);
      return rect ? [{ ...item, rect }] : [];
    });
  sheet.validations = moveAll(sheet.validations);
  sheet.conditionalFormats = moveAll(sheet.conditionalFormats);
  for (const table of sheet.tables) table.rect = moveRect(table.rect) ?? table.rect;
  sheet.merges = sheet.merges.flatMap((merge) => {
    const rect = moveRect(merge);
    return rect ? [rect] : [];
  });
}

function parseAddressArgument(value: unknown): Rect {
  const rect = parseAddress(requireString(value, "address"));
  if (!rect) throw invalidArgument(`${String(value)} is not a valid address`);
  return rect;
}

function inside(rect: Rect, row: number, col: number): boolean {
  return row >= rect.row && row < rect.row + rect.rows && col >= rect.col && col < rect.col + rect.cols;
}

function clip(rect: Rect): Rect {
  return { row: rect.row, col: rect.col, rows: Math.min(rect.rows, MAX_ROWS - rect.row), cols: Math.min(rect.cols, MAX_COLS - rect.col) };
}

function columnsOf(rect: Rect): number[] {
  const cols = Math.min(rect.cols, MAX_COLS - rect.col);
  return Array.from({ length: cols }, (_, index) => rect.col + index);
}

function allOrNull(flags: boolean[]): boolean | null {
  return flags.every((flag) => flag === flags[0]) ? (flags[0] ?? false) : null;
}

function noLockedCell(sheet: SheetState, rect: Rect): boolean {
  for (const [row, col] of cellsOf(rect)) if (sheet.peek(row, col)?.locked ?? true) return false;
  return true;
}

/** A 2D array of exactly the range's shape, or one value for every cell, as Excel accepts. */
function shaped(value: unknown, rect: Rect, what: string): (row: number, col: number) => unknown {
  if (!Array.isArray(value)) {
    if (isWhole(rect)) throw invalidArgument(`${what} cannot be written to a whole row, column or sheet at once`);
    return () => value;
  }
  if (value.length !== rect.rows || value.some((row) => !Array.isArray(row) || row.length !== rect.cols)) {
    throw invalidArgument(
      `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${what}, ${rect.rows}×${rect.cols}).`,
    );
  }
  return (row, col) => (value[row] as unknown[])[col];
}

/** What `values` shows of a stored cell; a formula's result is not computed by the fake and reads as 0. */
function displayValue(value: StoredValue): unknown {
  if (value === null) return "";
  if (typeof value === "object") return 0;
  return value;
}

function formulaOf(value: StoredValue): unknown {
  if (value === null) return "";
  if (typeof value === "object") return value.formula;
  return value;
}

function grid<T>(rect: Rect, cell: (row: number, col: number) => T): T[][] {
  const rows: T[][] = [];
  for (let r = 0; r < rect.rows; r++) {
    const row: T[] = [];
    for (let c = 0; c < rect.cols; c++) row.push(cell(rect.row + r, rect.col + c));
    rows.push(row);
  }
  return rows;
}

const HORIZONTAL = ["General", "Left", "Center", "Right", "Fill", "Justify", "CenterAcrossSelection", "Distributed"];
const VERTICAL = ["Top", "Center", "Bottom", "Justify", "Distributed"];

/** What hangs off a range and acts on its cells. */
abstract class RangePart extends HostObject {
  constructor(
    host: FakeWorkbook,
    readonly range: RangeObject,
  ) {
    super(host);
  }
}

/** `range.format`: each write changes every cell of the range. */
class RangeFormatObject extends RangePart {
  readonly typeName = "RangeFormat";

  override navigate(name: string): HostObject {
    switch (name) {
      case "Font":
        return new CellPropertiesObject(this.host, this.range, "RangeFont", {
          Bold: (cell, value) => (cell.bold = requireBoolean(value, "font.bold")),
          Italic: (cell, value) => (cell.italic = requireBoolean(value, "font.italic")),
          Size: (cell, value) => (cell.fontSize = requireNumber(value, "font.size")),
          Color: (cell, value) => (cell.fontColor = requireColor(value, "font.color")),
          Name: (cell, value) => (cell.fontName = requireString(value, "font.name")),
        });
      case "Fill":
        return new CellPropertiesObject(this.host, this.range, "RangeFill", { Color: (cell, value) => (cell.fill = requireColor(value, "fill.color")) });
      case "Protection":
        return new CellPropertiesObject(
          this.host,
          this.range,
          "FormatProtection",
          { Locked: (cell, value) => (cell.locked = requireBoolean(value, "protection.locked")) },
          "never",
          // As Excel answers: null when the range's cells are not all locked or all unlocked; a cell never
          // formatted is locked.
          { Locked: (cell) => cell?.locked ?? true },
        );
      case "Borders":
        return new RangeBorderCollectionObject(this.host, this.range);
      default:
        return super.navigate(name);
    }
  }

  override set(name: string, value: unknown): void {
    switch (name) {
      case "WrapText": {
        const wrap = requireBoolean(value, "wrapText");
        this.range.eachCell(this.range.guard("formatCells"), (cell) => (cell.wrap = wrap));
        return;
      }
      case "HorizontalAlignment": {
        const alignment = requireOneOf(value, HORIZONTAL, "horizontalAlignment");
        this.range.eachCell(this.range.guard("formatCells"), (cell) => (cell.horizontalAlignment = alignment));
        return;
      }
      case "VerticalAlignment": {
        const alignment = requireOneOf(value, VERTICAL, "verticalAlignment");
        this.range.eachCell(this.range.guard("formatCells"), (cell) => (cell.verticalAlignment = alignment));
        return;
      }
      case "ColumnWidth": {
        const points = requireNumber(value, "columnWidth");
        if (points < 0 || points > 1_800) throw invalidArgument(`A column width of ${points} points is out of Excel's range`);
        const sheet = this.range.guard("formatColumns");
        for (const col of columnsOf(this.range.rect)) sheet.columnWidths.set(col, points);
        return;
      }
      case "RowHeight": {
        const points = requireNumber(value, "rowHeight");
        if (points < 0 || points > 409) throw invalidArgument(`A row height of ${points} points is out of Excel's range (0 to 409)`);
        const sheet = this.range.guard("formatRows");
        const rect = this.range.rect;
        for (let row = rect.row; row < rect.row + Math.min(rect.rows, MAX_ROWS - rect.row); row++) sheet.rowHeights.set(row, points);
        return;
      }
      default:
        super.set(name, value);
    }
  }

  override call(name: string, args: unknown[]): unknown {
    if (name !== "AutofitRows" && name !== "AutofitColumns") return super.call(name, args);
    const rect = this.range.rect;
    if (name === "AutofitRows") {
      const sheet = this.range.guard("formatRows");
      for (let row = rect.row; row < rect.row + Math.min(rect.rows, MAX_ROWS - rect.row); row++) {
        sheet.rowHeights.delete(row);
        sheet.autofitRows.add(row);
      }
    } else {
      const sheet = this.range.guard("formatColumns");
      for (const col of columnsOf(rect)) sheet.columnWidths.delete(col);
    }
    return undefined;
  }
}

type CellSetter = (cell: CellState, value: unknown) => void;

/** Font, fill and lock of a range's cells: plain properties applied to each cell. */
class CellPropertiesObject extends HostObject {
  constructor(
    host: FakeWorkbook,
    private readonly range: RangeObject,
    readonly typeName: string,
    private readonly setters: Record<string, CellSetter>,
    private readonly permission: Permission = "formatCells",
    private readonly getters: Record<string, (cell: CellState | undefined) => boolean> = {},
  ) {
    super(host);
  }

  override get(name: string): unknown {
    const getter = this.getters[name];
    if (!getter) return super.get(name);
    const sheet = this.host.alive(this.range.sheet);
    if (isWhole(this.range.rect)) throw new HostError("NotImplemented", `The fake Excel host does not read ${this.typeName}.${name} of a whole sheet`);
    return allOrNull([...cellsOf(this.range.rect)].map(([row, col]) => getter(sheet.peek(row, col))));
  }

  override set(name: string, value: unknown): void {
    const setter = this.setters[name];
    if (!setter) return super.set(name, value);
    setter({ value: null, numberFormat: "General", locked: true, borders: {} }, value);
    this.range.eachCell(this.range.guard(this.permission), (cell) => setter(cell, value));
  }
}

const EDGES = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideVertical", "InsideHorizontal", "DiagonalDown", "DiagonalUp"];
const BORDER_STYLES = ["None", "Continuous", "Dash", "DashDot", "DashDotDot", "Dot", "Double", "SlantDashDot"];

class RangeBorderCollectionObject extends RangePart {
  readonly typeName = "RangeBorderCollection";
  override readonly isCollection = true;

  override call(name: string, args: unknown[]): unknown {
    if (name === "GetItem") return this.item(args[0]);
    return super.call(name, args);
  }

  override item(key: unknown): HostObject {
    const edge = requireOneOf(key, EDGES, "border index");
    const edit = (change: (border: { style?: string; color?: string }) => void) =>
      this.range.eachCell(this.range.guard("formatCells"), (cell) => change((cell.borders[edge] ??= {})));
    const range = this.range;
    return new (class extends HostObject {
      readonly typeName = "RangeBorder";
      override set(name: string, value: unknown): void {
        if (name === "Style") {
          const style = requireOneOf(value, BORDER_STYLES, "border.style");
          return edit((border) => (border.style = style));
        }
        if (name === "Color") {
          const color = requireColor(value, "border.color");
          return edit((border) => (border.color = color));
        }
        if (name === "Weight") {
          requireOneOf(value, ["Hairline", "Thin", "Medium", "Thick"], "border.weight");
          return void range.guard("formatCells");
        }
        super.set(name, value);
      }
    })(this.host);
  }
}

const RULE_KINDS = ["wholeNumber", "decimal", "list", "textLength", "date", "time", "custom"];

class DataValidationObject extends RangePart {
  readonly typeName = "DataValidation";

  private entry(sheet: SheetState, creating: boolean) {
    const rect = this.range.rect;
    let entry = sheet.validations.find(
      (validation) =>
        validation.rect.row === rect.row && validation.rect.col === rect.col && validation.rect.rows === rect.rows && validation.rect.cols === rect.cols,
    );
    if (!entry) {
      if (creating && sheet.validations.some((validation) => intersects(validation.rect, rect))) {
        throw new HostError("InvalidOperation", "The range already has a different data validation: clear it first.");
      }
      entry = { rect };
      sheet.validations.push(entry);
    }
    return entry;
  }

  override set(name: string, value: unknown): void {
    const sheet = this.range.guard("never");
    switch (name) {
      case "Rule": {
        const rule = value as Excel.DataValidationRule;
        const kinds = Object.keys(rule ?? {}).filter((key) => (rule as Record<string, unknown>)[key] !== undefined);
        if (kinds.length !== 1 || !RULE_KINDS.includes(kinds[0])) throw invalidArgument(`A data validation rule has exactly one of ${RULE_KINDS.join(", ")}`);
        if (rule.list && typeof rule.list.source === "string" && rule.list.source.length > 255)
          throw invalidArgument("A list's source text is limited to 255 characters.");
        this.entry(sheet, true).rule = rule;
        return;
      }
      case "Prompt": {
        const prompt = value as Excel.DataValidationPrompt;
        limitText(prompt.title, 32, "prompt.title");
        limitText(prompt.message, 255, "prompt.message");
        this.entry(sheet, false).prompt = prompt;
        return;
      }
      case "ErrorAlert": {
        const alert = value as Excel.DataValidationErrorAlert;
        limitText(alert.title, 32, "errorAlert.title");
        limitText(alert.message, 255, "errorAlert.message");
        if (alert.style !== undefined) requireOneOf(alert.style, ["Stop", "Warning", "Information"], "errorAlert.style");
        this.entry(sheet, false).errorAlert = alert;
        return;
      }
      default:
        super.set(name, value);
    }
  }

  override call(name: string, args: unknown[]): unknown {
    if (name !== "Clear") return super.call(name, args);
    const sheet = this.range.guard("never");
    const rect = this.range.rect;
    const kept = [];
    for (const validation of sheet.validations) {
      if (!intersects(validation.rect, rect)) kept.push(validation);
      else if (!contains(rect, validation.rect)) throw new HostError("NotImplemented", "The fake Excel host clears only whole validation ranges");
    }
    sheet.validations = kept;
    return undefined;
  }
}

function limitText(text: unknown, max: number, what: string): void {
  if (text === undefined) return;
  if (typeof text !== "string") throw invalidArgument(`${what} must be a string`);
  if (text.length > max) throw invalidArgument(`${what} is limited to ${max} characters by Excel (${text.length} given)`);
}

class ConditionalFormatCollectionObject extends RangePart {
  readonly typeName = "ConditionalFormatCollection";
  override readonly isCollection = true;

  override call(name: string, args: unknown[]): unknown {
    switch (name) {
      case "Add": {
        const type = requireOneOf(
          args[0],
          ["Custom", "DataBar", "ColorScale", "IconSet", "TopBottom", "PresetCriteria", "ContainsText", "CellValue"],
          "conditional format type",
        );
        const sheet = this.range.guard("never");
        const entry = { id: newId(), rect: this.range.rect, type };
        sheet.conditionalFormats.push(entry);
        return new ConditionalFormatObject(this.host, this.range, entry);
      }
      case "ClearAll": {
        const sheet = this.range.guard("never");
        sheet.conditionalFormats = sheet.conditionalFormats.filter((format) => !intersects(format.rect, this.range.rect));
        return undefined;
      }
      default:
        return super.call(name, args);
    }
  }
}

class ConditionalFormatObject extends HostObject {
  readonly typeName = "ConditionalFormat";

  constructor(
    host: FakeWorkbook,
    private readonly range: RangeObject,
    private readonly entry: import("./state").ConditionalFormatState,
  ) {
    super(host);
  }

  override identity(): Record<string, unknown> {
    return { Id: this.entry.id };
  }

  override navigate(name: string): HostObject {
    if (name !== "Custom") return super.navigate(name);
    if (this.entry.type !== "Custom") throw new HostError("InvalidOperation", `A ${this.entry.type} conditional format has no custom rule`);
    const entry = this.entry;
    const range = this.range;
    const setter = (typeName: string, setters: Record<string, (value: unknown) => void>) =>
      new (class extends HostObject {
        readonly typeName = typeName;
        override set(name: string, value: unknown): void {
          const set = setters[name];
          if (!set) return super.set(name, value);
          range.guard("never");
          set(value);
        }
      })(this.host);
    const rule = setter("ConditionalFormatRule", { Formula: (value) => (entry.formula = requireString(value, "rule.formula")) });
    const fill = setter("ConditionalRangeFill", { Color: (value) => (entry.fill = requireColor(value, "fill.color")) });
    const font = setter("ConditionalRangeFont", {
      Color: (value) => (entry.fontColor = requireColor(value, "font.color")),
      Bold: (value) => (entry.bold = requireBoolean(value, "font.bold")),
    });
    const format = new (class extends HostObject {
      readonly typeName = "ConditionalRangeFormat";
      override navigate(name: string): HostObject {
        if (name === "Fill") return fill;
        if (name === "Font") return font;
        return super.navigate(name);
      }
    })(this.host);
    return new (class extends HostObject {
      readonly typeName = "CustomConditionalFormat";
      override navigate(name: string): HostObject {
        if (name === "Rule") return rule;
        if (name === "Format") return format;
        return super.navigate(name);
      }
    })(this.host);
  }
}
