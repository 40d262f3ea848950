/** Reads sheets of an ExcelJS workbook as plain grids, the form the workbook contract parses. */
import type ExcelJS from "exceljs";
import { isoFromParts, isoToExcelSerial } from "../domain/dates";
import type { CellValue, Grid } from "../workbook/sheet-plan";

export function readGridsFromWorkbook(workbook: ExcelJS.Workbook, names: readonly string[]): Record<string, Grid | undefined> {
  const grids: Record<string, Grid | undefined> = {};
  for (const name of names) {
    const sheet = workbook.getWorksheet(name);
    grids[name] = sheet ? sheetGrid(sheet) : undefined;
  }
  return grids;
}

export function sheetGrid(sheet: ExcelJS.Worksheet): Grid {
  const grid: Grid = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values: CellValue[] = [];
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      values[colNumber - 1] = plainValue(cell.value);
    });
    for (let index = 0; index < values.length; index++) if (values[index] === undefined) values[index] = null;
    grid[rowNumber - 1] = values;
  });
  for (let index = 0; index < grid.length; index++) if (grid[index] === undefined) grid[index] = [];
  return grid;
}

/** Formulas give their cached result, rich text its plain text, dates their Excel serial number. */
export function plainValue(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (value instanceof Date) {
    // ExcelJS decodes date cells as UTC midnights; keep the calendar day.
    return isoToExcelSerial(isoFromParts(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate())) + fractionOfDay(value);
  }
  if (typeof value === "object") {
    if ("richText" in value && Array.isArray(value.richText)) return value.richText.map((part) => part.text).join("");
    if ("formula" in value || "sharedFormula" in value) {
      const result = (value as ExcelJS.CellFormulaValue).result;
      if (result === undefined || result === null) return null;
      if (typeof result === "object" && "error" in result) return String(result.error);
      return plainValue(result as ExcelJS.CellValue);
    }
    if ("hyperlink" in value && "text" in value) return plainValue(value.text as ExcelJS.CellValue);
    if ("error" in value) return String(value.error);
  }
  return String(value);
}

function fractionOfDay(date: Date): number {
  const ms = date.getUTCHours() * 3_600_000 + date.getUTCMinutes() * 60_000 + date.getUTCSeconds() * 1000;
  return ms / 86_400_000;
}
