/**
 * A fake Excel host for tests: the subset of the Office.js Excel API that src/excel uses, strict where Excel is
 * strict. Writes are queued and applied at `sync()`, in order; a property can be read only after `load` and a
 * `sync`; locked cells of a protected sheet refuse writes; every sync and the size of every request are counted.
 * It has no Node dependency, so that the task pane bundle can run on it in a browser.
 */
import { Context, FakeOfficeError, Loadable } from "./core";
import { ChartCollectionProxy } from "./charts";
import { RangeProxy } from "./range-proxy";
import { SheetState, intersects, MAX_COLS, MAX_ROWS, parseAddress } from "./state";

class WorkbookProxy {
  readonly worksheets: WorksheetCollectionProxy;

  constructor(context: Context) {
    this.worksheets = new WorksheetCollectionProxy(context);
  }
}

class WorksheetCollectionProxy extends Loadable {
  get items(): WorksheetProxy[] {
    return this.read("items");
  }

  protected override loadProperty(property: string): void {
    if (!property.startsWith("items")) return super.loadProperty(property);
    this.resolveAfterSync("items", () =>
      this.context.state.sheets.map((sheet) => {
        const proxy = new WorksheetProxy(this.context, sheet.name, false);
        return proxy.withLoaded("name", sheet.name).withLoaded("visibility", sheet.visibility).withLoaded("position", this.context.state.sheets.indexOf(sheet));
      }),
    );
  }

  getItem(name: string): WorksheetProxy {
    return new WorksheetProxy(this.context, name, false);
  }

  getItemOrNullObject(name: string): WorksheetProxy {
    return new WorksheetProxy(this.context, name, true);
  }

  add(name: string): WorksheetProxy {
    this.context.queue({ op: "worksheets.add", name }, () => {
      if (this.context.state.find(name)) throw new FakeOfficeError("ItemAlreadyExists", `A sheet named ${name} already exists`);
      this.context.state.sheets.push(new SheetState(name));
    });
    return new WorksheetProxy(this.context, name, false);
  }
}

class WorksheetProxy extends Loadable {
  readonly protection: ProtectionProxy;
  readonly tables: TableCollectionProxy;
  readonly freezePanes: FreezePanesProxy;
  readonly pageLayout: PageLayoutProxy;
  readonly charts: ChartCollectionProxy;

  constructor(
    context: Context,
    private readonly sheetName: string,
    private readonly orNull: boolean,
  ) {
    super(context);
    this.protection = new ProtectionProxy(context, () => this.sheet());
    this.tables = new TableCollectionProxy(context, () => this.sheet());
    this.freezePanes = new FreezePanesProxy(context, () => this.sheet());
    this.pageLayout = new PageLayoutProxy(context, () => this.sheet());
    this.charts = new ChartCollectionProxy(context, () => this.sheet());
    if (orNull) this.resolveAfterSync("isNullObject", () => !context.state.find(sheetName));
  }

  /** The sheet's state; a write to a sheet that does not exist fails at sync, as in Excel. */
  sheet(): SheetState {
    const sheet = this.context.state.find(this.sheetName);
    if (!sheet) throw new FakeOfficeError("ItemNotFound", `The sheet ${this.sheetName} does not exist`);
    return sheet;
  }

  get isNullObject(): boolean {
    if (!this.orNull) return false;
    return this.read("isNullObject");
  }

  get name(): string {
    return this.read("name");
  }

  get visibility(): string {
    return this.read("visibility");
  }

  set visibility(value: string) {
    this.context.queue({ op: "worksheet.visibility", sheet: this.sheetName, value }, () => {
      const sheet = this.sheet();
      if (value !== "Visible") {
        const othersVisible = this.context.state.sheets.some((other) => other !== sheet && other.visibility === "Visible");
        if (!othersVisible) throw new FakeOfficeError("InvalidOperation", "A workbook must keep at least one visible sheet");
        if (this.context.state.activeSheet === sheet.name) throw new FakeOfficeError("InvalidOperation", "The active sheet cannot be hidden");
      }
      sheet.visibility = value;
    });
  }

  get position(): number {
    return this.read("position");
  }

  set position(value: number) {
    this.context.queue({ op: "worksheet.position", sheet: this.sheetName, value }, () => {
      const sheets = this.context.state.sheets;
      const sheet = this.sheet();
      sheets.splice(sheets.indexOf(sheet), 1);
      sheets.splice(Math.min(value, sheets.length), 0, sheet);
    });
  }

  set tabColor(value: string) {
    this.context.queue({ op: "worksheet.tabColor", sheet: this.sheetName, value }, () => {
      this.sheet().tabColor = value;
    });
  }

  protected override loadProperty(property: string): void {
    if (!["name", "visibility", "position", "tabColor"].includes(property)) return super.loadProperty(property);
    this.resolveAfterSync(property, () => {
      const sheet = this.context.state.find(this.sheetName);
      if (!sheet) return undefined;
      if (property === "position") return this.context.state.sheets.indexOf(sheet);
      return sheet[property as "name" | "visibility" | "tabColor"];
    });
  }

  activate(): void {
    this.context.queue({ op: "worksheet.activate", sheet: this.sheetName }, () => {
      const sheet = this.sheet();
      if (sheet.visibility !== "Visible") throw new FakeOfficeError("InvalidOperation", "A hidden sheet cannot be activated");
      this.context.state.activeSheet = sheet.name;
    });
  }

  getRange(address?: string): RangeProxy {
    const rect = address === undefined ? { row: 0, col: 0, rows: MAX_ROWS, cols: MAX_COLS } : parseAddress(address);
    if (!rect) throw new FakeOfficeError("InvalidArgument", `Invalid address ${address}`);
    return new RangeProxy(this.context, this, () => rect);
  }

  getRangeByIndexes(row: number, col: number, rows: number, cols: number): RangeProxy {
    if (rows < 1 || cols < 1) throw new FakeOfficeError("InvalidArgument", "A range needs at least one row and one column");
    return new RangeProxy(this.context, this, () => ({ row, col, rows, cols }));
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeProxy {
    void valuesOnly;
    return new RangeProxy(this.context, this, () => this.context.state.find(this.sheetName)?.usedRect(), true);
  }
}

class ProtectionProxy extends Loadable {
  constructor(
    context: Context,
    private readonly sheet: () => SheetState,
  ) {
    super(context);
  }

  get protected(): boolean {
    return this.read("protected");
  }

  protected override loadProperty(property: string): void {
    if (property !== "protected") return super.loadProperty(property);
    this.resolveAfterSync("protected", () => {
      try {
        return this.sheet().protected;
      } catch {
        return false;
      }
    });
  }

  protect(options?: Excel.WorksheetProtectionOptions): void {
    this.context.queue({ op: "protection.protect", options }, () => {
      const sheet = this.sheet();
      if (sheet.protected) throw new FakeOfficeError("InvalidOperation", "The sheet is already protected");
      sheet.protected = true;
      sheet.protectionOptions = options;
    });
  }

  unprotect(): void {
    this.context.queue({ op: "protection.unprotect" }, () => {
      this.sheet().protected = false;
    });
  }
}

class TableProxy extends Loadable {
  constructor(
    context: Context,
    private readonly sheet: () => SheetState,
    private tableName: string,
  ) {
    super(context);
  }

  get name(): string {
    return this.read("name");
  }

  set name(value: string) {
    const previous = this.tableName;
    this.tableName = value;
    this.context.queue({ op: "table.name", value }, () => {
      const clash = this.context.state.sheets.some((sheet) => sheet.tables.some((table) => table.name.toLowerCase() === value.toLowerCase() && table.name !== previous));
      if (clash) throw new FakeOfficeError("InvalidArgument", `A table named ${value} already exists`);
      this.table(previous).name = value;
    });
  }

  set style(value: string) {
    const name = this.tableName;
    this.context.queue({ op: "table.style", value }, () => {
      this.table(name).style = value;
    });
  }

  delete(): void {
    const name = this.tableName;
    this.context.queue({ op: "table.delete", name }, () => {
      const sheet = this.sheet();
      sheet.tables = sheet.tables.filter((table) => table.name !== name);
    });
  }

  protected override loadProperty(property: string): void {
    if (property !== "name") return super.loadProperty(property);
    this.resolveAfterSync("name", () => this.tableName);
  }

  private table(name: string) {
    const table = this.sheet().tables.find((candidate) => candidate.name === name);
    if (!table) throw new FakeOfficeError("ItemNotFound", `No table ${name}`);
    return table;
  }
}

let tableCounter = 0;

class TableCollectionProxy extends Loadable {
  constructor(
    context: Context,
    private readonly sheet: () => SheetState,
  ) {
    super(context);
  }

  get items(): TableProxy[] {
    return this.read("items");
  }

  protected override loadProperty(property: string): void {
    if (!property.startsWith("items")) return super.loadProperty(property);
    this.resolveAfterSync("items", () => {
      let tables: { name: string }[] = [];
      try {
        tables = this.sheet().tables;
      } catch {
        tables = [];
      }
      return tables.map((table) => new TableProxy(this.context, this.sheet, table.name).withLoaded("name", table.name));
    });
  }

  add(address: string, hasHeaders: boolean): TableProxy {
    const rect = parseAddress(address);
    if (!rect) throw new FakeOfficeError("InvalidArgument", `Invalid address ${address}`);
    const name = `Tableau${++tableCounter}`;
    this.context.queue({ op: "tables.add", address, hasHeaders }, () => {
      const sheet = this.sheet();
      if (sheet.tables.some((table) => intersects(table.rect, rect))) throw new FakeOfficeError("InvalidOperation", "Tables cannot overlap");
      if (sheet.protected) throw new FakeOfficeError("AccessDenied", "Cannot add a table to a protected sheet");
      sheet.tables.push({ name, rect });
    });
    return new TableProxy(this.context, this.sheet, name);
  }
}

class FreezePanesProxy {
  constructor(
    private readonly context: Context,
    private readonly sheet: () => SheetState,
  ) {}

  freezeRows(rows: number): void {
    this.context.queue({ op: "freezeRows", rows }, () => {
      this.sheet().freeze = { rows, columns: 0 };
    });
  }

  freezeColumns(columns: number): void {
    this.context.queue({ op: "freezeColumns", columns }, () => {
      this.sheet().freeze = { rows: 0, columns };
    });
  }

  freezeAt(range: RangeProxy): void {
    this.context.queue({ op: "freezeAt" }, () => {
      const rect = range.rect();
      this.sheet().freeze = { rows: rect.row + rect.rows, columns: rect.col + rect.cols };
    });
  }

  unfreeze(): void {
    this.context.queue({ op: "unfreeze" }, () => {
      this.sheet().freeze = undefined;
    });
  }
}

class PageLayoutProxy {
  constructor(
    private readonly context: Context,
    private readonly sheet: () => SheetState,
  ) {}

  set orientation(value: string) {
    this.context.queue({ op: "page.orientation", value }, () => {
      this.sheet().page.orientation = value;
    });
  }

  set paperSize(value: string) {
    this.context.queue({ op: "page.paperSize", value }, () => {
      this.sheet().page.paperSize = value;
    });
  }

  set zoom(value: Excel.PageLayoutZoomOptions) {
    this.context.queue({ op: "page.zoom", value }, () => {
      this.sheet().page.zoom = value;
    });
  }

  setPrintTitleRows(address: string): void {
    this.context.queue({ op: "page.printTitleRows", address }, () => {
      this.sheet().page.printTitleRows = address;
    });
  }
}

export { WorkbookProxy, WorksheetProxy };
