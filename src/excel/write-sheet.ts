/**
 * Writes one sheet plan into a worksheet, each operation first reserving an upper bound of its request bytes.
 * Values go in row chunks; number formats in runs down each column, only where they are not General; every
 * string is written into a text-formatted cell, since Excel reads a string written to `values` as if typed with
 * en-US conventions ("1.1", "01", "06/2027" would become numbers or dates).
 */
import type { CellStyle, CellValue, ChartPlan, SheetPlan } from "../workbook/sheet-plan";
import { columnLetter, planWidth, rangeAddress } from "../workbook/sheet-plan";
import { POINTS_PER_CHARACTER, dataValidationRule } from "./office-rules";
import type { RequestBudget } from "./request-budget";
import { cellArrayOperation, jsonBytes, objectOperation, rangeOperation } from "./request-cost";

export interface SheetWriteOptions {
  /** `worksheet.pageLayout` needs ExcelApi 1.9; without it the print settings are left as they are. */
  pageLayout: boolean;
  /**
   * Cells already in the sheet that must not be written (entries kept in place by an update). Their number
   * formats are still set; and since the sheet was not cleared, General formats are written too.
   */
  kept?: (row: number, col: number) => boolean;
}

export const TEXT_FORMAT = "@";

/**
 * A range written once and never used again. Inside Excel.run the runtime would keep a reference to each range
 * (an action per range, and one more at the end to release them all, a request that grows with the plan).
 */
export function untracked(range: Excel.Range): Excel.Range {
  return range.untrack();
}

export function cells(worksheet: Excel.Worksheet, row: number, col: number, rows: number, cols: number): Excel.Range {
  return worksheet.getRangeByIndexes(row, col, rows, cols).untrack();
}

/** The format a cell gets: text for any string, so that Excel stores it as typed. */
export function cellFormat(value: CellValue, planned: string | null | undefined): string {
  if (typeof value === "string" && value !== "") return TEXT_FORMAT;
  return planned ?? "General";
}

export async function writeSheet(worksheet: Excel.Worksheet, plan: SheetPlan, budget: RequestBudget, options: SheetWriteOptions): Promise<void> {
  if (plan.tabColor) {
    await budget.reserve(objectOperation(0, 1, 20));
    worksheet.tabColor = plan.tabColor;
  }
  for (const [col, characters] of plan.columnWidths.entries()) {
    await budget.reserve(rangeOperation(1, 1, 16));
    untracked(worksheet.getRange(`${columnLetter(col)}:${columnLetter(col)}`)).format.columnWidth = Math.round(characters * POINTS_PER_CHARACTER);
  }
  for (const col of plan.hiddenColumns ?? []) {
    await budget.reserve(rangeOperation(0, 1, 16));
    untracked(worksheet.getRange(`${columnLetter(col)}:${columnLetter(col)}`)).columnHidden = true;
  }
  const width = planWidth(plan);
  await writeNumberFormats(worksheet, plan, width, budget, options.kept !== undefined);
  await writeValues(worksheet, plan, width, budget, options.kept);
  for (const { range, style } of plan.styles) {
    await budget.reserve(styleBytes(style));
    applyStyle(cells(worksheet, range.row, range.col, range.rows, range.cols), style);
  }
  await autofitRows(worksheet, plan, width, budget);
  for (const merge of plan.merges) {
    await budget.reserve(rangeOperation(0, 1, 10));
    cells(worksheet, merge.row, merge.col, merge.rows, merge.cols).merge(false);
  }
  for (const validation of plan.validations) {
    const rule = dataValidationRule(validation);
    await budget.reserve(rangeOperation(1, 3, jsonBytes(rule) + jsonBytes(validation.prompt) + jsonBytes(validation.error) + 80));
    const target = cells(worksheet, validation.range.row, validation.range.col, validation.range.rows, validation.range.cols).dataValidation;
    target.rule = rule;
    target.prompt = { showPrompt: true, title: validation.prompt.title, message: validation.prompt.message };
    target.errorAlert = { showAlert: true, style: "Stop" as Excel.DataValidationAlertStyle, title: validation.error.title, message: validation.error.message };
  }
  for (const format of plan.conditionalFormats) {
    await budget.reserve(rangeOperation(7, 4, jsonBytes(format) + 40));
    const conditional = untracked(worksheet.getRange(rangeAddress(format.range))).conditionalFormats.add("Custom" as Excel.ConditionalFormatType);
    conditional.custom.rule.formula = `=${format.formula}`;
    if (format.style.fill) conditional.custom.format.fill.color = format.style.fill;
    if (format.style.fontColor) conditional.custom.format.font.color = format.style.fontColor;
    if (format.style.bold) conditional.custom.format.font.bold = true;
  }
  for (const table of plan.tables) {
    await budget.reserve(objectOperation(3, 2, 60 + table.name.length));
    const created = worksheet.tables.add(rangeAddress(table.range), true);
    created.name = table.name;
    created.style = table.style;
  }
  if (plan.freeze && (plan.freeze.rows > 0 || plan.freeze.columns > 0)) {
    await budget.reserve(rangeOperation(1, 1, 10));
    if (plan.freeze.columns === 0) worksheet.freezePanes.freezeRows(plan.freeze.rows);
    else if (plan.freeze.rows === 0) worksheet.freezePanes.freezeColumns(plan.freeze.columns);
    else worksheet.freezePanes.freezeAt(cells(worksheet, 0, 0, plan.freeze.rows, plan.freeze.columns));
  }
  if (plan.page && options.pageLayout) {
    await budget.reserve(objectOperation(2, 5, 160));
    worksheet.pageLayout.orientation = (plan.page.orientation === "landscape" ? "Landscape" : "Portrait") as Excel.PageOrientation;
    worksheet.pageLayout.paperSize = "A4" as Excel.PaperType;
    if (plan.page.fitToWidth) worksheet.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
    if (plan.page.printTitleRows) worksheet.pageLayout.setPrintTitleRows(`$${plan.page.printTitleRows.first + 1}:$${plan.page.printTitleRows.last + 1}`);
    if (plan.page.printArea) worksheet.pageLayout.setPrintArea(rangeAddress(plan.page.printArea));
  }
  for (const chart of plan.charts ?? []) {
    await budget.reserve(chartBytes(chart));
    addChart(worksheet, chart);
  }
}

/**
 * Values in row chunks, each filling what is left of the current request, or a whole new one. With `kept`, each
 * run of rows that keep the same cells is written as rectangles around them.
 */
async function writeValues(
  worksheet: Excel.Worksheet,
  plan: SheetPlan,
  width: number,
  budget: RequestBudget,
  kept?: (row: number, col: number) => boolean,
): Promise<void> {
  if (width === 0 || plan.values.length === 0) return;
  if (!kept) return writeBlock(worksheet, plan, { row: 0, rows: plan.values.length, col: 0, cols: width }, budget);
  let runStart = 0;
  let runColumns = columnRuns(width, (col) => !kept(0, col));
  const flush = async (end: number) => {
    for (const { start, count } of runColumns) await writeBlock(worksheet, plan, { row: runStart, rows: end - runStart, col: start, cols: count }, budget);
  };
  for (let row = 1; row <= plan.values.length; row++) {
    const columns = row < plan.values.length ? columnRuns(width, (col) => !kept(row, col)) : [];
    if (row < plan.values.length && sameRuns(columns, runColumns)) continue;
    await flush(row);
    runStart = row;
    runColumns = columns;
  }
}

function columnRuns(width: number, written: (col: number) => boolean): { start: number; count: number }[] {
  const runs: { start: number; count: number }[] = [];
  for (let col = 0; col < width; col++) {
    if (!written(col)) continue;
    const last = runs[runs.length - 1];
    if (last && last.start + last.count === col) last.count++;
    else runs.push({ start: col, count: 1 });
  }
  return runs;
}

function sameRuns(a: { start: number; count: number }[], b: { start: number; count: number }[]): boolean {
  return a.length === b.length && a.every((run, index) => run.start === b[index].start && run.count === b[index].count);
}

async function writeBlock(
  worksheet: Excel.Worksheet,
  plan: SheetPlan,
  block: { row: number; rows: number; col: number; cols: number },
  budget: RequestBudget,
): Promise<void> {
  if (block.rows <= 0 || block.cols <= 0) return;
  let start = block.row;
  let chunk: (string | number | boolean)[][] = [];
  let chunkBytes = 0;
  let limit = chunkLimit(budget);
  const flush = async () => {
    if (chunk.length === 0) return;
    await budget.reserve(cellArrayOperation(chunk.length * block.cols, chunkBytes));
    cells(worksheet, start, block.col, chunk.length, block.cols).values = chunk;
    start += chunk.length;
    chunk = [];
    chunkBytes = 0;
    limit = chunkLimit(budget);
  };
  for (let r = block.row; r < block.row + block.rows; r++) {
    const planned = plan.values[r];
    const row: (string | number | boolean)[] = [];
    for (let col = block.col; col < block.col + block.cols; col++) row.push(planned[col] ?? "");
    const rowBytes = jsonBytes(row) + 1;
    if (chunk.length > 0 && cellArrayOperation((chunk.length + 1) * block.cols, chunkBytes + rowBytes) > limit) await flush();
    chunk.push(row);
    chunkBytes += rowBytes;
  }
  await flush();
}

/** Bytes a block may take: the rest of the current request if it is worth filling, else a request of its own. */
function chunkLimit(budget: RequestBudget): number {
  return budget.room >= 64 * 1024 ? budget.room : budget.maxBytes;
}

/**
 * Number formats before values, so that a string lands in a text cell. After a clear every cell is General, so
 * only the other formats are written, as runs of equal formats down each column.
 */
async function writeNumberFormats(worksheet: Excel.Worksheet, plan: SheetPlan, width: number, budget: RequestBudget, generalToo: boolean): Promise<void> {
  for (let col = 0; col < width; col++) {
    let runStart = 0;
    let runFormat = "General";
    const flush = async (end: number) => {
      if ((runFormat === "General" && !generalToo) || end <= runStart) return;
      const perCell = jsonBytes(runFormat) + 3;
      for (let first = runStart; first < end;) {
        const fit = Math.floor((chunkLimit(budget) - cellArrayOperation(end - first, 0)) / perCell);
        const rows = Math.max(1, Math.min(fit, end - first));
        await budget.reserve(cellArrayOperation(rows, rows * perCell));
        cells(worksheet, first, col, rows, 1).numberFormat = Array.from({ length: rows }, () => [runFormat]);
        first += rows;
      }
    };
    for (let row = 0; row < plan.values.length; row++) {
      const format = cellFormat(plan.values[row][col] ?? null, plan.numberFormats?.[row]?.[col]);
      if (format === runFormat) continue;
      await flush(row);
      runStart = row;
      runFormat = format;
    }
    await flush(plan.values.length);
  }
}

/**
 * Excel sizes rows to their wrapped text itself, and keeps doing so as people type: one autofit over the rows the
 * plan gives a height (a height fixed here would stop Excel from growing the row for a longer text).
 */
async function autofitRows(worksheet: Excel.Worksheet, plan: SheetPlan, width: number, budget: RequestBudget): Promise<void> {
  const rows = Object.keys(plan.rowHeights ?? {}).map(Number);
  if (rows.length === 0 || width === 0) return;
  // A loop, not Math.min(...rows): a consolidation's 100 000 rows would pass the browser's limit on arguments.
  let first = rows[0];
  let last = rows[0];
  for (const row of rows) {
    if (row < first) first = row;
    if (row > last) last = row;
  }
  await budget.reserve(rangeOperation(1, 1, 10));
  cells(worksheet, first, 0, last - first + 1, width).format.autofitRows();
}

const CHART_TYPES: Record<ChartPlan["kind"], string> = {
  barStacked: "BarStacked",
  barClustered: "BarClustered",
  doughnut: "Doughnut",
  line: "Line",
};

function chartBytes(chart: ChartPlan): number {
  const colors = chart.colors?.length ?? 0;
  return objectOperation(12, 8, jsonBytes(chart.title) + jsonBytes(chart.name) + 60) + colors * objectOperation(5, 1, 20);
}

function addChart(worksheet: Excel.Worksheet, plan: ChartPlan): void {
  const { data, anchor } = plan;
  const source = cells(worksheet, data.row, data.col, data.rows, data.cols);
  const chart = worksheet.charts.add(
    CHART_TYPES[plan.kind] as Excel.ChartType,
    source,
    (plan.seriesBy === "columns" ? "Columns" : "Rows") as Excel.ChartSeriesBy,
  );
  chart.name = plan.name;
  chart.title.text = plan.title;
  chart.legend.visible = plan.kind !== "barClustered" && plan.kind !== "line";
  chart.legend.position = "Bottom" as Excel.ChartLegendPosition;
  chart.setPosition(cells(worksheet, anchor.row, anchor.col, 1, 1), cells(worksheet, anchor.row + anchor.rows - 1, anchor.col + anchor.cols - 1, 1, 1));
  const colors = plan.colors ?? [];
  if (plan.kind === "doughnut") {
    const points = chart.series.getItemAt(0).points;
    colors.forEach((color, index) => points.getItemAt(index).format.fill.setSolidColor(color));
  } else if (plan.kind === "line") {
    if (colors[0]) chart.series.getItemAt(0).format.line.color = colors[0];
  } else {
    colors.forEach((color, index) => chart.series.getItemAt(index).format.fill.setSolidColor(color));
  }
}

const EDGES = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideHorizontal", "InsideVertical"] as const;

export function applyStyle(range: Excel.Range, style: CellStyle): void {
  const format = range.format;
  if (style.bold !== undefined) format.font.bold = style.bold;
  if (style.italic !== undefined) format.font.italic = style.italic;
  if (style.fontSize) format.font.size = style.fontSize;
  if (style.fontColor) format.font.color = style.fontColor;
  if (style.fill) format.fill.color = style.fill;
  if (style.horizontalAlignment) format.horizontalAlignment = capitalise(style.horizontalAlignment) as Excel.HorizontalAlignment;
  if (style.verticalAlignment) format.verticalAlignment = capitalise(style.verticalAlignment) as Excel.VerticalAlignment;
  if (style.wrap !== undefined) format.wrapText = style.wrap;
  if (style.locked !== undefined) format.protection.locked = style.locked;
  if (style.border) {
    for (const edge of EDGES) {
      const border = format.borders.getItem(edge as Excel.BorderIndex);
      border.style = "Continuous" as Excel.BorderLineStyle;
      border.color = style.borderColor ?? "#A19F9D";
    }
  }
}

/** Font, fill and lock are one navigation each below `format`; a border is three paths and two writes per edge. */
export function styleBytes(style: CellStyle): number {
  const font = ["bold", "italic", "fontSize", "fontColor"].filter((key) => style[key as keyof CellStyle] !== undefined).length;
  const direct = ["horizontalAlignment", "verticalAlignment", "wrap"].filter((key) => style[key as keyof CellStyle] !== undefined).length;
  const navigations = 1 + (font > 0 ? 1 : 0) + (style.fill ? 1 : 0) + (style.locked !== undefined ? 1 : 0) + (style.border ? 1 + 2 * EDGES.length : 0);
  const actions = font + direct + (style.fill ? 1 : 0) + (style.locked !== undefined ? 1 : 0) + (style.border ? 2 * EDGES.length : 0);
  return rangeOperation(navigations, actions, jsonBytes(style) + (style.border ? EDGES.length * 60 : 0));
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
