/**
 * A sheet plan as the parts of a file: its worksheet XML (values, formats, widths, heights, frozen panes,
 * protection, merges, conditional formats, data validation, page set-up), its tables, its charts and their drawing,
 * and the defined names it needs (print titles, print area). Styles of overlapping ranges combine as they do when
 * the add-in applies them one after the other: the later range wins for what it sets.
 */
import type { CellValue, SheetPlan, StyledRange, TablePlan } from "../workbook/sheet-plan";
import { cellAddress, columnLetter, planWidth, rangeAddress } from "../workbook/sheet-plan";
import { chartXml, drawingXml } from "./chart-xml";
import { DAYS_1904, isDateFormat } from "./date-system";
import { type DefinedName, sheetNames } from "./defined-names";
import type { SheetParts } from "./sheet-parts";
import type { CellFormat, StyleSheet } from "./style-sheet";
import { type CarriedElements, type FrameColumn, type SheetFrame, type TextStore, cellXml, worksheetHead, worksheetTail } from "./worksheet-xml";
import { NAMESPACES, XML_HEADER, attributes, xmlAttribute } from "./xml-text";

export interface PlanSheetContext {
  styles: StyleSheet;
  texts: TextStore;
  /** The workbook counts its dates from 1904: date-formatted numbers are written in that system. */
  date1904: boolean;
  /** The sheet shown when the workbook opens. */
  selected: boolean;
  /**
   * What an update carries from the sheet it replaces: cells the product does not own, as they were written (zero-
   * based row and column → `<c>` element, already at its new place), their columns, and elements kept whole.
   */
  carried?: {
    cells: Map<number, Map<number, string>>;
    columns: Map<number, FrameColumn>;
    elements: CarriedElements;
  };
}

/** The cell format of each column under a set of styled ranges, built once per distinct set. */
interface RowStyles {
  formats: (CellFormat | undefined)[];
  /** Cell format index by column and number format. */
  ids: Map<string, number>[];
}

export function planSheetParts(plan: SheetPlan, context: PlanSheetContext): SheetParts {
  const width = largestColumn(plan, context);
  const rows = Math.max(plan.values.length, ...plan.styles.map((styled) => styled.range.row + styled.range.rows));
  const charts = plan.charts ?? [];
  const cellAt = (row: number, col: number) => plan.values[row]?.[col];
  return {
    name: plan.name,
    state: plan.visibility,
    charts: charts.map((chart) => ({ name: chart.name, anchor: chart.anchor })),
    tableCount: plan.tables.length,
    worksheet: (ids) => worksheet(plan, context, width, rows, ids),
    tableXml: (index, tableId) => tableXml(plan.tables[index], tableId, plan.values),
    chartXml: (index) => chartXml(charts[index], plan.name, cellAt),
    drawingXml: (relationshipIds) =>
      drawingXml(charts.map((chart, index) => ({ name: chart.name, anchor: chart.anchor, relationshipId: relationshipIds[index] }))),
    definedNames: (sheetIndex) => definedNamesOf(plan, sheetIndex),
  };
}

function largestColumn(plan: SheetPlan, context: PlanSheetContext): number {
  let width = planWidth(plan);
  for (const styled of plan.styles) width = Math.max(width, styled.range.col + styled.range.cols);
  for (const columns of context.carried?.cells.values() ?? []) for (const col of columns.keys()) width = Math.max(width, col + 1);
  return width;
}

function definedNamesOf(plan: SheetPlan, sheetIndex: number): DefinedName[] {
  return sheetNames(plan.name, sheetIndex, {
    ...(plan.page?.printTitleRows ? { titleRows: plan.page.printTitleRows } : {}),
    ...(plan.page?.printArea ? { printArea: plan.page.printArea } : {}),
  });
}

function* worksheet(
  plan: SheetPlan,
  context: PlanSheetContext,
  width: number,
  rowCount: number,
  ids: { drawing?: string; tables: string[] },
): Generator<string> {
  const columns: FrameColumn[] = Array.from(
    { length: Math.max(plan.columnWidths.length, ...[...(context.carried?.columns.keys() ?? [])].map((col) => col + 1)) },
    (_, col) => {
      const carried = context.carried?.columns.get(col);
      if (carried && col >= plan.columnWidths.length) return carried;
      return { width: plan.columnWidths[col] ?? carried?.width ?? 9.140625, ...(plan.hiddenColumns?.includes(col) ? { hidden: true } : {}) };
    },
  );
  const frame: SheetFrame = {
    ...(plan.tabColor ? { tabColor: plan.tabColor } : {}),
    ...(plan.page ? { page: plan.page } : {}),
    ...(rowCount > 0 && width > 0 ? { dimension: rangeAddress({ row: 0, col: 0, rows: rowCount, cols: width }) } : {}),
    selected: context.selected,
    ...(plan.freeze ? { freeze: plan.freeze } : {}),
    columns,
    protect: plan.protect,
    merges: plan.merges,
    conditionalFormats: plan.conditionalFormats.map((format) => ({
      range: format.range,
      formula: format.formula,
      dxfId: context.styles.differential(format.style),
    })),
    validations: plan.validations,
    ...(ids.drawing ? { drawingId: ids.drawing } : {}),
    tableIds: ids.tables,
    ...(context.carried ? { carried: context.carried.elements } : {}),
    dateOffset: context.date1904 ? DAYS_1904 : 0,
  };
  yield worksheetHead(frame);
  const styles = new StyleCursor(plan.styles, width);
  const letters = Array.from({ length: width }, (_, col) => columnLetter(col));
  const isDate = new Map<string, boolean>();
  const dateFormat = (code: string) => {
    let known = isDate.get(code);
    if (known === undefined) isDate.set(code, (known = isDateFormat(code)));
    return known;
  };
  let chunk = "";
  for (let row = 0; row < rowCount; row++) {
    const rowStyles = styles.at(row);
    const values = plan.values[row];
    const formats = plan.numberFormats?.[row];
    const carried = context.carried?.cells.get(row);
    const height = plan.rowHeights?.[row];
    let cells = "";
    const number = row + 1;
    for (let col = 0; col < width; col++) {
      const raw = carried?.get(col);
      if (raw !== undefined) {
        cells += raw;
        continue;
      }
      let value: CellValue | undefined = values?.[col];
      const numFmt = formats?.[col] ?? null;
      const style = rowStyles.formats[col];
      const id = style === undefined && numFmt === null ? 0 : styleId(context.styles, rowStyles, col, numFmt);
      if (context.date1904 && typeof value === "number" && numFmt && dateFormat(numFmt)) value -= DAYS_1904;
      cells += cellXml(`${letters[col]}${number}`, id, value, context.texts);
    }
    if (cells === "" && height === undefined) continue;
    chunk += `<row r="${number}"${height ? ` ht="${height}" customHeight="1"` : ""}>${cells}</row>`;
    if (chunk.length > 1 << 16) {
      yield chunk;
      chunk = "";
    }
  }
  yield chunk;
  yield worksheetTail(frame);
}

function styleId(styles: StyleSheet, rowStyles: RowStyles, col: number, numFmt: string | null): number {
  const ids = rowStyles.ids[col];
  const key = numFmt ?? "";
  let id = ids.get(key);
  if (id === undefined) {
    id = styles.cellFormat({ ...(rowStyles.formats[col] ?? {}), numFmt });
    ids.set(key, id);
  }
  return id;
}

/**
 * Walks the rows in order, keeping the ranges that cover the current row; rows covered by the same ranges (most
 * of a table's rows) share one computation of their columns' formats.
 */
class StyleCursor {
  private readonly starts: Map<number, number[]> = new Map();
  private readonly active = new Set<number>();
  private readonly bySignature = new Map<string, RowStyles>();

  constructor(
    private readonly ranges: readonly StyledRange[],
    private readonly width: number,
  ) {
    ranges.forEach((styled, index) => {
      const list = this.starts.get(styled.range.row) ?? [];
      list.push(index);
      this.starts.set(styled.range.row, list);
    });
  }

  /** Called with rows in increasing order. */
  at(row: number): RowStyles {
    for (const index of this.starts.get(row) ?? []) this.active.add(index);
    for (const index of this.active) {
      const { range } = this.ranges[index];
      if (row >= range.row + range.rows) this.active.delete(index);
    }
    const indexes = [...this.active].sort((a, b) => a - b);
    const signature = indexes.join(",");
    let known = this.bySignature.get(signature);
    if (!known) {
      const formats: (CellFormat | undefined)[] = Array.from({ length: this.width }, () => undefined);
      for (const index of indexes) {
        const { range, style } = this.ranges[index];
        for (let col = range.col; col < Math.min(this.width, range.col + range.cols); col++) formats[col] = { ...(formats[col] ?? {}), ...style };
      }
      known = { formats, ids: formats.map(() => new Map()) };
      this.bySignature.set(signature, known);
    }
    return known;
  }
}

/** Table column names are their header cells' texts: unique, and with line breaks as Excel escapes them. */
function columnNames(headers: readonly CellValue[]): string[] {
  const used = new Set<string>();
  return headers.map((header, index) => {
    let name = String(header ?? "").replace(/[\u0000-\u001F]/g, (character) => `_x${character.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`);
    if (name === "") name = `Colonne${index + 1}`;
    for (let suffix = 2; used.has(name.toLowerCase()); suffix++) name = `${name}${suffix}`;
    used.add(name.toLowerCase());
    return name;
  });
}

function tableXml(table: TablePlan, tableId: number, values: readonly (readonly CellValue[])[]): string {
  const ref = rangeAddress(table.range);
  const headers = columnNames(Array.from({ length: table.range.cols }, (_, index) => values[table.range.row]?.[table.range.col + index] ?? null));
  const columns = headers.map((name, index) => `<tableColumn id="${index + 1}" name="${xmlAttribute(name)}"/>`).join("");
  return `${XML_HEADER}<table xmlns="${NAMESPACES.main}"${attributes({ id: tableId, name: table.name, displayName: table.name, ref, totalsRowShown: 0 })}><autoFilter ref="${ref}"/><tableColumns count="${headers.length}">${columns}</tableColumns><tableStyleInfo name="${xmlAttribute(table.style)}" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`;
}

export { cellAddress };
