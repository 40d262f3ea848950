/**
 * Node only: a workbook written row by row with ExcelJS's streaming writer, and read back the same way, so that a
 * consolidation of many territories never holds all its rows in memory. The sheets follow the same column specs as
 * the add-in's plans, with explicit header fills and borders and a printable page set-up.
 */
import { renameSync, rmSync } from "node:fs";
import ExcelJS from "exceljs";
import { COLORS } from "../workbook/layout";
import { type CellValue, columnLetter, wrappedRowHeights } from "../workbook/sheet-plan";
import type { SheetRow } from "../workbook/build-consolidation";
import type { ColumnSpec } from "../workbook/table-sheet";
import { plainValue } from "./read-grids";

export interface StreamedSheet {
  name: string;
  columns: readonly ColumnSpec[];
  rows: AsyncIterable<SheetRow> | Iterable<SheetRow>;
  state?: "visible" | "hidden" | "veryHidden";
  /** No header styling, filter or print set-up (metadata sheets). */
  plain?: boolean;
}

const argb = (hex: string) => `FF${hex.replace("#", "").toUpperCase()}`;
const BORDER = { style: "thin" as const, color: { argb: argb(COLORS.border) } };
const BORDERS = { top: BORDER, left: BORDER, bottom: BORDER, right: BORDER };

/** Writes to `path` through a temporary file renamed at the end: a failure leaves the previous file as it was. */
export async function writeStreamedWorkbook(path: string, sheets: readonly StreamedSheet[]): Promise<void> {
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: temporary, useStyles: true, useSharedStrings: false });
    workbook.creator = "CTG Suivi";
    for (const spec of sheets) {
      const sheet = workbook.addWorksheet(spec.name, {
        state: spec.state ?? "visible",
        ...(spec.plain ? {} : { views: [{ state: "frozen" as const, xSplit: 1, ySplit: 1 }] }),
        pageSetup: { orientation: "landscape", paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
      });
      const widths = spec.columns.map((column) => column.width);
      const wrapped = new Set(spec.columns.flatMap((column, index) => (column.wrap ? [index] : [])));
      // Column styles reach every new cell of the column: far cheaper than styling cell by cell in a long table.
      sheet.columns = spec.columns.map((column) => ({
        width: column.width,
        ...(column.hidden ? { hidden: true } : {}),
        style: {
          ...(column.format ? { numFmt: column.format } : {}),
          ...(spec.plain ? {} : { border: BORDERS, alignment: { vertical: "top" as const, ...(column.wrap ? { wrapText: true } : {}) } }),
        },
      }));
      if (!spec.plain) sheet.pageSetup.printTitlesRow = "1:1";
      const header = sheet.addRow(spec.columns.map((column) => column.header));
      if (!spec.plain) {
        // Bold header text is wider than the body text the estimate is made for.
        header.height = wrappedRowHeights([spec.columns.map((column) => column.header)], widths.map((width) => width * 0.8), new Set(widths.keys()))[0] ?? 15;
        header.eachCell((cell) => {
          // Named like the body text: a font without a name falls back to a wider serif in LibreOffice, breaking words.
          cell.font = { name: "Calibri", family: 2, size: 11, bold: true, color: { argb: argb(COLORS.headerFont) } };
          cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(COLORS.headerFill) } };
          cell.border = BORDERS;
          cell.alignment = { wrapText: true, vertical: "middle" };
        });
      }
      header.commit();
      let count = 0;
      for await (const row of spec.rows) {
        const written = sheet.addRow(row.values.map(streamedValue));
        const height = wrapped.size > 0 ? wrappedRowHeights([row.values], widths, wrapped)[0] : undefined;
        if (height !== undefined) written.height = height;
        row.formats?.forEach((format, index) => {
          if (format && format !== spec.columns[index]?.format) written.getCell(index + 1).numFmt = format;
        });
        written.commit();
        count++;
      }
      if (!spec.plain && count > 0) sheet.autoFilter = `A1:${columnLetter(spec.columns.length - 1)}${count + 1}`;
      sheet.commit();
    }
    await workbook.commit();
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
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
      yield { sheet, values: cells.map((value) => plainValue(value as ExcelJS.CellValue)) };
    }
  }
}

/**
 * Without shared strings a text is written as a formula's cached result, whose line breaks LibreOffice drops (a
 * fiche's champs, a difficulty on several lines): such a text goes as an inline rich text, which keeps them.
 */
function streamedValue(value: CellValue): ExcelJS.CellValue {
  if (value === null) return undefined;
  if (typeof value === "string" && value.includes("\n")) return { richText: [{ text: value }] };
  return value;
}
