/**
 * The project's one reader of .xlsx files, for every door: `ctg check`, `ctg bilan`, `ctg init --update`, the
 * consolidation (CLI and pane) and the read-back of an earlier consolidation. It reads the package as the format
 * defines it, whatever wrote it (Excel, LibreOffice, openpyxl, Google Sheets, ExcelJS, this project): relationship
 * targets absolute or relative, shared or inline strings, parts in any order, styles absent, sheets in any order.
 * Only the parts needed are inflated, as streams, under the archive guard's limits, and sheets are parsed as they
 * arrive (xml-scanner.ts), rows handed on one by one, each part decoded in the encoding it declares (xml-encoding.ts).
 * A row or cell past Excel's grid is refused before anything is allocated for it. It also reports what a reader must
 * not pass over in silence: merged cells, formulas saved without their result (as openpyxl and some tools save them),
 * cells whose stored value is not of their type (an error `#N/A`, `0x1A` as a number, an impossible ISO date, a
 * missing shared string, a character XML forbids), and whether a sheet keeps its data validation and protection.
 * No Node dependency: the pane uses it in the browser.
 */
import { isoToExcelSerial } from "../domain/dates";
import { fileLabels } from "../labels/catalog";
import { BUILT_IN_DATE_FORMATS, DAYS_1904, isDateFormat } from "./date-system";
import type { CellProblem } from "../workbook/parse-tableau";
import { type CellValue, type Grid, type RangeRef, cellAddress } from "../workbook/sheet-plan";
import { XmlMalformed, XmlScanner, type XmlHandlers, type XmlTag, forbiddenCharacter } from "./xml-scanner";
import { type ByteSource, ZipArchive } from "./zip-archive";
import { ZIP_LIMITS, ZipRefused, type ZipLimits } from "./zip-guard";

export type XlsxLimits = ZipLimits & {
  /** Filled cells over the sheets read. */
  maxCells: number;
};

export const XLSX_LIMITS: XlsxLimits = {
  ...ZIP_LIMITS,
  /** 200 fiches × 6 indicators × 20 quarters hold about 250 000 filled cells. */
  maxCells: 2_000_000,
};

export interface SheetInfo {
  name: string;
  part: string;
  state: "visible" | "hidden" | "veryHidden";
}

export interface SheetRow {
  /** Zero-based row. */
  row: number;
  values: CellValue[];
}

/** Excel's grid: a row or column past it is no workbook's, and would only make a reader allocate. */
export const EXCEL_GRID = { rows: 1_048_576, columns: 16_384 } as const;

/**
 * Places of the grids read (cells, and the empty places before them in their row or sheet) per filled cell allowed:
 * one value far right or far down is a workbook's, a value at column XFD on each of thousands of rows is made to
 * fill memory with empty places.
 */
const GRID_PLACES_PER_CELL = 8;

/** Merged ranges and cells noted (formulas without result, values not of their type) in one sheet. */
export const MAX_SHEET_NOTES = 100_000;

/** A row above the first filled one, the same empty array for all: a sheet's last row costs a pointer per row above. */
const EMPTY_ROW: CellValue[] = Object.freeze([]) as unknown as CellValue[];

export interface SheetContent {
  grid: Grid;
  merges: RangeRef[];
  /** Cells holding a formula saved without its result: their value is unknown, not empty. */
  formulasWithoutValue: { row: number; col: number }[];
  /** Cells whose stored value is not one of their type (an error, `0x1A` as a number…): read as empty, told here. */
  cellProblems: { row: number; col: number; problem: CellProblem }[];
  /** Whether the sheet has data validation and is protected. */
  guards?: { validations: boolean; protection: boolean };
  /** Whether the sheet has links, or notes, pictures or drawings attached: what an update must carry. */
  anchors?: boolean;
}

export interface WorkbookContent {
  sheets: SheetInfo[];
  /** Content of the sheets asked for that the workbook has. */
  read: Map<string, SheetContent>;
  /** When the file was last saved (document properties), ISO. */
  modified?: string;
}

/** A workbook opened for reading: its sheets are listed, their contents read on demand. */
export class XlsxPackage {
  private cells = 0;
  private places = 0;

  private constructor(
    private readonly archive: ZipArchive,
    readonly sheets: SheetInfo[],
    private readonly sharedPart: string | undefined,
    private readonly dates: DateStyles | undefined,
    readonly modified: string | undefined,
    private readonly limits: XlsxLimits,
  ) {}

  static async open(source: ByteSource, limits: XlsxLimits = XLSX_LIMITS): Promise<XlsxPackage> {
    const archive = await ZipArchive.open(source, limits);
    const root = await relationships(archive, "");
    const officeDocument = root.find((relation) => relation.type.endsWith("/officeDocument"));
    const workbookPart = archive.find(officeDocument ? partName("", officeDocument.target) : "xl/workbook.xml");
    if (!workbookPart) throw new ZipRefused((await isOpenDocument(archive)) ? fileLabels.reader.openDocument : fileLabels.reader.noWorkbookPart);
    const listed: { name: string; id: string; state: string }[] = [];
    let date1904 = false;
    for await (const tag of openTags(archive, workbookPart)) {
      const name = local(tag.name);
      if (name === "sheet") listed.push({ name: tag.attribute("name") ?? "", id: relationshipId(tag), state: tag.attribute("state") ?? "visible" });
      else if (name === "workbookPr") date1904 = ["1", "true"].includes((tag.attribute("date1904") ?? "").toLowerCase());
    }
    const links = await relationships(archive, workbookPart);
    const sheets = listed.map((sheet) => {
      const target = links.find((relation) => relation.id === sheet.id);
      const part = target ? archive.find(partName(workbookPart, target.target)) : undefined;
      if (!part) throw new ZipRefused(fileLabels.reader.sheetMissing(sheet.name));
      return { name: sheet.name, part, state: (["hidden", "veryHidden"].includes(sheet.state) ? sheet.state : "visible") as SheetInfo["state"] };
    });
    const shared = links.find((relation) => relation.type.endsWith("/sharedStrings"));
    const sharedPart = shared ? archive.find(partName(workbookPart, shared.target)) : undefined;
    // A workbook of the 1904 date system (older Excel for Mac) counts days from 1904: its dates are brought to the
    // 1900 system every reader here expects, which takes knowing which styles are dates.
    const styles = links.find((relation) => relation.type.endsWith("/styles"));
    const stylesPart = styles ? archive.find(partName(workbookPart, styles.target)) : undefined;
    const dates = date1904 && stylesPart ? await readDateStyles(archive, stylesPart) : undefined;
    return new XlsxPackage(archive, sheets, sharedPart, dates, await modifiedAt(archive, root), limits);
  }

  sheet(name: string): SheetInfo | undefined {
    return this.sheets.find((sheet) => sheet.name === name) ?? this.sheets.find((sheet) => sheet.name.toLowerCase() === name.toLowerCase());
  }

  private sharedTexts?: Promise<SharedTexts>;

  private shared(): Promise<SharedTexts> {
    this.sharedTexts ??= this.sharedPart ? readSharedTexts(this.archive, this.sharedPart) : Promise.resolve({ texts: [], forbidden: new Map() });
    return this.sharedTexts;
  }

  /** A sheet's rows as they are parsed, each with what else the sheet says (merges, formulas) gathered on the way. */
  async *rows(name: string, found: Omit<SheetContent, "grid"> = { merges: [], formulasWithoutValue: [], cellProblems: [] }): AsyncGenerator<SheetRow> {
    const sheet = this.sheet(name);
    if (!sheet) return;
    const shared = await this.shared();
    for await (const row of sheetRows(this.archive, sheet, shared, found, this.dates)) {
      for (const value of row.values) {
        if (value === null) continue;
        if (++this.cells > this.limits.maxCells) throw new ZipRefused(fileLabels.reader.tooManyCells(this.limits.maxCells));
      }
      this.reserve(row.values.length);
      yield row;
    }
  }

  /** Counts places of the grids against their budget; the rows are short, so a row's places are counted once made. */
  private reserve(places: number): void {
    this.places += places;
    const budget = this.limits.maxCells * GRID_PLACES_PER_CELL;
    if (this.places > budget) throw new ZipRefused(fileLabels.reader.gridTooSpread(budget));
  }

  /** Whole sheets as grids from A1. */
  async read(names: readonly string[]): Promise<Map<string, SheetContent>> {
    const read = new Map<string, SheetContent>();
    for (const name of names) {
      const sheet = this.sheet(name);
      if (!sheet) continue;
      const content: SheetContent = { grid: [], merges: [], formulasWithoutValue: [], cellProblems: [] };
      for await (const { row, values } of this.rows(name, content)) {
        if (content.grid.length < row) this.reserve(row - content.grid.length);
        while (content.grid.length < row) content.grid.push(EMPTY_ROW);
        content.grid[row] = values;
      }
      read.set(name, content);
    }
    return read;
  }
}

/** Reads the named sheets of a workbook (others, and parts no one needs, are never inflated). */
export async function readXlsx(source: ByteSource, names: readonly string[], limits: XlsxLimits = XLSX_LIMITS): Promise<WorkbookContent> {
  const workbook = await XlsxPackage.open(source, limits);
  return { sheets: workbook.sheets, read: await workbook.read(names), ...(workbook.modified ? { modified: workbook.modified } : {}) };
}

// ——— XML parts ———

/** Items an XML part's parse gives, yielded after each chunk so that only one chunk's worth is ever held. */
async function* parsed<T>(archive: ZipArchive, part: string, handlersOf: (emit: (item: T) => void) => XmlHandlers): AsyncGenerator<T> {
  const ready: T[] = [];
  const scanner = new XmlScanner(handlersOf((item) => ready.push(item)));
  try {
    for await (const chunk of archive.text(part)) {
      scanner.write(chunk);
      if (ready.length > 0) yield* ready.splice(0);
    }
    scanner.close();
  } catch (error) {
    if (error instanceof XmlMalformed) throw new ZipRefused(fileLabels.reader.partUnreadable(part, error.message));
    throw error;
  }
  yield* ready.splice(0);
}

/** Start tags only, each read at once (its attributes are read from the chunk they came in). */
function openTags(
  archive: ZipArchive,
  part: string,
): AsyncGenerator<{ name: string; attribute(name: string): string | undefined; attributes: Map<string, string> }> {
  return parsed(archive, part, (emit) => ({
    open: (tag) => {
      const attributes = tag.attributes();
      emit({ name: tag.name, attribute: (name: string) => attributes.get(name), attributes });
    },
  }));
}

/** Tag names without a namespace prefix: some writers use `x:row`. */
function local(name: string): string {
  const colon = name.indexOf(":");
  return colon < 0 ? name : name.slice(colon + 1);
}

/** The `r:id` of a sheet, whatever prefix the writer gave the relationships namespace. */
function relationshipId(tag: { attributes: Map<string, string> }): string {
  for (const [key, value] of tag.attributes) if (key === "r:id" || key.endsWith(":id")) return value;
  return "";
}

interface Relationship {
  id: string;
  type: string;
  target: string;
}

async function relationships(archive: ZipArchive, part: string): Promise<Relationship[]> {
  const slash = part.lastIndexOf("/");
  const name = archive.find(`${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`);
  if (!name) return [];
  const found: Relationship[] = [];
  for await (const tag of openTags(archive, name)) {
    if (local(tag.name) === "Relationship" && tag.attribute("TargetMode") !== "External") {
      found.push({ id: tag.attribute("Id") ?? "", type: tag.attribute("Type") ?? "", target: tag.attribute("Target") ?? "" });
    }
  }
  return found;
}

/** A relationship's target as a part name: absolute (`/xl/…`, as openpyxl writes) or relative to its source. */
export function partName(from: string, target: string): string {
  const decoded = decodeURIComponent(target.replace(/\\/g, "/"));
  const joined = decoded.startsWith("/") ? decoded.slice(1) : `${from.slice(0, from.lastIndexOf("/") + 1)}${decoded}`;
  const parts: string[] = [];
  for (const segment of joined.split("/")) {
    if (segment === "..") parts.pop();
    else if (segment !== "." && segment !== "") parts.push(segment);
  }
  return parts.join("/");
}

const OPEN_DOCUMENT_SPREADSHEET = "application/vnd.oasis.opendocument.spreadsheet";

/** An OpenDocument spreadsheet (.ods): its `mimetype` entry says so, or it has the content part of one and no workbook. */
async function isOpenDocument(archive: ZipArchive): Promise<boolean> {
  const mimetype = archive.find("mimetype");
  const entry = mimetype === undefined ? undefined : archive.entries.get(mimetype);
  if (entry && entry.uncompressedSize <= 256) {
    let text = "";
    for await (const chunk of archive.inflate(entry.name)) for (const byte of chunk) text += String.fromCharCode(byte);
    if (text.trim().startsWith(OPEN_DOCUMENT_SPREADSHEET)) return true;
  }
  return archive.find("content.xml") !== undefined && archive.find("xl/workbook.xml") === undefined;
}

async function modifiedAt(archive: ZipArchive, root: Relationship[]): Promise<string | undefined> {
  const core = root.find((relation) => relation.type.endsWith("/core-properties"));
  const part = archive.find(core ? partName("", core.target) : "docProps/core.xml");
  if (!part) return undefined;
  let inside = false;
  let text = "";
  for await (const item of parsed<string>(archive, part, (emit) => ({
    open: (tag) => (inside = local(tag.name) === "modified"),
    text: (value) => {
      if (inside) text += value;
    },
    close: (name) => {
      if (local(name) === "modified") {
        inside = false;
        emit(text.trim());
      }
    },
  }))) {
    const date = new Date(item);
    return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
  }
  return undefined;
}

/**
 * The text inside the given elements (a run's `t`, a cell's `v`), phonetic guides (rPh) left out, gathered per
 * element until taken. The part's handlers pass each tag and text on to it.
 */
class GatheredText {
  /** Text gathered per element, in the order of `elements`: a cell has one or two, so an array beats a map. */
  private readonly texts: string[];
  private inside = -1;
  private inPhonetic = false;

  constructor(private readonly elements: readonly string[]) {
    this.texts = elements.map(() => "");
  }

  add(value: string): void {
    if (this.inside >= 0) this.texts[this.inside] += value;
  }

  get wanted(): boolean {
    return this.inside >= 0;
  }

  opened(tag: XmlTag, name: string): void {
    if (name === "rPh") this.inPhonetic = true;
    else if (!this.inPhonetic) {
      const index = this.elements.indexOf(name);
      if (index >= 0) this.inside = tag.selfClosing ? -1 : index;
    }
  }

  closed(name: string): void {
    if (name === "rPh") this.inPhonetic = false;
    else if (this.inside >= 0 && this.elements[this.inside] === name) this.inside = -1;
  }

  /** The text gathered in `element` (by default the first) since the last take, which clears them all. */
  take(element?: string): string {
    const text = this.texts[element === undefined ? 0 : this.elements.indexOf(element)] ?? "";
    this.texts.fill("");
    return text;
  }
}

/**
 * A text of its own, not a view into the chunk of XML it was read from: JavaScript engines cut substrings as views
 * that keep their whole source alive, and a territory's name kept by a national consolidation would keep a quarter
 * of a megabyte of that territory's XML with it. Joined to one character then cut again, the text is copied once.
 */
function detached(text: string): string {
  // Below 13 characters V8 copies a substring anyway.
  return text.length < 13 ? text : (" " + text).slice(1);
}

/** Excel writes characters XML cannot hold as `_xHHHH_`. */
function unescaped(text: string): string {
  return text.includes("_x") ? text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : text;
}

interface SharedTexts {
  texts: string[];
  /** The strings holding a character XML forbids, by index: the first such character. */
  forbidden: Map<number, number>;
}

async function readSharedTexts(archive: ZipArchive, part: string): Promise<SharedTexts> {
  const texts: string[] = [];
  const forbidden = new Map<number, number>();
  for await (const text of parsed<string>(archive, part, (emit) => {
    const gathered = new GatheredText(["t"]);
    return {
      open: (tag) => {
        const name = local(tag.name);
        gathered.opened(tag, name);
        if (name === "si") gathered.take();
      },
      close: (closed) => {
        const name = local(closed);
        gathered.closed(name);
        if (name === "si") emit(gathered.take());
      },
      text: (value) => gathered.add(value),
      wantsText: () => gathered.wanted,
    };
  })) {
    const code = forbiddenCharacter(text);
    if (code !== undefined) forbidden.set(texts.length, code);
    texts.push(detached(unescaped(text)));
  }
  return { texts, forbidden };
}

interface DateStyles {
  shifted(style: number): boolean;
}

async function readDateStyles(archive: ZipArchive, part: string): Promise<DateStyles> {
  const custom = new Map<number, string>();
  const cellFormats: number[] = [];
  let inCellXfs = false;
  for await (const item of parsed<{ kind: "open" | "close"; name: string; selfClosing?: boolean; numFmtId?: string; formatCode?: string }>(
    archive,
    part,
    (emit) => ({
      open: (tag) =>
        emit({
          kind: "open",
          name: local(tag.name),
          selfClosing: tag.selfClosing,
          numFmtId: tag.attribute("numFmtId") ?? "0",
          formatCode: tag.attribute("formatCode") ?? "",
        }),
      close: (name) => emit({ kind: "close", name: local(name) }),
    }),
  )) {
    const name = item.name;
    if (name === "cellXfs") inCellXfs = item.kind === "open" && !item.selfClosing;
    else if (item.kind === "open" && name === "numFmt") custom.set(Number(item.numFmtId), item.formatCode ?? "");
    else if (item.kind === "open" && name === "xf" && inCellXfs) cellFormats.push(Number(item.numFmtId ?? 0));
  }
  const dated = cellFormats.map((id) => (custom.has(id) ? isDateFormat(custom.get(id)!) : BUILT_IN_DATE_FORMATS.has(id)));
  return { shifted: (style) => dated[style] === true };
}

/**
 * `B12` (or `$B$12`) as zero-based row and column; read character by character, as every cell of a sheet has one.
 * A row number too long to be one is read as past the grid, never as a number that lost its digits.
 */
function cellReference(reference: string): { row: number; col: number } | undefined {
  let i = 0;
  if (reference.charCodeAt(i) === 0x24 /* $ */) i++;
  let col = 0;
  const letters = i;
  for (; i < reference.length; i++) {
    const code = reference.charCodeAt(i) | 0x20;
    if (code < 0x61 || code > 0x7a) break;
    col = col * 26 + (code - 0x60);
  }
  if (i === letters || i - letters > 3) return undefined;
  if (reference.charCodeAt(i) === 0x24) i++;
  let row = 0;
  const digits = i;
  for (; i < reference.length; i++) {
    const code = reference.charCodeAt(i);
    if (code < 0x30 || code > 0x39) return undefined;
    row = row * 10 + (code - 0x30);
  }
  if (i === digits || row === 0) return undefined;
  return { row: i - digits > 8 ? EXCEL_GRID.rows : row - 1, col: col - 1 };
}

function rangeReference(reference: string): RangeRef | undefined {
  const [first, last = first] = reference.split(":");
  const start = cellReference(first);
  const end = cellReference(last);
  if (!start || !end) return undefined;
  return {
    row: Math.min(start.row, end.row),
    col: Math.min(start.col, end.col),
    rows: Math.abs(end.row - start.row) + 1,
    cols: Math.abs(end.col - start.col) + 1,
  };
}

/** A row's `r`: a whole number from 1, as written (no sign, no exponent). */
function rowNumber(written: string): number | undefined {
  if (written.length === 0 || written.length > 10) return written.length > 10 && /^[0-9]+$/.test(written) ? Infinity : undefined;
  let number = 0;
  for (let i = 0; i < written.length; i++) {
    const code = written.charCodeAt(i);
    if (code < 0x30 || code > 0x39) return undefined;
    number = number * 10 + (code - 0x30);
  }
  return number > 0 ? number : undefined;
}

function sheetRows(
  archive: ZipArchive,
  sheet: SheetInfo,
  shared: SharedTexts,
  found: Omit<SheetContent, "grid">,
  dates?: DateStyles,
): AsyncGenerator<SheetRow> {
  const said = fileLabels.reader;
  const guards = { validations: false, protection: false };
  found.guards = guards;
  const noted = () => {
    if (found.merges.length + found.formulasWithoutValue.length + found.cellProblems.length > MAX_SHEET_NOTES) {
      throw new ZipRefused(said.tooManyNotes(sheet.name, MAX_SHEET_NOTES));
    }
  };
  return parsed<SheetRow>(archive, sheet.part, (emit) => {
    // A cell's value is in `v`, an inline string's in the `t` of its `is`: some writers give an inline string both.
    const gathered = new GatheredText(["v", "t"]);
    let row: CellValue[] | undefined;
    let rowIndex = -1;
    let col = -1;
    let type = "n";
    let style = 0;
    let formula = false;
    let valueSeen = false;
    return {
      text: (value) => gathered.add(value),
      wantsText: () => gathered.wanted,
      open: (tag) => {
        const name = local(tag.name);
        gathered.opened(tag, name);
        switch (name) {
          case "row": {
            row = [];
            const r = tag.attribute("r");
            if (r === undefined) {
              rowIndex++;
              if (rowIndex >= EXCEL_GRID.rows) throw new ZipRefused(said.rowBeyondGrid(sheet.name, String(rowIndex + 1)));
            } else {
              const number = rowNumber(r);
              if (number === undefined) throw new ZipRefused(said.badRowNumber(sheet.name, r.slice(0, 40)));
              if (number > EXCEL_GRID.rows) throw new ZipRefused(said.rowBeyondGrid(sheet.name, r.slice(0, 40)));
              rowIndex = number - 1;
            }
            col = -1;
            break;
          }
          case "c": {
            if (!row) break;
            const r = tag.attribute("r");
            if (r === undefined) {
              col++;
              if (col >= EXCEL_GRID.columns) throw new ZipRefused(said.cellBeyondGrid(sheet.name, cellAddress(rowIndex, col)));
            } else {
              const reference = cellReference(r);
              if (!reference) throw new ZipRefused(said.badCellReference(sheet.name, r.slice(0, 40)));
              if (reference.col >= EXCEL_GRID.columns || reference.row >= EXCEL_GRID.rows)
                throw new ZipRefused(said.cellBeyondGrid(sheet.name, r.slice(0, 40)));
              col = reference.col;
            }
            type = tag.attribute("t") ?? "n";
            style = dates ? Number(tag.attribute("s") ?? 0) : 0;
            formula = false;
            valueSeen = false;
            gathered.take();
            break;
          }
          case "f":
            formula = true;
            break;
          case "v":
          case "is":
            valueSeen = true;
            break;
          case "mergeCell": {
            const ref = tag.attribute("ref");
            const range = ref === undefined ? undefined : rangeReference(ref);
            if (range && (range.rows > 1 || range.cols > 1)) {
              found.merges.push(range);
              noted();
            }
            break;
          }
          case "dataValidation":
            guards.validations = true;
            break;
          case "sheetProtection":
            guards.protection = ["1", "true"].includes(tag.attribute("sheet") ?? "");
            break;
          case "hyperlink":
          case "drawing":
          case "legacyDrawing":
          case "legacyDrawingHF":
          case "picture":
            found.anchors = true;
            break;
        }
      },
      close: (closed) => {
        const name = local(closed);
        gathered.closed(name);
        if (name === "c" && row && col >= 0) {
          const text = gathered.take(type === "inlineStr" ? "t" : "v");
          let cell: CellValue = null;
          if (formula && (!valueSeen || (text === "" && type !== "str"))) {
            found.formulasWithoutValue.push({ row: rowIndex, col });
            noted();
          } else if (valueSeen) {
            const read = cellValue(type, text, shared);
            if (read !== null && typeof read === "object") {
              found.cellProblems.push({ row: rowIndex, col, problem: read.problem });
              noted();
              cell = read.value;
            } else cell = read;
            // A 1904 workbook's serials count from 1904; an ISO date (`t="d"`) is the same day in either system.
            if (typeof cell === "number" && type !== "d" && dates?.shifted(style)) cell += DAYS_1904;
          }
          if (cell !== null) {
            while (row.length < col) row.push(null);
            row[col] = cell;
          }
        } else if (name === "row" && row) {
          emit({ row: rowIndex, values: row });
          row = undefined;
        }
      },
    };
  });
}

/** A cell's value, or what is wrong with what it stores (with the value kept, when there is one to keep). */
type ReadCell = CellValue | { problem: CellProblem; value: CellValue };

/** What a cell stores, as much as a message shows of it: a problem kept for the report keeps no megabytes alive. */
function written(text: string): string {
  return detached(text.length > 41 ? text.slice(0, 41) : text);
}

function cellValue(type: string, text: string, shared: SharedTexts): ReadCell {
  switch (type) {
    case "s": {
      const index = sharedIndex(text);
      if (index === undefined || index >= shared.texts.length) return { problem: { kind: "sharedString", written: written(text) }, value: null };
      const value = shared.texts[index] || null;
      const code = shared.forbidden.get(index);
      return code === undefined ? value : { problem: { kind: "forbiddenCharacter", code }, value };
    }
    case "inlineStr":
    case "str": {
      if (text === "") return null;
      const value = detached(unescaped(text));
      const code = forbiddenCharacter(text);
      return code === undefined ? value : { problem: { kind: "forbiddenCharacter", code }, value };
    }
    case "b":
      switch (text.trim().toLowerCase()) {
        case "1":
        case "true":
          return true;
        case "0":
        case "false":
          return false;
        default:
          return { problem: { kind: "boolean", written: written(text) }, value: null };
      }
    case "e":
      return { problem: { kind: "formulaError", written: written(text) }, value: null };
    case "d": {
      const serial = isoSerial(text.trim());
      return serial === undefined ? { problem: { kind: "date", written: written(text) }, value: null } : serial;
    }
    default: {
      const number = plainDecimal(text);
      return number === undefined ? { problem: { kind: "number", written: written(text) }, value: null } : number;
    }
  }
}

/** A shared string's index: digits only. */
function sharedIndex(text: string): number | undefined {
  if (text.length === 0 || text.length > 10) return undefined;
  let index = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x30 || code > 0x39) return undefined;
    index = index * 10 + (code - 0x30);
  }
  return index;
}

/**
 * A number as SpreadsheetML stores it: a decimal, maybe with an exponent (`-1.5E-3`), spaces around allowed. Number()
 * alone would also take `0x1A`, `0b1`, `Infinity` and nothing at all, which no spreadsheet writes.
 */
function plainDecimal(text: string): number | undefined {
  const trimmed = isSpaceCode(text.charCodeAt(0)) || isSpaceCode(text.charCodeAt(text.length - 1)) ? text.trim() : text;
  if (trimmed === "") return undefined;
  for (let i = 0; i < trimmed.length; i++) {
    const code = trimmed.charCodeAt(i);
    const decimal = (code >= 0x30 && code <= 0x39) || code === 0x2e /* . */ || code === 0x2d /* - */ || code === 0x2b /* + */ || (code | 0x20) === 0x65; /* e */
    if (!decimal) return undefined;
  }
  const number = Number(trimmed);
  return Number.isFinite(number) ? number : undefined;
}

function isSpaceCode(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}

const ISO_DATE_TIME = /^(?:(\d{4})-(\d{2})-(\d{2})(?=T|$))?T?(?:(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * An ISO 8601 date, date and time, or time (`t="d"`, as openpyxl and some tools store dates) as a serial of the
 * 1900 system; undefined when it is not one or names a day the calendar does not have (`2026-02-30`).
 */
function isoSerial(text: string): number | undefined {
  const match = ISO_DATE_TIME.exec(text);
  if (!match || (!match[1] && !match[4])) return undefined;
  let day = 0;
  if (match[1]) {
    const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])];
    if (month < 1 || month > 12 || date < 1 || date > new Date(Date.UTC(year, month, 0)).getUTCDate()) return undefined;
    day = isoToExcelSerial(`${match[1]}-${match[2]}-${match[3]}`);
  }
  if (!match[4]) return day;
  const [hours, minutes, seconds] = [Number(match[4]), Number(match[5]), Number(match[6] ?? 0) + Number(match[7] ?? 0)];
  if (hours > 23 || minutes > 59 || seconds >= 60) return undefined;
  return day + (hours * 3600 + minutes * 60 + seconds) / 86_400;
}
