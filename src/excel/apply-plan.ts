/**
 * Applies a workbook plan to the open workbook with Office.js, in a constant number of `context.sync()` calls:
 * one to see what exists, one to lift the protection of existing sheets (only if some are protected), the writes
 * in as few requests as the byte budget allows, and a last one. Sheets the plan does not name are never touched.
 */
import { officeLabels } from "../labels/catalog";
import type { Grid, SheetPlan, WorkbookPlan } from "../workbook/sheet-plan";
import { CHART_NAME_PREFIX } from "../workbook/sheet-plan";
import { RequestBudget } from "./request-budget";
import { FeatureUnavailable } from "./requirements";
import { objectOperation, rangeOperation } from "./request-cost";
import { PROTECTION, unprotectSheets } from "./sheet-protection";
import { inPlaceAlignment, keptEntries, prepareInPlace } from "./update-in-place";
import { untracked, writeSheet } from "./write-sheet";

export interface ApplyReport {
  syncs: number;
  /** Upper bound of the bytes of each request that carried writes. */
  requests: number[];
  /** What the host could not do, in French (page layout without ExcelApi 1.9). */
  notes: string[];
}

export interface ApplyOptions {
  maxRequestBytes?: number;
  /** False on hosts without ExcelApi 1.9: print settings are then skipped, with a note. */
  pageLayout?: boolean;
  /**
   * False on hosts without ExcelApi 1.8: a plan with data validation is then refused (the set-up is, before it
   * starts), and rewriting a sheet leaves its validation rules alone instead of clearing them.
   */
  dataValidation?: boolean;
  /**
   * The sheets as read just before (the set-up reads them to carry the entries over): a keyed sheet whose columns
   * are still the plan's is then updated in place, its entry cells never rewritten.
   */
  existing?: Record<string, Grid | undefined>;
}

const VISIBILITY: Record<SheetPlan["visibility"], Excel.SheetVisibility> = {
  visible: "Visible" as Excel.SheetVisibility,
  hidden: "Hidden" as Excel.SheetVisibility,
  veryHidden: "VeryHidden" as Excel.SheetVisibility,
};

export async function applyWorkbookPlan(context: Excel.RequestContext, plan: WorkbookPlan, options: ApplyOptions = {}): Promise<ApplyReport> {
  const budget = new RequestBudget(context, options.maxRequestBytes);
  const pageLayout = options.pageLayout ?? true;
  const dataValidation = options.dataValidation ?? true;
  if (!dataValidation && plan.sheets.some((sheet) => sheet.validations.length > 0)) throw new FeatureUnavailable("dataValidation");
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
  const protectedSheets = plan.sheets.flatMap((sheet, index) =>
    !found[index].isNullObject && found[index].protection.protected ? [{ name: sheet.name, worksheet: found[index] }] : [],
  );
  budget.syncs += await unprotectSheets(context, protectedSheets);

  const targets: Excel.Worksheet[] = [];
  for (const [index, sheetPlan] of plan.sheets.entries()) {
    const existing = found[index];
    let worksheet: Excel.Worksheet;
    const alignment = existing.isNullObject ? undefined : inPlaceAlignment(sheetPlan, options.existing?.[sheetPlan.name]);
    if (alignment) {
      worksheet = existing;
      await prepareInPlace(worksheet, sheetPlan, alignment, existing.tables.items, budget, { dataValidation });
      targets.push(worksheet);
      await writeSheet(worksheet, sheetPlan, budget, { pageLayout, kept: keptEntries(sheetPlan, alignment) });
      continue;
    }
    if (existing.isNullObject) {
      await budget.reserve(objectOperation(1, 0, sheetPlan.name.length * 3));
      worksheet = worksheets.add(sheetPlan.name);
    } else {
      worksheet = existing;
      await budget.reserve(objectOperation(2, existing.tables.items.length + existing.charts.items.length) + rangeOperation(4, 8));
      for (const table of existing.tables.items) table.delete();
      // The user's own charts stay; the ones this product drew are redrawn from the new data.
      for (const chart of existing.charts.items) if (chart.name.startsWith(CHART_NAME_PREFIX)) chart.delete();
      const everything = untracked(worksheet.getRange());
      everything.conditionalFormats.clearAll();
      if (dataValidation) everything.dataValidation.clear();
      everything.unmerge();
      everything.clear("All");
      // Clearing keeps hidden columns hidden; the plan says which ones it hides.
      everything.columnHidden = false;
      everything.format.protection.locked = true;
      worksheet.freezePanes.unfreeze();
    }
    targets.push(worksheet);
    await writeSheet(worksheet, sheetPlan, budget, { pageLayout });
  }
  // Visibility and protection come last: a sheet can be hidden only once another is visible, and writes need it open.
  await budget.reserve(plan.sheets.length * objectOperation(1, 4, 80));
  const active = plan.activeSheet ? plan.sheets.findIndex((sheet) => sheet.name === plan.activeSheet) : -1;
  if (active >= 0) targets[active].activate();
  plan.sheets.forEach((sheetPlan, index) => {
    if (plan.arrange !== false) targets[index].position = index;
    targets[index].visibility = VISIBILITY[sheetPlan.visibility];
    if (sheetPlan.protect) targets[index].protection.protect(PROTECTION);
  });
  await budget.flush();
  const notes = !pageLayout && plan.sheets.some((sheet) => sheet.page) ? [officeLabels.pageLayoutNote] : [];
  return { syncs: budget.syncs, requests: budget.batches, notes };
}
