/**
 * The fixed parts of an .xlsx package (SpreadsheetML), written as text by the streamed workbook writer: content
 * types, relationships, workbook, document properties and the style sheet built from a registry of cell styles.
 */

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PACKAGE_RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships";
const XML_HEADER = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Characters XML 1.0 cannot hold at all (a territory's text may carry them from a copy and paste). */
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };

export function xmlText(text: string): string {
  return text.replace(FORBIDDEN, "").replace(/[&<>"]/g, (character) => ESCAPES[character] ?? character);
}

export interface PackageSheet {
  name: string;
  state: "visible" | "hidden" | "veryHidden";
  /** Header row repeated on every printed page, and the filter over the table, as `$A$1:$L$120`. */
  printTitles?: boolean;
  filterRange?: string;
}

export function contentTypesXml(sheetCount: number): string {
  const sheets = Array.from(
    { length: sheetCount },
    (_, index) =>
      `<Override PartName="/xl/worksheets/sheet${index + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
  ).join("");
  return `${XML_HEADER}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${sheets}<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>`;
}

export function packageRelationshipsXml(): string {
  return `${XML_HEADER}<Relationships xmlns="${PACKAGE_RELATIONSHIPS}"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/></Relationships>`;
}

export function corePropertiesXml(creator: string, when: Date): string {
  const stamp = `${when.toISOString().slice(0, 19)}Z`;
  return `${XML_HEADER}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>${xmlText(creator)}</dc:creator><cp:lastModifiedBy>${xmlText(creator)}</cp:lastModifiedBy><dcterms:created xsi:type="dcterms:W3CDTF">${stamp}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${stamp}</dcterms:modified></cp:coreProperties>`;
}

export function appPropertiesXml(application: string): string {
  return `${XML_HEADER}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>${xmlText(application)}</Application></Properties>`;
}

function quotedSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

export function workbookXml(sheets: readonly PackageSheet[]): string {
  const listed = sheets
    .map(
      (sheet, index) =>
        `<sheet name="${xmlText(sheet.name)}" sheetId="${index + 1}"${sheet.state === "visible" ? "" : ` state="${sheet.state}"`} r:id="rId${index + 1}"/>`,
    )
    .join("");
  const names = sheets.flatMap((sheet, index) => [
    ...(sheet.filterRange
      ? [`<definedName name="_xlnm._FilterDatabase" localSheetId="${index}" hidden="1">${xmlText(quotedSheet(sheet.name))}!${sheet.filterRange}</definedName>`]
      : []),
    ...(sheet.printTitles ? [`<definedName name="_xlnm.Print_Titles" localSheetId="${index}">${xmlText(quotedSheet(sheet.name))}!$1:$1</definedName>`] : []),
  ]);
  const active = Math.max(
    0,
    sheets.findIndex((sheet) => sheet.state === "visible"),
  );
  return `${XML_HEADER}<workbook xmlns="${MAIN}" xmlns:r="${RELATIONSHIPS}"><bookViews><workbookView activeTab="${active}" firstSheet="${active}"/></bookViews><sheets>${listed}</sheets>${names.length > 0 ? `<definedNames>${names.join("")}</definedNames>` : ""}<calcPr calcId="191029"/></workbook>`;
}

export function workbookRelationshipsXml(sheetCount: number): string {
  const sheets = Array.from(
    { length: sheetCount },
    (_, index) =>
      `<Relationship Id="rId${index + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${index + 1}.xml"/>`,
  ).join("");
  return `${XML_HEADER}<Relationships xmlns="${PACKAGE_RELATIONSHIPS}">${sheets}<Relationship Id="rId${sheetCount + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId${sheetCount + 2}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`;
}

export const WORKSHEET_OPEN = `${XML_HEADER}<worksheet xmlns="${MAIN}" xmlns:r="${RELATIONSHIPS}">`;

export interface CellStyle {
  numFmt?: string;
  header?: boolean;
  bordered?: boolean;
  wrap?: boolean;
  vertical?: "top" | "center";
}

/** Number formats Excel knows by number; any other is declared in the style sheet from 164 on. */
const BUILT_IN_FORMATS: Record<string, number> = { General: 0, "0": 1, "0.00": 2, "#,##0": 3, "#,##0.00": 4, "0%": 9, "0.00%": 10, "@": 49 };

function styleKey(style: CellStyle): string {
  return `${style.numFmt ?? ""}|${style.header ? 1 : 0}|${style.bordered ? 1 : 0}|${style.wrap ? 1 : 0}|${style.vertical ?? ""}`;
}

/** The distinct cell styles a workbook uses, numbered in the order they are first asked for (0 is the default). */
export class CellStyles {
  private readonly ids = new Map<string, number>([[styleKey({}), 0]]);
  private readonly styles: CellStyle[] = [{}];
  private readonly formats = new Map<string, number>();

  id(style: CellStyle): number {
    const key = styleKey(style);
    const known = this.ids.get(key);
    if (known !== undefined) return known;
    const id = this.styles.length;
    this.styles.push(style);
    this.ids.set(key, id);
    if (style.numFmt && BUILT_IN_FORMATS[style.numFmt] === undefined && !this.formats.has(style.numFmt))
      this.formats.set(style.numFmt, 164 + this.formats.size);
    return id;
  }

  xml(colors: { headerFill: string; headerFont: string; border: string }): string {
    const argb = (hex: string) => `FF${hex.replace("#", "").toUpperCase()}`;
    const numFmts = [...this.formats].map(([code, id]) => `<numFmt numFmtId="${id}" formatCode="${xmlText(code)}"/>`).join("");
    const fonts = `<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><color rgb="${argb(colors.headerFont)}"/><name val="Calibri"/><family val="2"/></font></fonts>`;
    const fills = `<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="${argb(colors.headerFill)}"/><bgColor indexed="64"/></patternFill></fill></fills>`;
    const side = (name: string) => `<${name} style="thin"><color rgb="${argb(colors.border)}"/></${name}>`;
    const borders = `<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border>${side("left")}${side("right")}${side("top")}${side("bottom")}<diagonal/></border></borders>`;
    const xfs = this.styles
      .map((style) => {
        const format = style.numFmt ? (BUILT_IN_FORMATS[style.numFmt] ?? this.formats.get(style.numFmt) ?? 0) : 0;
        const font = style.header ? 1 : 0;
        const fill = style.header ? 2 : 0;
        const border = style.bordered || style.header ? 1 : 0;
        const alignment =
          style.wrap || style.vertical ? `<alignment${style.vertical ? ` vertical="${style.vertical}"` : ""}${style.wrap ? ' wrapText="1"' : ""}/>` : "";
        const applied = `${format ? ' applyNumberFormat="1"' : ""}${font ? ' applyFont="1"' : ""}${fill ? ' applyFill="1"' : ""}${border ? ' applyBorder="1"' : ""}${alignment ? ' applyAlignment="1"' : ""}`;
        return alignment
          ? `<xf numFmtId="${format}" fontId="${font}" fillId="${fill}" borderId="${border}" xfId="0"${applied}>${alignment}</xf>`
          : `<xf numFmtId="${format}" fontId="${font}" fillId="${fill}" borderId="${border}" xfId="0"${applied}/>`;
      })
      .join("");
    return `${XML_HEADER}<styleSheet xmlns="${MAIN}">${numFmts ? `<numFmts count="${this.formats.size}">${numFmts}</numFmts>` : ""}${fonts}${fills}${borders}<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="${this.styles.length}">${xfs}</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles><dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/></styleSheet>`;
  }
}
