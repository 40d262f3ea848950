/**
 * A sheet's rows turned into SpreadsheetML as soon as they are known, before their row number is: the number is a
 * placeholder filled in when the row takes its place in the sheet. A consolidation encodes each territory's rows
 * once, parks them on disk and replays them, so the replay only copies text.
 */
import type { SheetRow } from "../workbook/build-consolidation";
import { COLORS } from "../workbook/formats";
import { type CellValue, columnLetter, wrappedRowHeights } from "../workbook/sheet-plan";
import { type ColumnSpec, HEADER_STYLE } from "../workbook/table-sheet";
import type { StyleSheet } from "./style-sheet";
import { type TextStore, cellXml } from "./worksheet-xml";

/** Stands for the row number in an encoded row; XML text never holds it (`xmlText` drops it). */
const ROW_NUMBER = "\u0001";

/** One row of SpreadsheetML whose number is still to be given; it holds no line break (they are escaped). */
export type EncodedRow = string & { readonly encodedRow: true };

export interface EncodedSheetSpec {
  name: string;
  columns: readonly ColumnSpec[];
  /** No header styling, filter or print set-up (metadata sheets). */
  plain?: boolean;
  /** Columns of the table (its filter) when the sheet has more to their right (a chart's data). */
  tableColumns?: number;
  /** Columns a printed page shows, from A: the summary a reader needs, with the charts under it. */
  printColumns?: number;
}

export class SheetEncoder {
  private readonly letters: string[];
  private readonly widths: number[];
  private readonly wrapped: Set<number>;
  private readonly columnStyles: number[];
  /** A row may carry its own number format for a cell (an indicator's type): one style per column and format. */
  private readonly formatStyles: Map<string, number>[];
  readonly headerRow: EncodedRow;

  constructor(
    readonly spec: EncodedSheetSpec,
    private readonly styles: StyleSheet,
    private readonly strings: TextStore,
  ) {
    this.letters = spec.columns.map((_, index) => columnLetter(index));
    this.widths = spec.columns.map((column) => column.width);
    this.wrapped = new Set(spec.columns.flatMap((column, index) => (column.wrap ? [index] : [])));
    this.columnStyles = spec.columns.map((column) => this.bodyStyle(column, column.format));
    this.formatStyles = spec.columns.map(() => new Map());
    const headers = spec.columns.map((column) => column.header);
    const headerStyle = spec.plain ? 0 : styles.cellFormat(HEADER_STYLE);
    // Bold header text is wider than the body text the estimate is made for.
    const height = spec.plain
      ? undefined
      : (wrappedRowHeights(
          [headers],
          this.widths.map((width) => width * 0.8),
          new Set(this.widths.keys()),
        )[0] ?? 15);
    this.headerRow = this.row(headers, () => headerStyle, height);
  }

  /** The style every body cell of a column gets, for the `<col>` element. */
  columnStyle(index: number): number {
    return this.columnStyles[index] ?? 0;
  }

  encode(row: SheetRow): EncodedRow {
    const height = this.wrapped.size > 0 ? wrappedRowHeights([row.values], this.widths, this.wrapped)[0] : undefined;
    return this.row(row.values, (index) => this.cellStyle(index, row.formats?.[index]), height);
  }

  private row(values: readonly CellValue[], style: (index: number) => number, height: number | undefined): EncodedRow {
    let xml = `<row r="${ROW_NUMBER}"${height ? ` ht="${height}" customHeight="1"` : ""}>`;
    for (let index = 0; index < this.letters.length; index++)
      xml += cellXml(`${this.letters[index]}${ROW_NUMBER}`, style(index), values[index] ?? null, this.strings);
    return `${xml}</row>` as EncodedRow;
  }

  private cellStyle(index: number, format: string | null | undefined): number {
    const column = this.spec.columns[index];
    if (!format || !column || format === column.format) return this.columnStyles[index] ?? 0;
    const styles = this.formatStyles[index] as Map<string, number>;
    let style = styles.get(format);
    if (style === undefined) {
      style = this.bodyStyle(column, format);
      styles.set(format, style);
    }
    return style;
  }

  private bodyStyle(column: ColumnSpec, numFmt: string | null | undefined): number {
    const format = numFmt ? { numFmt } : {};
    if (this.spec.plain) return numFmt ? this.styles.cellFormat(format) : 0;
    return this.styles.cellFormat({ ...format, border: true, borderColor: COLORS.border, verticalAlignment: "top", ...(column.wrap ? { wrap: true } : {}) });
  }
}

/** The row's SpreadsheetML at its place in the sheet. */
export function numberedRow(row: EncodedRow, rowNumber: number): string {
  return row.replaceAll(ROW_NUMBER, String(rowNumber));
}
