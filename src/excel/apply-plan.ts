/**
 * Applies a workbook plan to the open workbook with Office.js, in a constant number of `context.sync()` calls:
 * one to see what exists, the writes in as few requests as the byte budget allows, and a last one.
 * Sheets the plan does not name are never touched.
 */
import type { CellStyle, CellValue, ChartPlan, SheetPlan, WorkbookPlan } from "../workbook/sheet-plan";
import { CHART_NAME_PREFIX, columnLetter, planWidth, rangeAddress } from "../workbook/sheet-plan";
import { POINTS_PER_CHARACTER, dataValidationRule, needsTextFormat } from "./office-rules";
import { RequestBudget, payloadBytes } from "./request-budget";

export interface ApplyReport {
  syncs: number;
  /** Estimated bytes of each request that carried writes. */
  requests: number[];
}

const VISIBILITY: Record<SheetPlan["visibility"], Excel.SheetVisibility> = {
  visible: "Visible" as Excel.SheetVisibility,
  hidden: "Hidden" as Excel.SheetVisibility,
  veryHidden: "VeryHidden" as Excel.SheetVisibility,
};

export async function applyWorkbookPlan(context: Excel.RequestContext, plan: WorkbookPlan, options: { maxRequestBytes?: number } = {}): Promise<ApplyReport> {
  const budget = new RequestBudget(context, options.maxRequestBytes);
  const worksheets = context.workbook.worksheets;
  const found = plan.sheets.map((sheet) => {
    const worksheet = worksheets.getItemOrNullObject(sheet.name);
    worksheet.load("name");
    worksheet.protection.load("protected");
    worksheet.tables.load("items/name");
    worksheet.charts.load("items/name");
    return worksheet;
  });
  await budget.flush();

  const targets: Excel.Worksheet[] = [];
  for (const [index, sheetPlan] of plan.sheets.entries()) {
    const existing = found[index];
    let worksheet: Excel.Worksheet;
    if (existing.isNullObject) {
      worksheet = worksheets.add(sheetPlan.name);
    } else {
      worksheet = existing;
      if (existing.protection.protected) worksheet.protection.unprotect();
      for (const table of existing.tables.items) table.delete();
      // The user's own charts stay; the ones this product drew are redrawn from the new data.
      for (const chart of existing.charts.items) if (chart.name.startsWith(CHART_NAME_PREFIX)) chart.delete();
      const everything = worksheet.getRange();
      everything.conditionalFormats.clearAll();
      everything.dataValidation.clear();
      everything.unmerge();
      everything.clear("All");
      // Clearing keeps hidden columns hidden; the plan says which ones it hides.
      everything.columnHidden = false;
      everything.format.protection.locked = true;
      worksheet.freezePanes.unfreeze();
    }
    targets.push(worksheet);
    await writeSheet(worksheet, sheetPlan, budget);
  }
  // Visibility and protection come last: a sheet can be hidden only once another is visible, and writes need it open.
  const active = plan.activeSheet ? plan.sheets.findIndex((sheet) => sheet.name === plan.activeSheet) : -1;
  if (active >= 0) targets[active].activate();
  plan.sheets.forEach((sheetPlan, index) => {
    if (plan.arrange !== false) targets[index].position = index;
    targets[index].visibility = VISIBILITY[sheetPlan.visibility];
    if (sheetPlan.protect) {
      targets[index].protection.protect({ allowAutoFilter: true, allowFormatColumns: true, allowFormatRows: true, allowSort: false, allowInsertRows: false, allowDeleteRows: false });
    }
  });
  await budget.reserve(plan.sheets.length * 200);
  await budget.flush();
  return { syncs: budget.syncs, requests: budget.batches };
}

async function writeSheet(worksheet: Excel.Worksheet, plan: SheetPlan, budget: RequestBudget): Promise<void> {
  if (plan.tabColor) worksheet.tabColor = plan.tabColor;
  const width = planWidth(plan);
  for (const [col, characters] of plan.columnWidths.entries()) {
    await budget.reserve(80);
    worksheet.getRange(`${columnLetter(col)}:${columnLetter(col)}`).format.columnWidth = Math.round(characters * POINTS_PER_CHARACTER);
  }
  for (const col of plan.hiddenColumns ?? []) {
    await budget.reserve(60);
    worksheet.getRange(`${columnLetter(col)}:${columnLetter(col)}`).columnHidden = true;
  }
  for (const [row, points] of Object.entries(plan.rowHeights ?? {})) {
    await budget.reserve(60);
    worksheet.getRange(`${Number(row) + 1}:${Number(row) + 1}`).format.rowHeight = points;
  }
  await writeCells(worksheet, plan, width, budget);
  for (const { range, style } of plan.styles) {
    await budget.reserve(styleBytes(style));
    applyStyle(worksheet.getRangeByIndexes(range.row, range.col, range.rows, range.cols), style);
  }
  for (const merge of plan.merges) {
    await budget.reserve(80);
    worksheet.getRangeByIndexes(merge.row, merge.col, merge.rows, merge.cols).merge(false);
  }
  for (const validation of plan.validations) {
    const rule = dataValidationRule(validation);
    await budget.reserve(payloadBytes(rule) + payloadBytes(validation.prompt) + payloadBytes(validation.error) + 150);
    const target = worksheet.getRangeByIndexes(validation.range.row, validation.range.col, validation.range.rows, validation.range.cols).dataValidation;
    target.rule = rule;
    target.prompt = { showPrompt: true, title: validation.prompt.title, message: validation.prompt.message };
    target.errorAlert = { showAlert: true, style: "Stop" as Excel.DataValidationAlertStyle, title: validation.error.title, message: validation.error.message };
  }
  for (const format of plan.conditionalFormats) {
    await budget.reserve(payloadBytes(format) + 150);
    const conditional = worksheet.getRange(rangeAddress(format.range)).conditionalFormats.add("Custom" as Excel.ConditionalFormatType);
    conditional.custom.rule.formula = `=${format.formula}`;
    if (format.style.fill) conditional.custom.format.fill.color = format.style.fill;
    if (format.style.fontColor) conditional.custom.format.font.color = format.style.fontColor;
    if (format.style.bold) conditional.custom.format.font.bold = true;
  }
  for (const table of plan.tables) {
    await budget.reserve(200);
    const created = worksheet.tables.add(rangeAddress(table.range), true);
    created.name = table.name;
    created.style = table.style;
  }
  if (plan.freeze && (plan.freeze.rows > 0 || plan.freeze.columns > 0)) {
    await budget.reserve(80);
    if (plan.freeze.columns === 0) worksheet.freezePanes.freezeRows(plan.freeze.rows);
    else if (plan.freeze.rows === 0) worksheet.freezePanes.freezeColumns(plan.freeze.columns);
    else worksheet.freezePanes.freezeAt(worksheet.getRangeByIndexes(0, 0, plan.freeze.rows, plan.freeze.columns));
  }
  if (plan.page) {
    await budget.reserve(200);
    worksheet.pageLayout.orientation = (plan.page.orientation === "landscape" ? "Landscape" : "Portrait") as Excel.PageOrientation;
    worksheet.pageLayout.paperSize = "A4" as Excel.PaperType;
    if (plan.page.fitToWidth) worksheet.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
    if (plan.page.printTitleRows) worksheet.pageLayout.setPrintTitleRows(`$${plan.page.printTitleRows.first + 1}:$${plan.page.printTitleRows.last + 1}`);
  }
  for (const chart of plan.charts ?? []) {
    await budget.reserve(400 + payloadBytes(chart.title) + (chart.colors?.length ?? 0) * 120);
    addChart(worksheet, chart);
  }
}

const CHART_TYPES: Record<ChartPlan["kind"], string> = {
  barStacked: "BarStacked",
  barClustered: "BarClustered",
  doughnut: "Doughnut",
  line: "Line",
};

function addChart(worksheet: Excel.Worksheet, plan: ChartPlan): void {
  const { data, anchor } = plan;
  const source = worksheet.getRangeByIndexes(data.row, data.col, data.rows, data.cols);
  const chart = worksheet.charts.add(CHART_TYPES[plan.kind] as Excel.ChartType, source, (plan.seriesBy === "columns" ? "Columns" : "Rows") as Excel.ChartSeriesBy);
  chart.name = plan.name;
  chart.title.text = plan.title;
  chart.legend.visible = plan.kind !== "barClustered" && plan.kind !== "line";
  chart.legend.position = "Bottom" as Excel.ChartLegendPosition;
  chart.setPosition(worksheet.getRangeByIndexes(anchor.row, anchor.col, 1, 1), worksheet.getRangeByIndexes(anchor.row + anchor.rows - 1, anchor.col + anchor.cols - 1, 1, 1));
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

/** Values and number formats, in row chunks that each fit the request budget. */
async function writeCells(worksheet: Excel.Worksheet, plan: SheetPlan, width: number, budget: RequestBudget): Promise<void> {
  if (width === 0 || plan.values.length === 0) return;
  let start = 0;
  let chunkBytes = 0;
  const rows: { values: (string | number | boolean)[]; formats: string[] }[] = [];
  const flushChunk = async () => {
    if (rows.length === 0) return;
    await budget.reserve(chunkBytes + 150);
    const range = worksheet.getRangeByIndexes(start, 0, rows.length, width);
    // The format goes first so that text that looks like a formula is stored as text.
    range.numberFormat = rows.map((row) => row.formats);
    range.values = rows.map((row) => row.values);
    start += rows.length;
    rows.length = 0;
    chunkBytes = 0;
  };
  for (let r = 0; r < plan.values.length; r++) {
    const values: (string | number | boolean)[] = [];
    const formats: string[] = [];
    for (let c = 0; c < width; c++) {
      const value: CellValue = plan.values[r][c] ?? null;
      values.push(value === null ? "" : value);
      formats.push(needsTextFormat(value) ? "@" : (plan.numberFormats?.[r]?.[c] ?? "General"));
    }
    const rowBytes = payloadBytes(values) + payloadBytes(formats);
    if (rows.length > 0 && chunkBytes + rowBytes > budget.maxBytes / 2) await flushChunk();
    rows.push({ values, formats });
    chunkBytes += rowBytes;
  }
  await flushChunk();
}

function applyStyle(range: Excel.Range, style: CellStyle): void {
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
    for (const edge of ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideHorizontal", "InsideVertical"] as const) {
      const border = format.borders.getItem(edge as Excel.BorderIndex);
      border.style = "Continuous" as Excel.BorderLineStyle;
      border.color = style.borderColor ?? "#A19F9D";
    }
  }
}

/** Each style property is one operation, and a border is twelve (six edges, style and colour). */
function styleBytes(style: CellStyle): number {
  const properties = Object.keys(style).filter((key) => key !== "border" && key !== "borderColor").length;
  return 150 + properties * 100 + (style.border ? 12 * 110 : 0);
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

