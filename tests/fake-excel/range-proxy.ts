/** Ranges of the fake Excel host: values, formats, validation, conditional formats, merges. */
import { type Context, FakeOfficeError, Loadable } from "./core";
import { type CellState, type Rect, type SheetState, type StoredValue, cellsOf, intersects, MAX_COLS, MAX_ROWS } from "./state";

interface SheetSource {
  sheet(): SheetState;
}

function isWhole(rect: Rect): boolean {
  return rect.rows >= MAX_ROWS || rect.cols >= MAX_COLS;
}

function columnLetters(col: number): string {
  let letters = "";
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

export class RangeProxy extends Loadable {
  readonly format: RangeFormatProxy;
  readonly dataValidation: DataValidationProxy;
  readonly conditionalFormats: ConditionalFormatCollectionProxy;

  constructor(
    context: Context,
    private readonly source: SheetSource,
    private readonly locate: () => Rect | undefined,
    private readonly orNull = false,
  ) {
    super(context);
    this.format = new RangeFormatProxy(this);
    this.dataValidation = new DataValidationProxy(this);
    this.conditionalFormats = new ConditionalFormatCollectionProxy(this);
    if (orNull) {
      this.resolveAfterSync("isNullObject", () => {
        try {
          return this.locate() === undefined;
        } catch {
          return true;
        }
      });
    }
  }

  get ctx(): Context {
    return this.context;
  }

  sheet(): SheetState {
    return this.source.sheet();
  }

  rect(): Rect {
    const rect = this.locate();
    if (!rect) throw new FakeOfficeError("ItemNotFound", "The range does not exist");
    return rect;
  }

  get isNullObject(): boolean {
    return this.orNull ? this.read("isNullObject") : false;
  }

  /** Queues a change; at sync, refuses it on a protected sheet unless `allowed` says the protection permits it. */
  change(payload: Record<string, unknown>, apply: (sheet: SheetState, rect: Rect) => void, allowed: (sheet: SheetState, rect: Rect) => boolean = () => false): void {
    this.context.queue(payload, () => {
      const sheet = this.sheet();
      const rect = this.rect();
      if (sheet.protected && !allowed(sheet, rect)) {
        throw new FakeOfficeError("AccessDenied", `The cells ${sheet.name}!${columnLetters(rect.col)}${rect.row + 1} you are trying to change are protected`);
      }
      apply(sheet, rect);
    });
  }

  /** Hides or shows the range's whole columns; like Excel, clearing the cells does not show them again. */
  set columnHidden(hidden: boolean) {
    this.change(
      { op: "range.columnHidden", hidden },
      (sheet, rect) => {
        for (let col = rect.col; col < rect.col + rect.cols; col++) {
          if (hidden) sheet.hiddenColumns.add(col);
          else sheet.hiddenColumns.delete(col);
        }
      },
      (sheet) => sheet.protectionOptions?.allowFormatColumns === true,
    );
  }

  set values(values: unknown[][]) {
    this.change(
      { op: "range.values", values },
      (sheet, rect) => {
        checkShape(values, rect, "values");
        values.forEach((row, r) =>
          row.forEach((value, c) => {
            const cell = sheet.cell(rect.row + r, rect.col + c);
            cell.value = toStored(value, cell);
          }),
        );
      },
      (sheet, rect) => noLockedCell(sheet, rect),
    );
  }

  get values(): unknown[][] {
    return this.read("values");
  }

  set numberFormat(formats: string[][]) {
    this.change(
      { op: "range.numberFormat", formats },
      (sheet, rect) => {
        checkShape(formats, rect, "numberFormat");
        formats.forEach((row, r) => row.forEach((format, c) => (sheet.cell(rect.row + r, rect.col + c).numberFormat = format)));
      },
      (sheet, rect) => noLockedCell(sheet, rect),
    );
  }

  get numberFormat(): string[][] {
    return this.read("numberFormat");
  }

  get rowIndex(): number {
    return this.read("rowIndex");
  }

  get columnIndex(): number {
    return this.read("columnIndex");
  }

  get rowCount(): number {
    return this.read("rowCount");
  }

  get columnCount(): number {
    return this.read("columnCount");
  }

  get address(): string {
    return this.read("address");
  }

  protected override loadProperty(property: string): void {
    const readers: Record<string, (sheet: SheetState, rect: Rect) => unknown> = {
      values: (sheet, rect) => grid(rect, (row, col) => displayValue(sheet.peek(row, col)?.value ?? null)),
      numberFormat: (sheet, rect) => grid(rect, (row, col) => sheet.peek(row, col)?.numberFormat ?? "General"),
      rowIndex: (_sheet, rect) => rect.row,
      columnIndex: (_sheet, rect) => rect.col,
      rowCount: (_sheet, rect) => rect.rows,
      columnCount: (_sheet, rect) => rect.cols,
      address: (sheet, rect) => `${sheet.name}!${columnLetters(rect.col)}${rect.row + 1}:${columnLetters(rect.col + rect.cols - 1)}${rect.row + rect.rows}`,
    };
    const reader = readers[property];
    if (!reader) return super.loadProperty(property);
    this.resolveAfterSync(property, () => {
      try {
        const rect = this.locate();
        return rect ? reader(this.sheet(), rect) : undefined;
      } catch {
        return undefined;
      }
    });
  }

  select(): void {
    this.context.queue({ op: "range.select" }, () => {
      const sheet = this.sheet();
      if (this.context.state.activeSheet !== sheet.name) throw new FakeOfficeError("InvalidOperation", "Only a range of the active sheet can be selected");
      this.context.state.selection = { sheet: sheet.name, rect: this.rect() };
    });
  }

  merge(across = false): void {
    this.change({ op: "range.merge", across }, (sheet, rect) => {
      if (sheet.merges.some((merge) => intersects(merge, rect))) throw new FakeOfficeError("InvalidOperation", "Merged ranges cannot overlap");
      sheet.merges.push(rect);
    });
  }

  unmerge(): void {
    this.change({ op: "range.unmerge" }, (sheet, rect) => {
      sheet.merges = sheet.merges.filter((merge) => !intersects(merge, rect));
    });
  }

  clear(applyTo: string = "All"): void {
    this.change({ op: "range.clear", applyTo }, (sheet, rect) => {
      for (const [key] of [...sheet.cells]) {
        const [row, col] = key.split(",").map(Number);
        if (!intersects({ row, col, rows: 1, cols: 1 }, rect)) continue;
        if (applyTo === "All") sheet.cells.delete(key);
        else if (applyTo === "Contents") sheet.cells.get(key)!.value = null;
      }
      if (applyTo === "All" && isWhole(rect)) {
        sheet.columnWidths.clear();
        sheet.rowHeights.clear();
      }
    });
  }

  /** Visits each cell of the range; a whole-sheet or whole-column range visits only the cells that exist. */
  eachCell(sheet: SheetState, rect: Rect, visit: (cell: CellState) => void): void {
    if (isWhole(rect)) {
      for (const [key, cell] of sheet.cells) {
        const [row, col] = key.split(",").map(Number);
        if (intersects({ row, col, rows: 1, cols: 1 }, rect)) visit(cell);
      }
      return;
    }
    for (const [row, col] of cellsOf(rect)) visit(sheet.cell(row, col));
  }
}

function noLockedCell(sheet: SheetState, rect: Rect): boolean {
  if (isWhole(rect)) return false;
  for (const [row, col] of cellsOf(rect)) if (sheet.peek(row, col)?.locked ?? true) return false;
  return true;
}

function checkShape(values: unknown[][], rect: Rect, what: string): void {
  if (!Array.isArray(values) || values.length !== rect.rows || values.some((row) => !Array.isArray(row) || row.length !== rect.cols)) {
    throw new FakeOfficeError("InvalidArgument", `The number of rows or columns in the input array of ${what} does not match the size of the range (${rect.rows}×${rect.cols})`);
  }
}

/** Excel turns a string that starts with "=" into a formula, unless the cell is formatted as text. */
function toStored(value: unknown, cell: CellState): StoredValue {
  if (value === null || value === undefined || value === "") return null;
  if (typeof value === "string" && value.startsWith("=") && cell.numberFormat !== "@") return { formula: value };
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  throw new FakeOfficeError("InvalidArgument", `Unsupported cell value ${String(value)}`);
}

function displayValue(value: StoredValue): unknown {
  if (value === null) return "";
  if (typeof value === "object") return 0;
  return value;
}

function grid<T>(rect: Rect, cell: (row: number, col: number) => T): T[][] {
  return Array.from({ length: rect.rows }, (_, r) => Array.from({ length: rect.cols }, (_, c) => cell(rect.row + r, rect.col + c)));
}

/** `range.format`: each setter queues a change applied to every cell of the range. */
class RangeFormatProxy {
  readonly fill: { color: string };
  readonly font: { bold: boolean; italic: boolean; size: number; color: string; name: string };
  readonly protection: { locked: boolean };
  readonly borders: { getItem(edge: string): { style: string; color: string } };

  constructor(range: RangeProxy) {
    const formatAllowed = (sheet: SheetState) => sheet.protectionOptions?.allowFormatCells === true;
    const setter = <K extends keyof CellState>(key: K, op: string) => (value: CellState[K]) =>
      range.change({ op, value }, (sheet, rect) => range.eachCell(sheet, rect, (cell) => (cell[key] = value)), formatAllowed);
    const setFill = setter("fill", "format.fill.color");
    this.fill = defineSetters<{ color: string }>({ color: setFill });
    this.font = defineSetters<{ bold: boolean; italic: boolean; size: number; color: string; name: string }>({
      bold: setter("bold", "format.font.bold"),
      italic: setter("italic", "format.font.italic"),
      size: setter("fontSize", "format.font.size"),
      color: setter("fontColor", "format.font.color"),
      name: () => undefined,
    });
    this.protection = defineSetters<{ locked: boolean }>({ locked: setter("locked", "format.protection.locked") });
    this.borders = {
      getItem: (edge: string) =>
        defineSetters({
          style: (style: string) => range.change({ op: "border.style", edge, style }, (sheet, rect) => range.eachCell(sheet, rect, (cell) => (cell.borders[edge] = { ...cell.borders[edge], style })), formatAllowed),
          color: (color: string) => range.change({ op: "border.color", edge, color }, (sheet, rect) => range.eachCell(sheet, rect, (cell) => (cell.borders[edge] = { ...cell.borders[edge], color })), formatAllowed),
        }),
    };
    Object.defineProperties(this, {
      horizontalAlignment: { set: setter("horizontalAlignment", "format.horizontalAlignment") },
      verticalAlignment: { set: setter("verticalAlignment", "format.verticalAlignment") },
      wrapText: { set: setter("wrap", "format.wrapText") },
      columnWidth: {
        set: (points: number) =>
          range.change(
            { op: "format.columnWidth", points },
            (sheet, rect) => {
              for (let col = rect.col; col < rect.col + rect.cols; col++) sheet.columnWidths.set(col, points);
            },
            (sheet) => sheet.protectionOptions?.allowFormatColumns === true,
          ),
      },
      rowHeight: {
        set: (points: number) =>
          range.change(
            { op: "format.rowHeight", points },
            (sheet, rect) => {
              for (let row = rect.row; row < rect.row + rect.rows; row++) sheet.rowHeights.set(row, points);
            },
            (sheet) => sheet.protectionOptions?.allowFormatRows === true,
          ),
      },
    });
  }
}

/** An object whose properties only accept writes, each forwarded to its setter. */
function defineSetters<T extends Record<string, unknown>>(setters: { [K in keyof T]: (value: T[K]) => void }): T {
  const target = {} as T;
  for (const [key, set] of Object.entries(setters)) {
    Object.defineProperty(target, key, {
      set: set as (value: unknown) => void,
      get: () => {
        throw new FakeOfficeError("PropertyNotLoaded", `The fake does not read back format.${key}; inspect the host's state instead`);
      },
    });
  }
  return target;
}

class DataValidationProxy {
  constructor(private readonly range: RangeProxy) {}

  private upsert(payload: Record<string, unknown>, update: (entry: import("./state").ValidationState) => void): void {
    this.range.change(payload, (sheet, rect) => {
      let entry = sheet.validations.find((validation) => validation.rect.row === rect.row && validation.rect.col === rect.col && validation.rect.rows === rect.rows && validation.rect.cols === rect.cols);
      if (!entry) {
        if (sheet.validations.some((validation) => intersects(validation.rect, rect)) && payload.op === "dataValidation.rule") {
          throw new FakeOfficeError("InvalidOperation", "The range already has a different data validation: clear it first");
        }
        entry = { rect };
        sheet.validations.push(entry);
      }
      update(entry);
    });
  }

  set rule(rule: Excel.DataValidationRule) {
    this.upsert({ op: "dataValidation.rule", rule }, (entry) => (entry.rule = rule));
  }

  set prompt(prompt: Excel.DataValidationPrompt) {
    this.upsert({ op: "dataValidation.prompt", prompt }, (entry) => (entry.prompt = prompt));
  }

  set errorAlert(errorAlert: Excel.DataValidationErrorAlert) {
    this.upsert({ op: "dataValidation.errorAlert", errorAlert }, (entry) => (entry.errorAlert = errorAlert));
  }

  clear(): void {
    this.range.change({ op: "dataValidation.clear" }, (sheet, rect) => {
      sheet.validations = sheet.validations.filter((validation) => !intersects(validation.rect, rect));
    });
  }
}

class ConditionalFormatCollectionProxy {
  constructor(private readonly range: RangeProxy) {}

  add(type: string) {
    const entry: import("./state").ConditionalFormatState = { rect: { row: 0, col: 0, rows: 0, cols: 0 }, type };
    this.range.change({ op: "conditionalFormats.add", type }, (sheet, rect) => {
      entry.rect = rect;
      sheet.conditionalFormats.push(entry);
    });
    const queue = (payload: Record<string, unknown>, apply: () => void) => this.range.change(payload, apply);
    return {
      custom: {
        rule: defineSetters<{ formula: string }>({ formula: (formula) => queue({ op: "cf.formula", formula }, () => (entry.formula = formula)) }),
        format: {
          fill: defineSetters<{ color: string }>({ color: (color) => queue({ op: "cf.fill", color }, () => (entry.fill = color)) }),
          font: defineSetters<{ color: string; bold: boolean }>({
            color: (color) => queue({ op: "cf.font.color", color }, () => (entry.fontColor = color)),
            bold: (bold) => queue({ op: "cf.font.bold", bold }, () => (entry.bold = bold)),
          }),
        },
      },
    };
  }

  clearAll(): void {
    this.range.change({ op: "conditionalFormats.clearAll" }, (sheet, rect) => {
      sheet.conditionalFormats = sheet.conditionalFormats.filter((format) => !intersects(format.rect, rect));
    });
  }
}
