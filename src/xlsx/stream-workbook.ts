/**
 * Node only: a workbook written row by row as SpreadsheetML text into a zip streamed to disk, and read back with
 * ExcelJS's streaming reader, so that a consolidation of many territories never holds all its rows in memory. The
 * sheets follow the same column specs as the add-in's plans, with explicit header fills and borders and a printable
 * page set-up. Written here rather than with ExcelJS's streaming writer, which spent more time styling cell by cell
 * than the reader took to parse every territory's file; texts are inline strings, so memory does not grow with
 * the number of distinct texts either.
 */
import { rmSync, renameSync } from "node:fs";
import ExcelJS from "exceljs";
import { COLORS } from "../workbook/layout";
import { type CellValue, columnLetter, wrappedRowHeights } from "../workbook/sheet-plan";
import type { SheetRow } from "../workbook/build-consolidation";
import type { ColumnSpec } from "../workbook/table-sheet";
import {
  CellStyles,
  type PackageSheet,
  WORKSHEET_OPEN,
  appPropertiesXml,
  contentTypesXml,
  corePropertiesXml,
  packageRelationshipsXml,
  workbookRelationshipsXml,
  workbookXml,
  xmlText,
} from "./ooxml-parts";
import { plainValue } from "./read-grids";
import { ZipFileWriter } from "./zip-file-writer";

export interface StreamedSheet {
  name: string;
  columns: readonly ColumnSpec[];
  rows: AsyncIterable<SheetRow> | Iterable<SheetRow>;
  state?: "visible" | "hidden" | "veryHidden";
  /** No header styling, filter or print set-up (metadata sheets). */
  plain?: boolean;
}

/** Rows an Excel sheet holds, header included. */
export const EXCEL_MAX_ROWS = 1_048_576;

/** Characters an Excel cell holds. */
export const EXCEL_MAX_TEXT = 32_767;

export class SheetTooLong extends Error {}

/** Writes to `path` through a temporary file renamed at the end: a failure leaves the previous file as it was. */
export async function writeStreamedWorkbook(path: string, sheets: readonly StreamedSheet[], options: { creator?: string; modified?: Date; maxRows?: number } = {}): Promise<void> {
  const temporary = `${path}.${process.pid}.tmp`;
  const modified = options.modified ?? new Date();
  const zip = new ZipFileWriter(temporary, modified);
  try {
    const creator = options.creator ?? "CTG Suivi";
    // The content types first, as office suites write them: tools that guess a file's kind look at the first entry.
    await zip.addEntry("[Content_Types].xml", [contentTypesXml(sheets.length)]);
    await zip.addEntry("_rels/.rels", [packageRelationshipsXml()]);
    await zip.addEntry("docProps/core.xml", [corePropertiesXml(creator, modified)]);
    await zip.addEntry("docProps/app.xml", [appPropertiesXml(creator)]);
    const styles = new CellStyles();
    const packaged: PackageSheet[] = [];
    for (const [index, spec] of sheets.entries()) {
      const written = { rows: 0 };
      await zip.addEntry(`xl/worksheets/sheet${index + 1}.xml`, worksheetXml(spec, styles, index === 0, written, options.maxRows ?? EXCEL_MAX_ROWS));
      packaged.push({
        name: spec.name,
        state: spec.state ?? "visible",
        ...(spec.plain ? {} : { printTitles: true }),
        ...(!spec.plain && written.rows > 0 ? { filterRange: `$A$1:$${columnLetter(spec.columns.length - 1)}$${written.rows + 1}` } : {}),
      });
    }
    // Known once every sheet is written: the filters' extent and the styles the rows asked for.
    await zip.addEntry("xl/workbook.xml", [workbookXml(packaged)]);
    await zip.addEntry("xl/_rels/workbook.xml.rels", [workbookRelationshipsXml(sheets.length)]);
    await zip.addEntry("xl/styles.xml", [styles.xml(COLORS)]);
    zip.close();
    renameSync(temporary, path);
  } catch (error) {
    zip.abandon();
    rmSync(temporary, { force: true });
    throw error;
  }
}

function cellXml(reference: string, style: number, value: CellValue): string {
  const styled = style > 0 ? ` s="${style}"` : "";
  if (value === null || value === "") return style > 0 ? `<c r="${reference}"${styled}/>` : "";
  if (typeof value === "number") return Number.isFinite(value) ? `<c r="${reference}"${styled}><v>${value}</v></c>` : `<c r="${reference}"${styled}/>`;
  if (typeof value === "boolean") return `<c r="${reference}"${styled} t="b"><v>${value ? 1 : 0}</v></c>`;
  // An inline string is never read as a formula, whatever it starts with (=, +, -, @). Excel refuses to open a
  // cell of more than 32 767 characters: a longer text (from a file not saved by Excel) is cut, marked with "…".
  const text = value.length > EXCEL_MAX_TEXT ? `${value.slice(0, EXCEL_MAX_TEXT - 1)}…` : value;
  return `<c r="${reference}"${styled} t="inlineStr"><is><t xml:space="preserve">${xmlText(text)}</t></is></c>`;
}

/** One sheet's XML, produced row by row; `written.rows` counts the body rows once it is consumed. */
async function* worksheetXml(spec: StreamedSheet, styles: CellStyles, selected: boolean, written: { rows: number }, maxRows: number): AsyncGenerator<string> {
  const letters = spec.columns.map((_, index) => columnLetter(index));
  const widths = spec.columns.map((column) => column.width);
  const wrapped = new Set(spec.columns.flatMap((column, index) => (column.wrap ? [index] : [])));
  const bodyStyle = (column: ColumnSpec, numFmt: string | null | undefined) =>
    styles.id(spec.plain ? { ...(numFmt ? { numFmt } : {}) } : { ...(numFmt ? { numFmt } : {}), bordered: true, vertical: "top", ...(column.wrap ? { wrap: true } : {}) });
  const columnStyles = spec.columns.map((column) => bodyStyle(column, column.format));
  // A row may carry its own number format for a cell (an indicator's type): one style per column and format.
  const formatStyles = spec.columns.map(() => new Map<string, number>());
  const headerStyle = styles.id({ header: true, wrap: true, vertical: "center" });

  const view = spec.plain
    ? `<sheetView workbookViewId="0"${selected ? ' tabSelected="1"' : ""}/>`
    : `<sheetView workbookViewId="0"${selected ? ' tabSelected="1"' : ""}><pane xSplit="1" ySplit="1" topLeftCell="B2" activePane="bottomRight" state="frozen"/><selection pane="topRight"/><selection pane="bottomLeft"/><selection pane="bottomRight" activeCell="B2" sqref="B2"/></sheetView>`;
  const cols = spec.columns
    .map((column, index) => `<col min="${index + 1}" max="${index + 1}" width="${column.width}" customWidth="1"${columnStyles[index] ? ` style="${columnStyles[index]}"` : ""}${column.hidden ? ' hidden="1"' : ""}/>`)
    .join("");
  yield `${WORKSHEET_OPEN}<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr><sheetViews>${view}</sheetViews><sheetFormatPr defaultRowHeight="15"/><cols>${cols}</cols><sheetData>`;

  const headers = spec.columns.map((column) => column.header);
  // Bold header text is wider than the body text the estimate is made for.
  const headerHeight = spec.plain ? undefined : (wrappedRowHeights([headers], widths.map((width) => width * 0.8), new Set(widths.keys()))[0] ?? 15);
  yield `<row r="1"${headerHeight ? ` ht="${headerHeight}" customHeight="1"` : ""}>${headers.map((header, index) => cellXml(`${letters[index]}1`, spec.plain ? 0 : headerStyle, header)).join("")}</row>`;

  let rowNumber = 1;
  for await (const row of spec.rows) {
    rowNumber++;
    if (rowNumber > maxRows) throw new SheetTooLong(`la feuille « ${spec.name} » dépasserait ${maxRows.toLocaleString("fr-FR")} lignes, le maximum d'Excel : consolidez moins de territoires à la fois`);
    const height = wrapped.size > 0 ? wrappedRowHeights([row.values], widths, wrapped)[0] : undefined;
    let xml = `<row r="${rowNumber}"${height ? ` ht="${height}" customHeight="1"` : ""}>`;
    for (let index = 0; index < spec.columns.length; index++) {
      const format = row.formats?.[index];
      let style = columnStyles[index] ?? 0;
      if (format && format !== spec.columns[index]?.format) {
        const known = formatStyles[index]?.get(format);
        style = known ?? bodyStyle(spec.columns[index] as ColumnSpec, format);
        if (known === undefined) formatStyles[index]?.set(format, style);
      }
      xml += cellXml(`${letters[index]}${rowNumber}`, style, row.values[index] ?? null);
    }
    yield `${xml}</row>`;
  }
  written.rows = rowNumber - 1;
  const filter = !spec.plain && written.rows > 0 ? `<autoFilter ref="A1:${letters[letters.length - 1]}${rowNumber}"/>` : "";
  yield `</sheetData>${filter}<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/></worksheet>`;
}

/**
 * Every row (header included) of every sheet of a workbook file, read as a stream, with the sheet's position.
 * The streaming reader may meet a sheet before the workbook part that names it, so callers recognise a sheet by
 * its header row rather than by its name.
 */
export async function* streamSheetRows(path: string): AsyncGenerator<{ sheet: number; values: CellValue[] }> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, { sharedStrings: "cache", worksheets: "emit", hyperlinks: "ignore", styles: "ignore", entries: "ignore" });
  let sheet = 0;
  for await (const worksheet of reader) {
    sheet++;
    for await (const row of worksheet) {
      const cells = Array.isArray(row.values) ? row.values.slice(1) : [];
      // Array.from visits the holes ExcelJS leaves for cells absent from the file: they come out as null.
      yield { sheet, values: Array.from(cells, (value) => plainValue(value as ExcelJS.CellValue)) };
    }
  }
}
