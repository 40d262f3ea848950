/**
 * Applies a workbook plan to an ExcelJS workbook. Planned sheets are rebuilt from scratch; sheets the plan does not
 * name (a user's own notes, say) are kept as they are, after the planned ones.
 */
import type ExcelJS from "exceljs";
import type { CellStyle, DataValidationPlan, SheetPlan, ValidationRule, WorkbookPlan } from "../workbook/sheet-plan";
import { cellAddress, decimalsFormula, planWidth, rangeAddress } from "../workbook/sheet-plan";
import { fileLabels } from "../labels/catalog";
import { argb } from "./colors";

/** Members ExcelJS 4.4 has at run time but leaves out of its type definitions. */
interface WorksheetInternals {
  orderNo: number;
  dataValidations: { add(address: string, validation: ExcelJS.DataValidation): void };
}

function internals(sheet: ExcelJS.Worksheet): WorksheetInternals {
  return sheet as unknown as WorksheetInternals;
}

export async function applyPlanToWorkbook(workbook: ExcelJS.Workbook, plan: WorkbookPlan): Promise<void> {
  const planned = new Set(plan.sheets.map((sheet) => sheet.name));
  const kept = workbook.worksheets.filter((sheet) => !planned.has(sheet.name));
  for (const sheet of workbook.worksheets) if (planned.has(sheet.name)) workbook.removeWorksheet(sheet.id);
  for (const sheetPlan of plan.sheets) await writeSheet(workbook.addWorksheet(sheetPlan.name), sheetPlan);
  const ordered = [...plan.sheets.map((sheet) => workbook.getWorksheet(sheet.name)!), ...kept];
  ordered.forEach((sheet, index) => {
    internals(sheet).orderNo = index;
  });
  const active = plan.activeSheet
    ? Math.max(
        0,
        ordered.findIndex((sheet) => sheet.name === plan.activeSheet),
      )
    : 0;
  workbook.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: active, visibility: "visible" }];
}

async function writeSheet(sheet: ExcelJS.Worksheet, plan: SheetPlan): Promise<void> {
  sheet.state = plan.visibility;
  if (plan.tabColor) sheet.properties.tabColor = { argb: argb(plan.tabColor) };
  plan.columnWidths.forEach((width, index) => {
    sheet.getColumn(index + 1).width = width;
  });
  for (const col of plan.hiddenColumns ?? []) sheet.getColumn(col + 1).hidden = true;
  for (const [row, height] of Object.entries(plan.rowHeights ?? {})) sheet.getRow(Number(row) + 1).height = height;
  const width = planWidth(plan);
  plan.values.forEach((row, r) => {
    for (let c = 0; c < width; c++) {
      const value = row[c] ?? null;
      const format = plan.numberFormats?.[r]?.[c];
      if (value === null && !format) continue;
      const cell = sheet.getCell(r + 1, c + 1);
      // A string is stored as a shared string by ExcelJS, never as a formula, whatever its first character.
      cell.value = value;
      if (format) cell.numFmt = format;
    }
  });
  for (const { range, style } of plan.styles) {
    for (let r = range.row; r < range.row + range.rows; r++) {
      for (let c = range.col; c < range.col + range.cols; c++) applyStyle(sheet.getCell(r + 1, c + 1), style);
    }
  }
  for (const merge of plan.merges) sheet.mergeCells(merge.row + 1, merge.col + 1, merge.row + merge.rows, merge.col + merge.cols);
  for (const validation of plan.validations) internals(sheet).dataValidations.add(rangeAddress(validation.range), toDataValidation(validation));
  for (const format of plan.conditionalFormats) {
    sheet.addConditionalFormatting({
      ref: rangeAddress(format.range),
      rules: [
        {
          type: "expression",
          priority: 1,
          formulae: [format.formula],
          style: {
            ...(format.style.fill ? { fill: { type: "pattern", pattern: "solid", bgColor: { argb: argb(format.style.fill) } } } : {}),
            ...(format.style.fontColor || format.style.bold
              ? { font: { ...(format.style.fontColor ? { color: { argb: argb(format.style.fontColor) } } : {}), ...(format.style.bold ? { bold: true } : {}) } }
              : {}),
          },
        },
      ],
    });
  }
  for (const table of plan.tables) {
    const headers = plan.values[table.range.row].slice(table.range.col, table.range.col + table.range.cols).map((value) => String(value ?? ""));
    const rows = plan.values
      .slice(table.range.row + 1, table.range.row + table.range.rows)
      .map((row) => headers.map((_, index) => row[table.range.col + index] ?? null));
    sheet.addTable({
      name: table.name,
      ref: rangeAddress({ ...table.range, rows: 1, cols: 1 }),
      headerRow: true,
      style: { theme: table.style as ExcelJS.TableStyleProperties["theme"], showRowStripes: true },
      columns: headers.map((name) => ({ name, filterButton: true })),
      rows,
    });
  }
  if (plan.freeze && (plan.freeze.rows > 0 || plan.freeze.columns > 0)) {
    sheet.views = [{ state: "frozen", xSplit: plan.freeze.columns, ySplit: plan.freeze.rows, activeCell: "A2" }];
  }
  if (plan.page) {
    sheet.pageSetup = {
      ...sheet.pageSetup,
      paperSize: 9,
      orientation: plan.page.orientation,
      ...(plan.page.fitToWidth ? { fitToPage: true, fitToWidth: 1, fitToHeight: 0 } : {}),
      ...(plan.page.printTitleRows ? { printTitlesRow: `${plan.page.printTitleRows.first + 1}:${plan.page.printTitleRows.last + 1}` } : {}),
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
    };
    sheet.headerFooter = { oddFooter: fileLabels.workbook.pageFooter };
  }
  if (plan.protect) {
    await sheet.protect("", {
      selectLockedCells: true,
      selectUnlockedCells: true,
      formatColumns: true,
      formatRows: true,
      autoFilter: true,
      sort: false,
    });
  }
}

function applyStyle(cell: ExcelJS.Cell, style: CellStyle): void {
  if (style.bold !== undefined || style.italic !== undefined || style.fontColor || style.fontSize) {
    cell.font = {
      // Without a name, LibreOffice falls back to a serif face; Calibri is the workbook's default.
      name: "Calibri",
      size: 11,
      ...cell.font,
      ...(style.bold !== undefined ? { bold: style.bold } : {}),
      ...(style.italic !== undefined ? { italic: style.italic } : {}),
      ...(style.fontSize ? { size: style.fontSize } : {}),
      ...(style.fontColor ? { color: { argb: argb(style.fontColor) } } : {}),
    };
  }
  if (style.fill) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(style.fill) } };
  if (style.wrap !== undefined || style.horizontalAlignment || style.verticalAlignment) {
    cell.alignment = {
      ...cell.alignment,
      ...(style.wrap !== undefined ? { wrapText: style.wrap } : {}),
      ...(style.horizontalAlignment ? { horizontal: style.horizontalAlignment } : {}),
      ...(style.verticalAlignment ? { vertical: style.verticalAlignment === "center" ? "middle" : style.verticalAlignment } : {}),
    };
  }
  if (style.border) {
    const edge = { style: "thin" as const, color: { argb: argb(style.borderColor ?? "#A19F9D") } };
    cell.border = { top: edge, left: edge, bottom: edge, right: edge };
  }
  if (style.locked !== undefined) cell.protection = { locked: style.locked };
}

function toDataValidation(validation: DataValidationPlan): ExcelJS.DataValidation {
  const messages = {
    allowBlank: true,
    showInputMessage: true,
    promptTitle: validation.prompt.title,
    prompt: validation.prompt.message,
    showErrorMessage: true,
    errorStyle: "stop" as const,
    errorTitle: validation.error.title,
    error: validation.error.message,
  };
  const rule: ValidationRule = validation.rule;
  switch (rule.kind) {
    case "list":
      return { ...messages, type: "list", formulae: [`"${rule.values.join(",")}"`] };
    case "decimal":
      if (rule.decimals !== undefined) {
        const formula = decimalsFormula({ ...rule, decimals: rule.decimals }, cellAddress(validation.range.row, validation.range.col));
        return { ...messages, type: "custom", formulae: [formula] };
      }
      return rule.max === undefined
        ? { ...messages, type: rule.kind, operator: "greaterThanOrEqual", formulae: [rule.min] }
        : { ...messages, type: rule.kind, operator: "between", formulae: [rule.min, rule.max] };
    case "whole":
    case "date":
      return rule.max === undefined
        ? { ...messages, type: rule.kind, operator: "greaterThanOrEqual", formulae: [rule.min] }
        : { ...messages, type: rule.kind, operator: "between", formulae: [rule.min, rule.max] };
    case "textLength":
      return { ...messages, type: "textLength", operator: "lessThanOrEqual", formulae: [rule.max] };
  }
}
