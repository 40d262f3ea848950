/**
 * A sheet's rows turned into SpreadsheetML as soon as they are known, before their row number is: the number is a
 * placeholder filled in when the row takes its place in the sheet. A consolidation encodes each territory's rows
 * once, parks them on disk and replays them, so the replay only copies text.
 */
import type { SheetRow } from "../workbook/build-consolidation";
import { type CellValue, columnLetter, wrappedRowHeights } from "../workbook/sheet-plan";
import type { ColumnSpec } from "../workbook/table-sheet";
import { type CellStyles, xmlText } from "./ooxml-parts";

/** Stands for the row number in an encoded row; XML text never holds it (`xmlText` drops it). */
const ROW_NUMBER = "\u0001";

/** One row of SpreadsheetML whose number is still to be given; it holds no line break (they are escaped). */
export type EncodedRow = string & { readonly encodedRow: true };

/** Characters an Excel cell holds. */
export const EXCEL_MAX_TEXT = 32_767;

/**
 * Texts repeated from row to row (a territory's name, a fiche's title, a quarter, a status) are stored once in the
 * workbook's shared string table and referred to by number. The table is bounded so that memory does not grow
 * with the number of territories: long texts (comments, mostly unique) and any text past the limit stay inline.
 */
export class SharedStrings {
  private readonly indexes = new Map<string, number>();
  private readonly texts: string[] = [];

  constructor(
    private readonly maxCount = 100_000,
    private readonly maxLength = 160,
  ) {}

  /** The text's number in the table, or undefined when it is to be written inline. */
  index(text: string): number | undefined {
    const known = this.indexes.get(text);
    if (known !== undefined || text.length > this.maxLength || this.texts.length >= this.maxCount) return known;
    const index = this.texts.length;
    this.texts.push(text);
    this.indexes.set(text, index);
    return index;
  }

  *xml(): Generator<string> {
    yield `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" uniqueCount="${this.texts.length}">`;
    for (const text of this.texts) yield `<si>${textElement(text)}</si>`;
    yield "</sst>";
  }
}

/** Leading or trailing blanks and line breaks are kept only when the text says so. */
const NEEDS_PRESERVE = /^\s|\s$|[\n\r\t]/;

function textElement(text: string): string {
  const escaped = xmlText(text).replace(/\n/g, "&#10;").replace(/\r/g, "&#13;");
  return NEEDS_PRESERVE.test(text) ? `<t xml:space="preserve">${escaped}</t>` : `<t>${escaped}</t>`;
}

export interface EncodedSheetSpec {
  name: string;
  columns: readonly ColumnSpec[];
  /** No header styling, filter or print set-up (metadata sheets). */
  plain?: boolean;
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
    private readonly styles: CellStyles,
    private readonly strings: SharedStrings,
  ) {
    this.letters = spec.columns.map((_, index) => columnLetter(index));
    this.widths = spec.columns.map((column) => column.width);
    this.wrapped = new Set(spec.columns.flatMap((column, index) => (column.wrap ? [index] : [])));
    this.columnStyles = spec.columns.map((column) => this.bodyStyle(column, column.format));
    this.formatStyles = spec.columns.map(() => new Map());
    const headers = spec.columns.map((column) => column.header);
    const headerStyle = spec.plain ? 0 : styles.id({ header: true, wrap: true, vertical: "center" });
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
    for (let index = 0; index < this.letters.length; index++) xml += this.cell(`${this.letters[index]}${ROW_NUMBER}`, style(index), values[index] ?? null);
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
    return this.styles.id(this.spec.plain ? format : { ...format, bordered: true, vertical: "top", ...(column.wrap ? { wrap: true } : {}) });
  }

  private cell(reference: string, style: number, value: CellValue): string {
    const styled = style > 0 ? ` s="${style}"` : "";
    if (value === null || value === "" || (typeof value === "number" && !Number.isFinite(value))) return style > 0 ? `<c r="${reference}"${styled}/>` : "";
    if (typeof value === "number") return `<c r="${reference}"${styled}><v>${value}</v></c>`;
    if (typeof value === "boolean") return `<c r="${reference}"${styled} t="b"><v>${value ? 1 : 0}</v></c>`;
    // A text is a string, never a formula, whatever it starts with (=, +, -, @). Excel refuses to open a cell of
    // more than 32 767 characters: a longer text (from a file not saved by Excel) is cut, marked with "…".
    const text = value.length > EXCEL_MAX_TEXT ? `${value.slice(0, EXCEL_MAX_TEXT - 1)}…` : value;
    const shared = this.strings.index(text);
    return shared === undefined
      ? `<c r="${reference}"${styled} t="inlineStr"><is>${textElement(text)}</is></c>`
      : `<c r="${reference}"${styled} t="s"><v>${shared}</v></c>`;
  }
}

/** The row's SpreadsheetML at its place in the sheet. */
export function numberedRow(row: EncodedRow, rowNumber: number): string {
  return row.replaceAll(ROW_NUMBER, String(rowNumber));
}
