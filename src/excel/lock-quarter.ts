/** Locking a quarter after its COPIL: its entry cells become read-only; unlocking gives them back. */
import { compareQuarters } from "../domain/quarters";
import { COLORS, SHEETS } from "../workbook/layout";
import { readEntrySheets, rowsWhere } from "./tableau-sheets";

const PROTECTION: Excel.WorksheetProtectionOptions = { allowAutoFilter: true, allowFormatColumns: true, allowFormatRows: true, allowSort: false, allowInsertRows: false, allowDeleteRows: false };

export async function setQuarterLocked(context: Excel.RequestContext, quarter: string, locked: boolean): Promise<{ lockedQuarters: string[]; syncs: number }> {
  const sheets = await readEntrySheets(context);
  const t = sheets.trackingColumns;
  const m = sheets.measurementColumns;
  const targets = [
    { name: SHEETS.tracking, rows: rowsWhere(sheets.tracking, (row) => row[t.quarter] === quarter), cols: [t.status, t.progress, t.achievements, t.difficulties, t.adjustments] },
    { name: SHEETS.measurements, rows: rowsWhere(sheets.measurements, (row) => row[m.quarter] === quarter), cols: [m.value, m.comment] },
  ];
  for (const target of targets) {
    const worksheet = context.workbook.worksheets.getItem(target.name);
    worksheet.protection.unprotect();
    for (const row of target.rows) {
      for (const col of target.cols) {
        const format = worksheet.getRangeByIndexes(row, col, 1, 1).format;
        format.protection.locked = locked;
        format.fill.color = locked ? COLORS.lockedFill : COLORS.entryFill;
      }
    }
    worksheet.protection.protect(PROTECTION);
  }
  const lockedQuarters = [...new Set(locked ? [...sheets.lockedQuarters, quarter] : sheets.lockedQuarters.filter((item) => item !== quarter))].sort(compareQuarters);
  if (sheets.lockedQuartersRow >= 0) {
    const meta = context.workbook.worksheets.getItem(SHEETS.meta);
    meta.protection.unprotect();
    meta.getRangeByIndexes(sheets.lockedQuartersRow, 1, 1, 1).values = [[lockedQuarters.join(",")]];
    meta.protection.protect(PROTECTION);
  }
  await context.sync();
  return { lockedQuarters, syncs: 2 };
}
