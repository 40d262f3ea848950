/** The workbook, its sheets and what belongs to a sheet (protection, freeze panes, page layout, tables). */
import { ChartCollectionObject } from "./chart-objects";
import {
  HostError,
  HostObject,
  KeyedCollection,
  NullObject,
  invalidArgument,
  requireBoolean,
  requireColor,
  requireNumber,
  requireOneOf,
  requireString,
} from "./host-object";
import { RangeObject, isWhole } from "./range-objects";
import type { FakeWorkbook } from "./server";
import { type Rect, type SheetState, type TableState, MAX_COLS, MAX_ROWS, SheetState as Sheet, intersects, newId, parseAddress } from "./state";
import { rangeAddress } from "../../src/workbook/sheet-plan";

export class WorkbookObject extends HostObject {
  readonly typeName = "Workbook";

  override scalars(): string[] {
    return ["Name"];
  }

  override get(name: string): unknown {
    // Excel gives the file's name, or « Classeur1 » before the workbook is first saved.
    if (name === "Name") return this.host.state.name;
    return super.get(name);
  }

  override navigate(name: string): HostObject {
    if (name === "Worksheets") return new WorksheetCollectionObject(this.host);
    if (name === "Tables") return new WorkbookTableCollectionObject(this.host);
    return super.navigate(name);
  }
}

const SHEET_NAME = /^[^\\/?*[\]:]{1,31}$/;

class WorksheetCollectionObject extends HostObject {
  readonly typeName = "WorksheetCollection";
  override readonly isCollection = true;

  override items(): HostObject[] {
    return this.host.state.sheets.map((sheet) => new WorksheetObject(this.host, sheet));
  }

  override item(key: unknown): HostObject {
    const sheet = this.find(key);
    if (!sheet) throw new HostError("ItemNotFound", `The requested resource doesn't exist (worksheet ${String(key)}).`);
    return new WorksheetObject(this.host, sheet);
  }

  private find(key: unknown): SheetState | undefined {
    const text = requireString(key, "worksheet key");
    return this.host.state.findById(text) ?? this.host.state.find(text);
  }

  override call(name: string, args: unknown[]): unknown {
    switch (name) {
      case "GetItem":
        return this.item(args[0]);
      case "GetItemOrNullObject": {
        const sheet = this.find(args[0]);
        return sheet ? new WorksheetObject(this.host, sheet) : new NullObject(this.host);
      }
      case "GetActiveWorksheet": {
        const sheet = this.host.state.activeSheet ? this.host.state.find(this.host.state.activeSheet) : this.host.state.sheets[0];
        if (!sheet) throw new HostError("ItemNotFound", "The workbook has no sheet.");
        return new WorksheetObject(this.host, sheet);
      }
      case "Add": {
        const state = this.host.state;
        let name = args[0] === undefined || args[0] === null ? "" : requireString(args[0], "worksheet name");
        if (name === "") for (let index = state.sheets.length + 1; !name || state.find(name); index++) name = `Feuil${index}`;
        if (!SHEET_NAME.test(name) || name.startsWith("'") || name.endsWith("'")) throw invalidArgument(`${name} is not a valid worksheet name`);
        if (state.find(name)) throw new HostError("ItemAlreadyExists", `A worksheet named ${name} already exists.`);
        const sheet = new Sheet(name);
        state.sheets.push(sheet);
        state.activeSheet ??= name;
        return new WorksheetObject(this.host, sheet);
      }
      case "GetCount":
        return this.host.state.sheets.length;
      default:
        return super.call(name, args);
    }
  }
}

const VISIBILITIES = ["Visible", "Hidden", "VeryHidden"];

export class WorksheetObject extends HostObject {
  readonly typeName = "Worksheet";

  constructor(
    host: FakeWorkbook,
    readonly sheet: SheetState,
  ) {
    super(host);
  }

  override identity(): Record<string, unknown> {
    return { Id: this.sheet.id };
  }

  override scalars(): string[] {
    return ["Id", "Name", "Position", "TabColor", "Visibility"];
  }

  override get(name: string): unknown {
    const sheet = this.host.alive(this.sheet);
    switch (name) {
      case "Id":
        return sheet.id;
      case "Name":
        return sheet.name;
      case "Position":
        return this.host.state.sheets.indexOf(sheet);
      case "Visibility":
        return sheet.visibility;
      case "TabColor":
        return sheet.tabColor;
      default:
        return super.get(name);
    }
  }

  override set(name: string, value: unknown): void {
    const sheet = this.host.alive(this.sheet);
    const state = this.host.state;
    switch (name) {
      case "Name": {
        const text = requireString(value, "worksheet name");
        if (!SHEET_NAME.test(text)) throw invalidArgument(`${text} is not a valid worksheet name`);
        const clash = state.find(text);
        if (clash && clash !== sheet) throw new HostError("ItemAlreadyExists", `A worksheet named ${text} already exists.`);
        if (state.activeSheet === sheet.name) state.activeSheet = text;
        sheet.name = text;
        return;
      }
      case "Position": {
        const position = requireNumber(value, "position");
        if (position < 0 || position >= state.sheets.length) throw invalidArgument(`Position ${position} is outside the ${state.sheets.length} sheets`);
        state.sheets.splice(state.sheets.indexOf(sheet), 1);
        state.sheets.splice(position, 0, sheet);
        return;
      }
      case "Visibility": {
        const visibility = requireOneOf(value, VISIBILITIES, "visibility");
        if (visibility !== "Visible") {
          if (!state.sheets.some((other) => other !== sheet && other.visibility === "Visible"))
            throw new HostError("InvalidOperation", "A workbook must keep at least one visible sheet.");
          if (state.activeSheet === sheet.name) throw new HostError("InvalidOperation", "The active sheet cannot be hidden.");
        }
        sheet.visibility = visibility;
        return;
      }
      case "TabColor":
        sheet.tabColor = value === "" ? "" : requireColor(value, "tabColor");
        return;
      default:
        super.set(name, value);
    }
  }

  override navigate(name: string): HostObject {
    switch (name) {
      case "Protection":
        return new WorksheetProtectionObject(this.host, this.sheet);
      case "Tables":
        return new TableCollectionObject(this.host, this.sheet);
      case "Charts":
        return new ChartCollectionObject(this.host, this.sheet);
      case "FreezePanes":
        return new FreezePanesObject(this.host, this.sheet);
      case "PageLayout":
        return new PageLayoutObject(this.host, this.sheet);
      default:
        return super.navigate(name);
    }
  }

  override call(name: string, args: unknown[]): unknown {
    const sheet = this.host.alive(this.sheet);
    switch (name) {
      case "GetRange": {
        if (args[0] === undefined || args[0] === null || args[0] === "")
          return new RangeObject(this.host, sheet, { row: 0, col: 0, rows: MAX_ROWS, cols: MAX_COLS });
        const rect = parseAddress(requireString(args[0], "address"));
        if (!rect) throw invalidArgument(`${String(args[0])} is not a valid address`);
        return new RangeObject(this.host, sheet, rect);
      }
      case "GetRangeByIndexes": {
        const [row, col, rows, cols] = args.map((arg, index) => requireNumber(arg, ["startRow", "startColumn", "rowCount", "columnCount"][index]));
        if (row < 0 || col < 0 || rows < 1 || cols < 1 || row + rows > MAX_ROWS || col + cols > MAX_COLS)
          throw invalidArgument(`getRangeByIndexes(${args.join(", ")}) is outside the sheet`);
        return new RangeObject(this.host, sheet, { row, col, rows, cols });
      }
      case "GetUsedRange":
      case "GetUsedRangeOrNullObject": {
        const rect = usedRect(sheet, args[0] === true);
        if (rect) return new RangeObject(this.host, sheet, rect);
        return name === "GetUsedRange" ? new RangeObject(this.host, sheet, { row: 0, col: 0, rows: 1, cols: 1 }) : new NullObject(this.host);
      }
      case "Activate": {
        if (sheet.visibility !== "Visible") throw new HostError("InvalidOperation", "A hidden sheet cannot be activated.");
        this.host.state.activeSheet = sheet.name;
        return undefined;
      }
      case "Delete": {
        const state = this.host.state;
        if (state.sheets.filter((other) => other.visibility === "Visible" && other !== sheet).length === 0)
          throw new HostError("InvalidOperation", "A workbook must keep at least one visible sheet.");
        state.sheets.splice(state.sheets.indexOf(sheet), 1);
        if (state.activeSheet === sheet.name) state.activeSheet = state.sheets.find((other) => other.visibility === "Visible")?.name;
        return undefined;
      }
      default:
        return super.call(name, args);
    }
  }
}

/** With `valuesOnly`, the cells holding a value; otherwise also the cells that carry a format. */
function usedRect(sheet: SheetState, valuesOnly: boolean): Rect | undefined {
  return sheet.usedRect(!valuesOnly);
}

class WorksheetProtectionObject extends HostObject {
  readonly typeName = "WorksheetProtection";

  constructor(
    host: FakeWorkbook,
    private readonly sheet: SheetState,
  ) {
    super(host);
  }

  override scalars(): string[] {
    return ["Options", "Protected"];
  }

  override get(name: string): unknown {
    const sheet = this.host.alive(this.sheet);
    if (name === "Protected") return sheet.protected;
    if (name === "Options") return sheet.protectionOptions ?? {};
    return super.get(name);
  }

  override call(name: string, args: unknown[]): unknown {
    const sheet = this.host.alive(this.sheet);
    switch (name) {
      case "Protect": {
        // Excel's builds since June 2026 refuse both calls on a sheet already in the asked state (office-js#6784).
        if (sheet.protected) throw new HostError("AccessDenied", `You cannot perform the requested operation: the sheet ${sheet.name} is already protected.`);
        sheet.protected = true;
        sheet.protectionOptions = (args[0] ?? {}) as Excel.WorksheetProtectionOptions;
        sheet.password = args[1] === undefined || args[1] === null || args[1] === "" ? undefined : requireString(args[1], "password");
        return undefined;
      }
      case "Unprotect": {
        if (!sheet.protected) throw new HostError("AccessDenied", `You cannot perform the requested operation: the sheet ${sheet.name} is not protected.`);
        const password = args[0] === undefined || args[0] === null ? undefined : requireString(args[0], "password");
        if (sheet.password !== undefined && password !== sheet.password)
          throw invalidArgument(`The password to unprotect the sheet ${sheet.name} is incorrect.`);
        sheet.protected = false;
        sheet.password = undefined;
        return undefined;
      }
      default:
        return super.call(name, args);
    }
  }
}

class FreezePanesObject extends HostObject {
  readonly typeName = "WorksheetFreezePanes";

  constructor(
    host: FakeWorkbook,
    private readonly sheet: SheetState,
  ) {
    super(host);
  }

  override call(name: string, args: unknown[]): unknown {
    const sheet = this.host.alive(this.sheet);
    switch (name) {
      case "FreezeRows":
        sheet.freeze = { rows: requireNumber(args[0] ?? 1, "rows"), columns: 0 };
        return undefined;
      case "FreezeColumns":
        sheet.freeze = { rows: 0, columns: requireNumber(args[0] ?? 1, "columns") };
        return undefined;
      case "FreezeAt": {
        const target = args[0];
        const rect = target instanceof RangeObject ? target.rect : parseAddress(requireString(target, "frozen range"));
        if (!rect || isWhole(rect)) throw invalidArgument("freezeAt needs a range of cells");
        sheet.freeze = { rows: rect.row + rect.rows, columns: rect.col + rect.cols };
        return undefined;
      }
      case "Unfreeze":
        sheet.freeze = undefined;
        return undefined;
      default:
        return super.call(name, args);
    }
  }
}

class PageLayoutObject extends HostObject {
  readonly typeName = "PageLayout";

  constructor(
    host: FakeWorkbook,
    private readonly sheet: SheetState,
  ) {
    super(host);
  }

  override set(name: string, value: unknown): void {
    const page = this.host.alive(this.sheet).page;
    switch (name) {
      case "Orientation":
        page.orientation = requireOneOf(value, ["Portrait", "Landscape"], "orientation");
        return;
      case "PaperSize":
        page.paperSize = requireOneOf(value, ["A3", "A4", "A5", "Letter", "Legal", "Tabloid"], "paperSize");
        return;
      case "Zoom": {
        const zoom = value as Excel.PageLayoutZoomOptions;
        if (zoom.scale !== undefined && (zoom.horizontalFitToPages !== undefined || zoom.verticalFitToPages !== undefined))
          throw invalidArgument("A zoom has a scale or fit-to-pages, not both");
        page.zoom = zoom;
        return;
      }
      default:
        super.set(name, value);
    }
  }

  override call(name: string, args: unknown[]): unknown {
    const page = this.host.alive(this.sheet).page;
    if (name === "SetPrintTitleRows") {
      const address =
        args[0] instanceof RangeObject ? `$${args[0].rect.row + 1}:$${args[0].rect.row + args[0].rect.rows}` : requireString(args[0], "print title rows");
      const rect = parseAddress(address);
      if (!rect || rect.cols < MAX_COLS) throw invalidArgument(`${address} is not a range of whole rows`);
      page.printTitleRows = address;
      return undefined;
    }
    if (name === "SetPrintArea") {
      const address = args[0] instanceof RangeObject ? rangeAddress(args[0].rect) : requireString(args[0], "print area");
      if (!parseAddress(address.replace(/^.*!/, ""))) throw invalidArgument(`${address} is not a range`);
      page.printArea = address.replace(/^.*!/, "");
      return undefined;
    }
    return super.call(name, args);
  }
}

class TableCollectionObject extends KeyedCollection<TableState> {
  readonly typeName = "TableCollection";
  protected readonly noun = "table";

  constructor(
    host: FakeWorkbook,
    private readonly sheet: SheetState,
  ) {
    super(host);
  }

  protected list(): TableState[] {
    return this.host.alive(this.sheet).tables;
  }

  protected wrap(table: TableState): HostObject {
    return new TableObject(this.host, this.sheet, table);
  }

  override call(name: string, args: unknown[]): unknown {
    switch (name) {
      case "Add": {
        const sheet = this.host.alive(this.sheet);
        const rect = args[0] instanceof RangeObject ? args[0].rect : parseAddress(requireString(args[0], "table address"));
        if (!rect || isWhole(rect)) throw invalidArgument(`${String(args[0])} is not a valid table range`);
        requireBoolean(args[1], "hasHeaders");
        if (sheet.protected) throw new HostError("AccessDenied", "A table cannot be added to a protected sheet.");
        if (sheet.tables.some((table) => intersects(table.rect, rect))) throw new HostError("InvalidOperation", "A table can't overlap another table.");
        if (sheet.merges.some((merge) => intersects(merge, rect))) throw new HostError("InvalidOperation", "A table can't overlap merged cells.");
        const names = new Set(this.host.state.sheets.flatMap((other) => other.tables.map((table) => table.name.toLowerCase())));
        let index = 1;
        while (names.has(`tableau${index}`)) index++;
        const table = { id: newId(), name: `Tableau${index}`, rect };
        sheet.tables.push(table);
        return new TableObject(this.host, this.sheet, table);
      }
      default:
        return super.call(name, args);
    }
  }
}

/** The runtime addresses a table it loaded from a sheet as `workbook.tables[id]` in later requests. */
class WorkbookTableCollectionObject extends KeyedCollection<TableState> {
  readonly typeName = "TableCollection";
  protected readonly noun = "table";
  private readonly sheetOf = new Map<TableState, SheetState>();

  protected list(): TableState[] {
    this.sheetOf.clear();
    for (const sheet of this.host.state.sheets) for (const table of sheet.tables) this.sheetOf.set(table, sheet);
    return [...this.sheetOf.keys()];
  }

  protected wrap(table: TableState): HostObject {
    return new TableObject(this.host, this.sheetOf.get(table)!, table);
  }
}

class TableObject extends HostObject {
  readonly typeName = "Table";

  constructor(
    host: FakeWorkbook,
    private readonly sheet: SheetState,
    private readonly table: TableState,
  ) {
    super(host);
  }

  override identity(): Record<string, unknown> {
    return { Id: this.table.id };
  }

  override scalars(): string[] {
    return ["Id", "Name", "Style"];
  }

  private alive(): SheetState {
    const sheet = this.host.alive(this.sheet);
    if (!sheet.tables.includes(this.table)) throw new HostError("ItemNotFound", `The table ${this.table.name} no longer exists.`);
    return sheet;
  }

  override get(name: string): unknown {
    this.alive();
    if (name === "Name") return this.table.name;
    if (name === "Id") return this.table.id;
    if (name === "Style") return this.table.style ?? "TableStyleMedium2";
    return super.get(name);
  }

  override set(name: string, value: unknown): void {
    this.alive();
    if (name === "Name") {
      const text = requireString(value, "table name");
      if (!/^[A-Za-z_\\][A-Za-z0-9_.]{0,254}$/.test(text)) throw invalidArgument(`${text} is not a valid table name`);
      const clash = this.host.state.sheets.some((sheet) =>
        sheet.tables.some((table) => table !== this.table && table.name.toLowerCase() === text.toLowerCase()),
      );
      if (clash) throw new HostError("ItemAlreadyExists", `A table named ${text} already exists.`);
      this.table.name = text;
      return;
    }
    if (name === "Style") {
      this.table.style = requireString(value, "table style");
      return;
    }
    super.set(name, value);
  }

  override call(name: string, args: unknown[]): unknown {
    const sheet = this.alive();
    if (name === "Delete" || name === "ConvertToRange") {
      if (sheet.protected) throw new HostError("AccessDenied", "A table on a protected sheet cannot be changed.");
      if (name === "Delete") deleteTableCells(sheet, this.table.rect);
      sheet.tables = sheet.tables.filter((table) => table !== this.table);
      return name === "ConvertToRange" ? new RangeObject(this.host, sheet, this.table.rect) : undefined;
    }
    return super.call(name, args);
  }
}

/** Deleting a table deletes its cells, as in Excel; converting it to a range keeps them. */
function deleteTableCells(sheet: SheetState, rect: Rect): void {
  for (const [row, col] of [...sheet.entries()]) {
    if (row >= rect.row && row < rect.row + rect.rows && col >= rect.col && col < rect.col + rect.cols) sheet.delete(row, col);
  }
}
