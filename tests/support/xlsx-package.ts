/**
 * A workbook file opened in the tests as its parts: to look at what a cell's XML and its style say (value type,
 * formula, number format, lock, fill, data validation) and to make the edits a person makes in another program
 * (type in a cell, merge cells, insert a column, add or remove a sheet, save at another date), written the way
 * SpreadsheetML allows (inline strings, a formula without its result). Values are read back by the project's
 * reader elsewhere; openpyxl and LibreOffice, in the end-to-end tests, are the independent readers.
 */
import JSZip from "jszip";
import { readFileSync, writeFileSync } from "node:fs";
import { cellAddress, columnIndex, columnLetter, parseCellAddress } from "../../src/workbook/sheet-plan";
import { type XmlElement, attributeOf, childElements, firstChild, localName, parseXml, serializeXml, setAttribute } from "../../src/xlsx/xml-tree";
import { partName } from "../../src/xlsx/xlsx-reader";
import { readXlsx } from "../../src/xlsx/xlsx-reader";
import { bytesSource } from "../../src/xlsx/zip-archive";
import type { CellValue } from "../../src/workbook/sheet-plan";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

export interface CellInfo {
  value: string | undefined;
  type: string;
  formula?: string;
  style: {
    numFmt: string;
    locked: boolean;
    fill?: string;
    bold: boolean;
    fontColor?: string;
    wrap: boolean;
    horizontal?: string;
    vertical?: string;
    /** The style of the cell's left border, when it has one. */
    border?: string;
  };
}

/** The order of a worksheet's children (CT_Worksheet): an element put anywhere else makes Excel repair the file. */
const WORKSHEET_ORDER = [
  "sheetPr",
  "dimension",
  "sheetViews",
  "sheetFormatPr",
  "cols",
  "sheetData",
  "sheetCalcPr",
  "sheetProtection",
  "protectedRanges",
  "scenarios",
  "autoFilter",
  "sortState",
  "dataConsolidate",
  "customSheetViews",
  "mergeCells",
  "phoneticPr",
  "conditionalFormatting",
  "dataValidations",
  "hyperlinks",
  "printOptions",
  "pageMargins",
  "pageSetup",
  "headerFooter",
  "rowBreaks",
  "colBreaks",
  "customProperties",
  "cellWatches",
  "ignoredErrors",
  "smartTags",
  "drawing",
  "legacyDrawing",
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
];

export class XlsxFile {
  private readonly trees = new Map<string, XmlElement>();

  private constructor(private readonly zip: JSZip) {}

  static async open(source: Uint8Array | string): Promise<XlsxFile> {
    return new XlsxFile(await JSZip.loadAsync(typeof source === "string" ? readFileSync(source) : source));
  }

  has(part: string): boolean {
    return this.zip.file(part) !== null;
  }

  parts(): string[] {
    return Object.keys(this.zip.files).filter((name) => !this.zip.files[name].dir);
  }

  async text(part: string): Promise<string> {
    const tree = this.trees.get(part);
    if (tree) return serializeXml(tree);
    const file = this.zip.file(part);
    if (!file) throw new Error(`no part ${part}`);
    return file.async("string");
  }

  async tree(part: string): Promise<XmlElement> {
    let tree = this.trees.get(part);
    if (!tree) {
      tree = parseXml(await this.text(part));
      this.trees.set(part, tree);
    }
    return tree;
  }

  private async workbookPart(): Promise<string> {
    const rels = await this.tree("_rels/.rels");
    const relationship = childElements(rels, "Relationship").find((item) => (attributeOf(item, "Type") ?? "").endsWith("/officeDocument"));
    return partName("", attributeOf(relationship!, "Target")!);
  }

  private async relationships(part: string): Promise<{ id: string; type: string; target: string }[]> {
    const slash = part.lastIndexOf("/");
    const rels = `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
    if (!this.has(rels)) return [];
    return childElements(await this.tree(rels), "Relationship").map((item) => ({
      id: attributeOf(item, "Id")!,
      type: attributeOf(item, "Type")!,
      target: attributeOf(item, "TargetMode") === "External" ? attributeOf(item, "Target")! : partName(part, attributeOf(item, "Target")!),
    }));
  }

  async sheets(): Promise<{ name: string; state: string; part: string }[]> {
    const workbookPart = await this.workbookPart();
    const workbook = await this.tree(workbookPart);
    const relationships = await this.relationships(workbookPart);
    return childElements(firstChild(workbook, "sheets")!, "sheet").map((sheet) => {
      const id = sheet.attributes.find(([key]) => key.endsWith(":id"))![1];
      return { name: attributeOf(sheet, "name")!, state: attributeOf(sheet, "state") ?? "visible", part: relationships.find((item) => item.id === id)!.target };
    });
  }

  async sheetPart(name: string): Promise<string> {
    const sheet = (await this.sheets()).find((item) => item.name === name);
    if (!sheet) throw new Error(`no sheet ${name}`);
    return sheet.part;
  }

  async sheet(name: string): Promise<XmlElement> {
    return this.tree(await this.sheetPart(name));
  }

  /** The parts a sheet relates to, by relationship type's last segment (`table`, `comments`, `drawing`…). */
  async related(sheet: string, kind: string): Promise<string[]> {
    return (await this.relationships(await this.sheetPart(sheet))).filter((item) => item.type.endsWith(`/${kind}`)).map((item) => item.target);
  }

  async definedNames(): Promise<{ name: string; localSheetId?: string; formula: string }[]> {
    const workbook = await this.tree(await this.workbookPart());
    const names = firstChild(workbook, "definedNames");
    return names
      ? childElements(names, "definedName").map((item) => ({
          name: attributeOf(item, "name")!,
          ...(attributeOf(item, "localSheetId") !== undefined ? { localSheetId: attributeOf(item, "localSheetId") } : {}),
          formula: item.children.join(""),
        }))
      : [];
  }

  /** The children of a sheet's root, in order, by local name. */
  async sheetElements(sheet: string): Promise<string[]> {
    return childElements(await this.sheet(sheet)).map((child) => localName(child.name));
  }

  async element(sheet: string, local: string): Promise<XmlElement | undefined> {
    return firstChild(await this.sheet(sheet), local);
  }

  private async cellElement(sheet: string, address: string): Promise<XmlElement | undefined> {
    const data = firstChild(await this.sheet(sheet), "sheetData")!;
    for (const row of childElements(data, "row")) for (const cell of childElements(row, "c")) if (attributeOf(cell, "r") === address) return cell;
    return undefined;
  }

  async cell(sheet: string, address: string): Promise<CellInfo | undefined> {
    const cell = await this.cellElement(sheet, address);
    if (!cell) return undefined;
    const style = await this.cellStyle(Number(attributeOf(cell, "s") ?? 0));
    const v = firstChild(cell, "v");
    const formula = firstChild(cell, "f");
    const inline = firstChild(cell, "is");
    const type = attributeOf(cell, "t") ?? "n";
    let value: string | undefined = v ? v.children.join("") : undefined;
    if (type === "inlineStr" && inline) value = textOf(inline);
    if (type === "s" && value !== undefined) value = (await this.sharedStrings())[Number(value)];
    return { value, type, ...(formula ? { formula: formula.children.join("") } : {}), style };
  }

  private async sharedStrings(): Promise<string[]> {
    const workbookPart = await this.workbookPart();
    const part = (await this.relationships(workbookPart)).find((item) => item.type.endsWith("/sharedStrings"));
    if (!part) return [];
    return childElements(await this.tree(part.target), "si").map(textOf);
  }

  private async cellStyle(index: number): Promise<CellInfo["style"]> {
    const workbookPart = await this.workbookPart();
    const part = (await this.relationships(workbookPart)).find((item) => item.type.endsWith("/styles"));
    const styles = await this.tree(part!.target);
    const xf = childElements(firstChild(styles, "cellXfs")!, "xf")[index];
    const formats = new Map(
      childElements(firstChild(styles, "numFmts") ?? { name: "", attributes: [], children: [] }, "numFmt").map((item) => [
        attributeOf(item, "numFmtId"),
        attributeOf(item, "formatCode"),
      ]),
    );
    const builtIn: Record<string, string> = { "0": "General", "1": "0", "3": "#,##0", "9": "0%", "14": "mm-dd-yy", "49": "@" };
    const numFmtId = attributeOf(xf, "numFmtId") ?? "0";
    const font = childElements(firstChild(styles, "fonts")!, "font")[Number(attributeOf(xf, "fontId") ?? 0)];
    const fill = childElements(firstChild(styles, "fills")!, "fill")[Number(attributeOf(xf, "fillId") ?? 0)];
    const fgColor = fill && firstChild(firstChild(fill, "patternFill") ?? fill, "fgColor");
    const border = childElements(firstChild(styles, "borders")!, "border")[Number(attributeOf(xf, "borderId") ?? 0)];
    const left = border && firstChild(border, "left");
    const alignment = firstChild(xf, "alignment");
    const protection = firstChild(xf, "protection");
    const color = font && firstChild(font, "color");
    return {
      numFmt: formats.get(numFmtId) ?? builtIn[numFmtId] ?? numFmtId,
      locked: protection ? attributeOf(protection, "locked") !== "0" : true,
      ...(fgColor && attributeOf(fgColor, "rgb") ? { fill: attributeOf(fgColor, "rgb") } : {}),
      bold: !!font && firstChild(font, "b") !== undefined,
      ...(color && attributeOf(color, "rgb") ? { fontColor: attributeOf(color, "rgb") } : {}),
      wrap: !!alignment && attributeOf(alignment, "wrapText") === "1",
      ...(alignment && attributeOf(alignment, "horizontal") ? { horizontal: attributeOf(alignment, "horizontal") } : {}),
      ...(alignment && attributeOf(alignment, "vertical") ? { vertical: attributeOf(alignment, "vertical") } : {}),
      ...(left && attributeOf(left, "style") ? { border: attributeOf(left, "style") } : {}),
    };
  }

  /** A row's height in points, when it has one of its own. */
  async rowHeight(sheet: string, row: number): Promise<number | undefined> {
    const found = childElements(firstChild(await this.sheet(sheet), "sheetData")!, "row").find((item) => Number(attributeOf(item, "r")) === row);
    const height = found && attributeOf(found, "ht");
    return height === undefined ? undefined : Number(height);
  }

  /** A column's `<col>` settings (1-based column). */
  async column(sheet: string, col: number): Promise<{ width?: number; hidden: boolean } | undefined> {
    const cols = firstChild(await this.sheet(sheet), "cols");
    const found = cols && childElements(cols, "col").find((item) => Number(attributeOf(item, "min")) <= col && col <= Number(attributeOf(item, "max")));
    if (!found) return undefined;
    return { ...(attributeOf(found, "width") ? { width: Number(attributeOf(found, "width")) } : {}), hidden: attributeOf(found, "hidden") === "1" };
  }

  /** Attributes of the first element `local` of a sheet, found at any depth (a frozen pane, the page set-up). */
  async attributesOf(sheet: string, local: string): Promise<Record<string, string> | undefined> {
    const find = (element: XmlElement): XmlElement | undefined => {
      for (const child of childElements(element)) {
        if (localName(child.name) === local) return child;
        const inner = find(child);
        if (inner) return inner;
      }
      return undefined;
    };
    const found = find(await this.sheet(sheet));
    return found ? Object.fromEntries(found.attributes) : undefined;
  }

  /** The data validation covering a cell. */
  async validation(sheet: string, address: string): Promise<Record<string, string> | undefined> {
    const validations = firstChild(await this.sheet(sheet), "dataValidations");
    const target = parseCellAddress(address)!;
    for (const validation of validations ? childElements(validations, "dataValidation") : []) {
      const covers = (attributeOf(validation, "sqref") ?? "").split(" ").some((ref) => {
        const [first, last = first] = ref.split(":").map((part) => parseCellAddress(part)!);
        return target.row >= first.row && target.row <= last.row && target.col >= first.col && target.col <= last.col;
      });
      if (covers)
        return {
          ...Object.fromEntries(validation.attributes),
          ...Object.fromEntries(childElements(validation).map((formula) => [localName(formula.name), formula.children.join("")])),
        };
    }
    return undefined;
  }

  // ——— Edits, as a person makes them in another program. ———

  /** Types a value in a cell (a text as an inline string), or a formula saved without its result. */
  async setCell(sheet: string, address: string, value: CellValue | { formula: string }): Promise<void> {
    const root = await this.sheet(sheet);
    const data = firstChild(root, "sheetData")!;
    const { row, col } = parseCellAddress(address)!;
    let rowElement = childElements(data, "row").find((item) => Number(attributeOf(item, "r")) === row + 1);
    if (!rowElement) {
      rowElement = { name: "row", attributes: [["r", String(row + 1)]], children: [] };
      const after = childElements(data, "row").filter((item) => Number(attributeOf(item, "r")) < row + 1);
      data.children.splice(after.length > 0 ? data.children.indexOf(after[after.length - 1]) + 1 : 0, 0, rowElement);
    }
    const cells = childElements(rowElement, "c");
    let cell = cells.find((item) => attributeOf(item, "r") === address);
    if (!cell) {
      cell = { name: "c", attributes: [["r", address]], children: [] };
      const before = cells.filter((item) => parseCellAddress(attributeOf(item, "r")!)!.col < col);
      rowElement.children.splice(before.length > 0 ? rowElement.children.indexOf(before[before.length - 1]) + 1 : 0, 0, cell);
    }
    const style = attributeOf(cell, "s");
    cell.attributes = [["r", address], ...(style ? [["s", style] as [string, string]] : [])];
    if (value === null) cell.children = [];
    else if (typeof value === "object") cell.children = [{ name: "f", attributes: [], children: [value.formula] }];
    else if (typeof value === "number") cell.children = [{ name: "v", attributes: [], children: [String(value)] }];
    else if (typeof value === "boolean") {
      cell.attributes.push(["t", "b"]);
      cell.children = [{ name: "v", attributes: [], children: [value ? "1" : "0"] }];
    } else {
      cell.attributes.push(["t", "inlineStr"]);
      cell.children = [{ name: "is", attributes: [], children: [{ name: "t", attributes: [["xml:space", "preserve"]], children: [value] }] }];
    }
  }

  /** The style index (`s`) of a cell. */
  async cellStyleIndex(sheet: string, address: string): Promise<string | undefined> {
    const cell = await this.cellElement(sheet, address);
    return cell ? (attributeOf(cell, "s") ?? "0") : undefined;
  }

  async setStyle(sheet: string, address: string, style: string): Promise<void> {
    const cell = await this.cellElement(sheet, address);
    if (!cell) throw new Error(`no cell ${address}`);
    setAttribute(cell, "s", style);
  }

  /** A workbook-level defined name, as a user makes one (Formules › Gestionnaire de noms). */
  async addDefinedName(name: string, formula: string): Promise<void> {
    const workbook = await this.tree(await this.workbookPart());
    let names = firstChild(workbook, "definedNames");
    if (!names) {
      names = { name: "definedNames", attributes: [], children: [] };
      const sheets = workbook.children.indexOf(firstChild(workbook, "sheets")!);
      workbook.children.splice(sheets + 1, 0, names);
    }
    names.children.push({ name: "definedName", attributes: [["name", name]], children: [formula] });
  }

  async mergeCells(sheet: string, reference: string): Promise<void> {
    const root = await this.sheet(sheet);
    let merges = firstChild(root, "mergeCells");
    if (!merges) {
      merges = { name: "mergeCells", attributes: [], children: [] };
      insertInOrder(root, merges);
    }
    merges.children.push({ name: "mergeCell", attributes: [["ref", reference]], children: [] });
    setAttribute(merges, "count", String(childElements(merges, "mergeCell").length));
  }

  /** Inserts a column before `letter` holding `values` from row 1, the cells from there on moving one to the right. */
  async insertColumn(sheet: string, letter: string, values: CellValue[]): Promise<void> {
    const root = await this.sheet(sheet);
    const at = columnIndex(letter);
    for (const row of childElements(firstChild(root, "sheetData")!, "row")) {
      for (const cell of childElements(row, "c")) {
        const position = parseCellAddress(attributeOf(cell, "r")!)!;
        if (position.col >= at) setAttribute(cell, "r", cellAddress(position.row, position.col + 1));
      }
    }
    for (const [index, value] of values.entries()) await this.setCell(sheet, `${columnLetter(at)}${index + 1}`, value);
  }

  /** Deletes column `letter`, the cells after it moving one to the left. */
  async deleteColumn(sheet: string, letter: string): Promise<void> {
    const root = await this.sheet(sheet);
    const at = columnIndex(letter);
    for (const row of childElements(firstChild(root, "sheetData")!, "row")) {
      row.children = row.children.filter((cell) => typeof cell === "string" || parseCellAddress(attributeOf(cell, "r")!)!.col !== at);
      for (const cell of childElements(row, "c")) {
        const position = parseCellAddress(attributeOf(cell, "r")!)!;
        if (position.col > at) setAttribute(cell, "r", cellAddress(position.row, position.col - 1));
      }
    }
  }

  /** The address of the first cell of row 1 holding `header`, as a column letter. */
  async columnOf(sheet: string, header: string): Promise<string> {
    const found = [...(await cellsOf(await this.bytes(), sheet))].find(([address, value]) => /^[A-Z]+1$/.test(address) && value === header);
    if (!found) throw new Error(`no column ${header} in ${sheet}`);
    return found[0].slice(0, -1);
  }

  /** Sets the value of the `_ctg_meta`-like key / value row whose key is `key`. */
  async setKeyed(sheet: string, key: string, value: CellValue): Promise<void> {
    for (const [address, cell] of await cellsOf(await this.bytes(), sheet))
      if (address.startsWith("A") && cell === key) await this.setCell(sheet, `B${address.slice(1)}`, value);
  }

  /** A new part, with its content type (an override, or a default for its extension). */
  async addPart(name: string, content: string | Uint8Array, override?: string, byExtension?: { extension: string; type: string }): Promise<void> {
    this.zip.file(name, content);
    const types = await this.tree("[Content_Types].xml");
    if (override)
      types.children.push({
        name: "Override",
        attributes: [
          ["PartName", `/${name}`],
          ["ContentType", override],
        ],
        children: [],
      });
    if (byExtension && !childElements(types, "Default").some((item) => attributeOf(item, "Extension") === byExtension.extension))
      types.children.unshift({
        name: "Default",
        attributes: [
          ["Extension", byExtension.extension],
          ["ContentType", byExtension.type],
        ],
        children: [],
      });
  }

  /** Relationships added to a part (`type`: the last segment of the relationship type); returns their ids. */
  async addRelationships(part: string, relationships: { id: string; type: string; target: string; external?: boolean }[]): Promise<string[]> {
    const slash = part.lastIndexOf("/");
    const relsPart = `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
    if (!this.has(relsPart) && !this.trees.has(relsPart))
      this.trees.set(relsPart, parseXml('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>'));
    const rels = await this.tree(relsPart);
    const taken = new Set(childElements(rels, "Relationship").map((item) => attributeOf(item, "Id")));
    return relationships.map((relationship) => {
      let id = relationship.id;
      for (let n = 1; !id || taken.has(id); n++) id = `rIdExtra${n}`;
      taken.add(id);
      rels.children.push({
        name: "Relationship",
        attributes: [
          ["Id", id],
          ["Type", `http://schemas.openxmlformats.org/officeDocument/2006/relationships/${relationship.type}`],
          ["Target", relationship.target],
          ...(relationship.external ? [["TargetMode", "External"] as [string, string]] : []),
        ],
        children: [],
      });
      return id;
    });
  }

  /** An element put among a sheet's children where CT_Worksheet wants it. */
  async addSheetElement(sheet: string, element: XmlElement): Promise<void> {
    insertInOrder(await this.sheet(sheet), element);
  }

  async addSheet(name: string, rows: CellValue[][]): Promise<void> {
    const workbookPart = await this.workbookPart();
    const workbook = await this.tree(workbookPart);
    const sheets = firstChild(workbook, "sheets")!;
    let number = 1;
    while (this.has(`xl/worksheets/added${number}.xml`)) number++;
    const part = `xl/worksheets/added${number}.xml`;
    const relsPart = workbookPart.replace(/([^/]+)$/, "_rels/$1.rels");
    const rels = await this.tree(relsPart);
    const id = `rIdAdded${number}`;
    rels.children.push({
      name: "Relationship",
      attributes: [
        ["Id", id],
        ["Type", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"],
        ["Target", part.replace(/^xl\//, "")],
      ],
      children: [],
    });
    const sheetIds = childElements(sheets, "sheet").map((sheet) => Number(attributeOf(sheet, "sheetId")));
    const prefix = workbook.attributes.find(([key, value]) => key.startsWith("xmlns:") && value.endsWith("/officeDocument/2006/relationships"))![0].slice(6);
    sheets.children.push({
      name: "sheet",
      attributes: [
        ["name", name],
        ["sheetId", String(Math.max(...sheetIds) + 1)],
        [`${prefix}:id`, id],
      ],
      children: [],
    });
    const types = await this.tree("[Content_Types].xml");
    types.children.push({
      name: "Override",
      attributes: [
        ["PartName", `/${part}`],
        ["ContentType", "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"],
      ],
      children: [],
    });
    this.zip.file(part, `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}"><sheetData/></worksheet>`);
    for (const [r, row] of rows.entries()) for (const [c, value] of row.entries()) if (value !== null) await this.setCell(name, cellAddress(r, c), value);
  }

  async removeSheet(name: string): Promise<void> {
    const workbook = await this.tree(await this.workbookPart());
    const sheets = firstChild(workbook, "sheets")!;
    sheets.children = sheets.children.filter((child) => typeof child === "string" || attributeOf(child, "name") !== name);
  }

  /** The date the file says it was last saved (its document properties). */
  async setModified(when: Date): Promise<void> {
    const core = await this.text("docProps/core.xml");
    this.trees.delete("docProps/core.xml");
    this.zip.file("docProps/core.xml", core.replace(/(<dcterms:modified[^>]*>)[^<]*(<\/dcterms:modified>)/, `$1${when.toISOString().slice(0, 19)}Z$2`));
  }

  async bytes(): Promise<Uint8Array> {
    for (const [part, tree] of this.trees) this.zip.file(part, serializeXml(tree));
    return this.zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
  }

  async save(path: string): Promise<void> {
    writeFileSync(path, await this.bytes());
  }
}

export function textOf(element: XmlElement): string {
  return element.children
    .map((child) => {
      if (typeof child === "string") return "";
      if (localName(child.name) === "t") return child.children.filter((text): text is string => typeof text === "string").join("");
      if (localName(child.name) === "rPh") return "";
      return textOf(child);
    })
    .join("");
}

function insertInOrder(root: XmlElement, element: XmlElement): void {
  const rank = WORKSHEET_ORDER.indexOf(localName(element.name));
  const next = root.children.findIndex((child) => typeof child !== "string" && WORKSHEET_ORDER.indexOf(localName(child.name)) > rank);
  if (next < 0) root.children.push(element);
  else root.children.splice(next, 0, element);
}

export { WORKSHEET_ORDER };

/** Edits a file in place. */
export async function editFile(path: string, edit: (file: XlsxFile) => Promise<void>): Promise<void> {
  const file = await XlsxFile.open(path);
  await edit(file);
  await file.save(path);
}

/** Every cell of a sheet by address, as the project's reader reads it. */
export async function cellsOf(source: string | Uint8Array, sheet: string): Promise<Map<string, CellValue>> {
  const bytes = typeof source === "string" ? new Uint8Array(readFileSync(source)) : source;
  const content = await readXlsx(bytesSource(bytes), [sheet]);
  const cells = new Map<string, CellValue>();
  content.read.get(sheet)?.grid.forEach((row, r) => row.forEach((value, c) => value !== null && value !== undefined && cells.set(cellAddress(r, c), value)));
  return cells;
}

/** A sheet's rows as objects keyed by its header, as the project's reader reads them. */
export async function rowsOf(source: string | Uint8Array, sheet: string): Promise<Record<string, CellValue>[]> {
  const bytes = typeof source === "string" ? new Uint8Array(readFileSync(source)) : source;
  const grid = (await readXlsx(bytesSource(bytes), [sheet])).read.get(sheet)?.grid ?? [];
  const header = (grid[0] ?? []).map((value) => String(value ?? ""));
  return grid.slice(1).map((row) => Object.fromEntries(header.map((key, index) => [key, row[index] ?? null])));
}

/** Every sheet's rows (header first), in workbook order. */
export async function sheetsOf(source: string | Uint8Array): Promise<[string, CellValue[][]][]> {
  const bytes = typeof source === "string" ? new Uint8Array(readFileSync(source)) : source;
  const names = (await readXlsx(bytesSource(bytes), [])).sheets.map((sheet) => sheet.name);
  const content = await readXlsx(bytesSource(bytes), names);
  return names.map((name) => [name, (content.read.get(name)?.grid ?? []).map((row) => [...row])]);
}

/** A workbook of one plain sheet that is not a tableau. */
export async function plainWorkbook(path: string, sheet: string, rows: CellValue[][]): Promise<void> {
  const zip = new JSZip();
  zip.file(
    "[Content_Types].xml",
    `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
  );
  zip.file(
    "_rels/.rels",
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  zip.file(
    "xl/workbook.xml",
    `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="${sheet}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
  );
  zip.file(
    "xl/_rels/workbook.xml.rels",
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
  );
  zip.file("xl/worksheets/sheet1.xml", `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}"><sheetData/></worksheet>`);
  const file = await XlsxFile.open(await zip.generateAsync({ type: "uint8array" }));
  for (const [r, row] of rows.entries()) for (const [c, value] of row.entries()) if (value !== null) await file.setCell(sheet, cellAddress(r, c), value);
  await file.save(path);
}
