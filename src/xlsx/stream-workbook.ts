/**
 * Node only: a workbook written row by row as SpreadsheetML text into a zip streamed to disk (and read back by
 * `sheet-stream-reader`), so that a consolidation of many territories never holds all its rows in memory. The
 * sheets follow the same column specs as the add-in's plans, with explicit header fills and borders and a printable
 * page set-up. Written here rather than with ExcelJS's streaming writer, which spent more time styling cell by cell
 * than the reader took to parse every territory's file.
 */
import { rmSync, renameSync } from "node:fs";
import { EXIT_CODES, Refusal } from "../domain/refusal";
import { fileLabels } from "../labels/catalog";
import { COLORS } from "../workbook/layout";
import { columnLetter } from "../workbook/sheet-plan";
import type { SheetRow } from "../workbook/build-consolidation";
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
} from "./ooxml-parts";
import { type EncodedRow, type EncodedSheetSpec, SharedStrings, SheetEncoder, numberedRow } from "./sheet-encoder";
import { ZipFileWriter } from "./zip-file-writer";

type SheetState = "visible" | "hidden" | "veryHidden";

/** A sheet of a `StreamedWorkbook`: its rows come as values or already encoded by its encoder. */
export interface EncodedSheet {
  encoder: SheetEncoder;
  rows: AsyncIterable<SheetRow | EncodedRow> | Iterable<SheetRow | EncodedRow>;
  state?: SheetState;
}

export interface WriteOptions {
  creator?: string;
  modified?: Date;
  /** Rows a sheet may hold, header included (Excel's limit unless a test says otherwise). */
  maxRows?: number;
}

/** Rows an Excel sheet holds, header included. */
export const EXCEL_MAX_ROWS = 1_048_576;

/** A sheet past Excel's row limit: nothing is written; the command line counts it as a problem of the batch. */
export class SheetTooLong extends Refusal {
  constructor(sheet: string, maxRows: number) {
    super(fileLabels.writing.sheetTooLong(sheet, maxRows), EXIT_CODES.problems);
  }
}

/** The styles and shared texts of one workbook, which its sheets' rows are encoded with before it is written. */
export class StreamedWorkbook {
  private readonly styles = new CellStyles();
  private readonly strings: SharedStrings;

  constructor(sharedStrings: { maxCount?: number; maxLength?: number } = {}) {
    this.strings = new SharedStrings(sharedStrings.maxCount, sharedStrings.maxLength);
  }

  sheet(spec: EncodedSheetSpec): SheetEncoder {
    return new SheetEncoder(spec, this.styles, this.strings);
  }

  /** Writes to `path` through a temporary file renamed at the end: a failure leaves the previous file as it was. */
  async write(path: string, sheets: readonly EncodedSheet[], options: WriteOptions = {}): Promise<void> {
    const temporary = `${path}.${process.pid}.tmp`;
    const modified = options.modified ?? new Date();
    const zip = new ZipFileWriter(temporary, modified);
    try {
      const creator = options.creator ?? fileLabels.workbook.creator;
      // The content types first, as office suites write them: tools that guess a file's kind look at the first entry.
      await zip.addEntry("[Content_Types].xml", [contentTypesXml(sheets.length)]);
      await zip.addEntry("_rels/.rels", [packageRelationshipsXml()]);
      await zip.addEntry("docProps/core.xml", [corePropertiesXml(creator, modified)]);
      await zip.addEntry("docProps/app.xml", [appPropertiesXml(creator)]);
      await zip.addEntry("xl/_rels/workbook.xml.rels", [workbookRelationshipsXml(sheets.length)]);
      const packaged: PackageSheet[] = [];
      for (const [index, sheet] of sheets.entries()) {
        const written = { rows: 0 };
        await zip.addEntry(
          `xl/worksheets/sheet${index + 1}.xml`,
          worksheetXml(sheet.encoder, sheet.rows, index === 0, written, options.maxRows ?? EXCEL_MAX_ROWS),
        );
        const { spec } = sheet.encoder;
        packaged.push({
          name: spec.name,
          state: sheet.state ?? "visible",
          ...(spec.plain ? {} : { printTitles: true }),
          ...(!spec.plain && written.rows > 0 ? { filterRange: `$A$1:$${columnLetter(spec.columns.length - 1)}$${written.rows + 1}` } : {}),
        });
      }
      // Known once every sheet is written: the filters' extent, the styles and the texts the rows asked for.
      await zip.addEntry("xl/workbook.xml", [workbookXml(packaged)]);
      await zip.addEntry("xl/styles.xml", [this.styles.xml(COLORS)]);
      await zip.addEntry("xl/sharedStrings.xml", this.strings.xml());
      zip.close();
      renameSync(temporary, path);
    } catch (error) {
      zip.abandon();
      rmSync(temporary, { force: true });
      throw error;
    }
  }
}

/** One sheet's XML, produced row by row; `written.rows` counts the body rows once it is consumed. */
async function* worksheetXml(
  encoder: SheetEncoder,
  rows: EncodedSheet["rows"],
  selected: boolean,
  written: { rows: number },
  maxRows: number,
): AsyncGenerator<string> {
  const { spec } = encoder;
  const view = spec.plain
    ? `<sheetView workbookViewId="0"${selected ? ' tabSelected="1"' : ""}/>`
    : `<sheetView workbookViewId="0"${selected ? ' tabSelected="1"' : ""}><pane xSplit="1" ySplit="1" topLeftCell="B2" activePane="bottomRight" state="frozen"/><selection pane="topRight"/><selection pane="bottomLeft"/><selection pane="bottomRight" activeCell="B2" sqref="B2"/></sheetView>`;
  const cols = spec.columns
    .map(
      (column, index) =>
        `<col min="${index + 1}" max="${index + 1}" width="${column.width}" customWidth="1"${encoder.columnStyle(index) ? ` style="${encoder.columnStyle(index)}"` : ""}${column.hidden ? ' hidden="1"' : ""}/>`,
    )
    .join("");
  yield `${WORKSHEET_OPEN}<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr><sheetViews>${view}</sheetViews><sheetFormatPr defaultRowHeight="15"/><cols>${cols}</cols><sheetData>`;
  yield numberedRow(encoder.headerRow, 1);
  let rowNumber = 1;
  for await (const row of rows) {
    rowNumber++;
    if (rowNumber > maxRows) throw new SheetTooLong(spec.name, maxRows);
    yield numberedRow(typeof row === "string" ? row : encoder.encode(row), rowNumber);
  }
  written.rows = rowNumber - 1;
  const filter = !spec.plain && written.rows > 0 ? `<autoFilter ref="A1:${columnLetter(spec.columns.length - 1)}${rowNumber}"/>` : "";
  yield `</sheetData>${filter}<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/></worksheet>`;
}
