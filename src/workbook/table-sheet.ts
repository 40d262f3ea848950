/** Shared shape of the tableau's data sheets: one styled header row over a filterable table of rows. */
import { COLORS } from "./formats";
import {
  type CellStyle,
  type CellValue,
  type ConditionalFormatPlan,
  type DataValidationPlan,
  type SheetPlan,
  type StyledRange,
  wrappedRowHeights,
} from "./sheet-plan";

export interface ColumnSpec {
  header: string;
  width: number;
  /** Number format of the column's data cells, unless `rowFormats` says otherwise for a cell. */
  format?: string | null;
  /** Entry cells are unlocked and tinted so that users see where to type. */
  entry?: boolean;
  wrap?: boolean;
  /** Technical columns (a key) that readers need and people do not. */
  hidden?: boolean;
  validation?: Omit<DataValidationPlan, "range">;
}

export interface TableSheetInput {
  name: string;
  tableName: string;
  tabColor?: string;
  columns: ColumnSpec[];
  rows: CellValue[][];
  /** Per-cell format overriding the column's (undefined keeps the column's). */
  cellFormat?: (row: number, col: number) => string | null | undefined;
  /** Data rows (0-based, without the header) whose entry cells stay locked, e.g. a quarter closed after its COPIL. */
  lockedRows?: ReadonlySet<number>;
  extraValidations?: DataValidationPlan[];
  /** Columns (by header) identifying a row: rows then move with their key, and their entry cells stay in place. */
  keyHeaders?: string[];
  /** Entry columns an update keeps in place; by default every entry column. */
  keptHeaders?: string[];
  conditionalFormats?: ConditionalFormatPlan[];
  frozenColumns?: number;
}

/** A table's header row: the same in the add-in's sheets and in every file written, printed without table styles. */
export const HEADER_STYLE: CellStyle = {
  bold: true,
  fill: COLORS.headerFill,
  fontColor: COLORS.headerFont,
  wrap: true,
  verticalAlignment: "center",
  border: true,
  borderColor: COLORS.border,
};

export function buildTableSheet(input: TableSheetInput): SheetPlan {
  const { columns, rows } = input;
  const rowCount = rows.length;
  const widths = columns.map((column) => column.width);
  const values: CellValue[][] = [columns.map((column) => column.header), ...rows];
  // A long table's rows share a handful of format patterns: one array per pattern, not one per row (a
  // consolidation of 100 territories has 300 000 rows, written from the task pane's memory).
  const patterns = new Map<string, (string | null)[]>();
  const numberFormats = values.map((row, r) => {
    const formats = columns.map((column, c) => {
      if (r === 0) return null;
      const override = input.cellFormat?.(r - 1, c);
      return override === undefined ? (column.format ?? null) : override;
    });
    const pattern = formats.map((format) => (format === null ? "\u0001" : format)).join("\u0000");
    const shared = patterns.get(pattern);
    if (shared) return shared;
    patterns.set(pattern, formats);
    return formats;
  });
  const styles: StyledRange[] = [
    {
      range: { row: 0, col: 0, rows: 1, cols: columns.length },
      style: HEADER_STYLE,
    },
  ];
  const validations: DataValidationPlan[] = [];
  if (rowCount > 0) {
    styles.push({
      range: { row: 1, col: 0, rows: rowCount, cols: columns.length },
      style: { border: true, borderColor: COLORS.border, verticalAlignment: "top" },
    });
    columns.forEach((column, col) => {
      const range = { row: 1, col, rows: rowCount, cols: 1 };
      if (column.wrap) styles.push({ range, style: { wrap: true } });
      if (column.entry) {
        styles.push({ range, style: { locked: false, fill: COLORS.entryFill } });
        if (column.validation) validations.push({ range, ...column.validation });
      }
    });
    for (const row of contiguousRuns(input.lockedRows)) {
      columns.forEach((column, col) => {
        if (column.entry) styles.push({ range: { row: row.start + 1, col, rows: row.length, cols: 1 }, style: { locked: true, fill: COLORS.lockedFill } });
      });
    }
  }
  validations.push(...(input.extraValidations ?? []));
  return {
    name: input.name,
    visibility: "visible",
    tabColor: input.tabColor,
    values,
    numberFormats,
    columnWidths: widths,
    hiddenColumns: columns.flatMap((column, index) => (column.hidden ? [index] : [])),
    rowHeights: {
      // Headers always wrap; data rows only in the columns that wrap.
      ...wrappedRowHeights([values[0]], widths, new Set(columns.keys())),
      ...wrappedRowHeights(values, widths, new Set(columns.flatMap((column, index) => (column.wrap ? [index] : []))), 1),
    },
    styles,
    validations,
    conditionalFormats: input.conditionalFormats ?? [],
    tables: rowCount > 0 ? [{ name: input.tableName, range: { row: 0, col: 0, rows: rowCount + 1, cols: columns.length }, style: "TableStyleLight1" }] : [],
    merges: [],
    freeze: { rows: 1, columns: input.frozenColumns ?? 0 },
    protect: true,
    page: { orientation: "landscape", fitToWidth: true, printTitleRows: { first: 0, last: 0 } },
    ...(input.keyHeaders
      ? {
          keyed: {
            keyColumns: input.keyHeaders.map((header) => columnIndexOf(columns, header)),
            entryColumns: input.keptHeaders
              ? input.keptHeaders.map((header) => columnIndexOf(columns, header))
              : columns.flatMap((column, index) => (column.entry ? [index] : [])),
          },
        }
      : {}),
  };
}

function* contiguousRuns(rows: ReadonlySet<number> | undefined): Generator<{ start: number; length: number }> {
  if (!rows || rows.size === 0) return;
  const sorted = [...rows].sort((a, b) => a - b);
  let start = sorted[0];
  let previous = start;
  for (const row of sorted.slice(1)) {
    if (row !== previous + 1) {
      yield { start, length: previous - start + 1 };
      start = row;
    }
    previous = row;
  }
  yield { start, length: previous - start + 1 };
}

export function columnIndexOf(columns: readonly ColumnSpec[], header: string): number {
  const index = columns.findIndex((column) => column.header === header);
  if (index < 0) throw new Error(`Unknown column ${header}`);
  return index;
}
