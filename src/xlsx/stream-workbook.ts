/**
 * Node only: a workbook whose long sheets are written row by row into an archive streamed to disk (and read back
 * by `sheet-stream-reader`), so that a consolidation of many territories never holds all its rows in memory. The
 * sheets follow the same column specs as the add-in's plans and go through the same writer as every other file
 * (workbook-writer.ts): explicit header fills and borders, a printable page set-up, native charts.
 */
import { rmSync, renameSync } from "node:fs";
import { EXIT_CODES, Refusal } from "../domain/refusal";
import { fileLabels } from "../labels/catalog";
import type { SheetRow } from "../workbook/build-consolidation";
import type { ChartPlan, RangeRef } from "../workbook/sheet-plan";
import { chartXml, drawingXml } from "./chart-xml";
import { sheetNames } from "./defined-names";
import { FileOutput, nodeDeflater } from "./node-zip";
import { SharedStrings } from "./shared-strings";
import { type EncodedRow, type EncodedSheetSpec, SheetEncoder, numberedRow } from "./sheet-encoder";
import type { SheetParts } from "./sheet-parts";
import { StyleSheet } from "./style-sheet";
import { writeNewWorkbook } from "./workbook-writer";
import { type SheetFrame, worksheetHead, worksheetTail } from "./worksheet-xml";
import { ZipWriter } from "./zip-writer";

type SheetState = "visible" | "hidden" | "veryHidden";

/** A sheet of a `StreamedWorkbook`: its rows come as values or already encoded by its encoder. */
export interface EncodedSheet {
  encoder: SheetEncoder;
  rows: AsyncIterable<SheetRow | EncodedRow> | Iterable<SheetRow | EncodedRow>;
  state?: SheetState;
  /** Charts of a short sheet whose rows are in memory (`rows` is then that array): their caches read it. */
  charts?: ChartPlan[];
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
  private readonly styles = StyleSheet.fresh();
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
    const zip = new ZipWriter(new FileOutput(temporary), nodeDeflater, modified);
    try {
      const parts = sheets.map((sheet, index) => streamedSheetParts(sheet, index === 0, options.maxRows ?? EXCEL_MAX_ROWS));
      await writeNewWorkbook(zip, {
        sheets: parts,
        styles: this.styles,
        strings: this.strings,
        activeTab: 0,
        modified,
        ...(options.creator ? { creator: options.creator } : {}),
      });
      renameSync(temporary, path);
    } catch (error) {
      zip.abandon();
      rmSync(temporary, { force: true });
      throw error;
    }
  }
}

function streamedSheetParts(sheet: EncodedSheet, selected: boolean, maxRows: number): SheetParts {
  const { spec } = sheet.encoder;
  const charts = sheet.charts ?? [];
  const tableColumns = spec.tableColumns ?? spec.columns.length;
  const written = { rows: 0 };
  const inMemory = Array.isArray(sheet.rows) ? (sheet.rows as (SheetRow | EncodedRow)[]) : [];
  // Row 0 is the header; a chart's data lives in the rows held in memory.
  const cellAt = (row: number, col: number) => {
    if (row === 0) return spec.columns[col]?.header;
    const item = inMemory[row - 1];
    return item === undefined || typeof item === "string" ? undefined : item.values[col];
  };
  const filter = (): RangeRef | undefined => (!spec.plain && written.rows > 0 ? { row: 0, col: 0, rows: written.rows + 1, cols: tableColumns } : undefined);
  const frame = (ids: { drawing?: string }): SheetFrame => ({
    ...(spec.plain ? {} : { page: { orientation: "landscape", fitToWidth: true, printTitleRows: { first: 0, last: 0 } } }),
    selected,
    ...(spec.plain ? {} : { freeze: { rows: 1, columns: 1 } }),
    // No column style: the cells carry theirs, and the empty cells under a summary print blank around its chart.
    columns: spec.columns.map((column) => ({ width: column.width, ...(column.hidden ? { hidden: true } : {}) })),
    protect: false,
    merges: [],
    conditionalFormats: [],
    validations: [],
    ...(ids.drawing ? { drawingId: ids.drawing } : {}),
    tableIds: [],
    dateOffset: 0,
  });
  async function* worksheet(ids: { drawing?: string }): AsyncGenerator<string> {
    yield worksheetHead(frame(ids));
    yield numberedRow(sheet.encoder.headerRow, 1);
    let rowNumber = 1;
    let chunk = "";
    for await (const row of sheet.rows) {
      rowNumber++;
      if (rowNumber > maxRows) throw new SheetTooLong(spec.name, maxRows);
      chunk += numberedRow(typeof row === "string" ? row : sheet.encoder.encode(row), rowNumber);
      if (chunk.length > 1 << 16) {
        yield chunk;
        chunk = "";
      }
    }
    yield chunk;
    written.rows = rowNumber - 1;
    const autoFilter = filter();
    yield worksheetTail({ ...frame(ids), ...(autoFilter ? { autoFilter } : {}) });
  }
  return {
    name: spec.name,
    state: sheet.state ?? "visible",
    charts: charts.map((chart) => ({ name: chart.name, anchor: chart.anchor })),
    tableCount: 0,
    worksheet,
    tableXml: () => "",
    chartXml: (index) => chartXml(charts[index], spec.name, cellAt),
    drawingXml: (relationshipIds) =>
      drawingXml(charts.map((chart, index) => ({ name: chart.name, anchor: chart.anchor, relationshipId: relationshipIds[index] }))),
    definedNames: (sheetIndex) => {
      if (spec.plain) return [];
      const autoFilter = filter();
      // A summary prints its table and its charts below, not the charts' data on the right.
      const chartEnd = charts.reduce((end, chart) => Math.max(end, chart.anchor.row + chart.anchor.rows + 1), 0);
      const printArea = spec.printColumns !== undefined ? { row: 0, col: 0, rows: Math.max(written.rows + 1, chartEnd), cols: spec.printColumns } : undefined;
      return sheetNames(spec.name, sheetIndex, {
        titleRows: { first: 0, last: 0 },
        ...(autoFilter ? { filter: autoFilter } : {}),
        ...(printArea ? { printArea } : {}),
      });
    },
  };
}
