/** A workbook plan written as a new .xlsx file in memory (a tableau, a bilan: a few hundred kilobytes). */
import type { WorkbookPlan } from "../workbook/sheet-plan";
import { planSheetParts } from "./plan-sheet";
import { SharedStrings } from "./shared-strings";
import { StyleSheet } from "./style-sheet";
import { writeNewWorkbook } from "./workbook-writer";
import { MemoryOutput, type SliceDeflater, ZipWriter } from "./zip-writer";

export interface PlanWriteOptions {
  deflater: SliceDeflater;
  /** When the workbook is written, for its document properties. */
  modified: Date;
}

/** The sheet shown when the workbook opens: the plan's choice, or the first visible one. */
export function activeIndex(plan: WorkbookPlan): number {
  const chosen = plan.activeSheet ? plan.sheets.findIndex((sheet) => sheet.name === plan.activeSheet && sheet.visibility === "visible") : -1;
  return chosen >= 0
    ? chosen
    : Math.max(
        0,
        plan.sheets.findIndex((sheet) => sheet.visibility === "visible"),
      );
}

export async function planWorkbookBytes(plan: WorkbookPlan, options: PlanWriteOptions): Promise<Uint8Array> {
  const styles = StyleSheet.fresh();
  // Every text shared, as Excel writes them: a tableau or a bilan holds a few thousand.
  const strings = new SharedStrings(Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY);
  const active = activeIndex(plan);
  const sheets = plan.sheets.map((sheet, index) => planSheetParts(sheet, { styles, texts: strings, date1904: false, selected: index === active }));
  const output = new MemoryOutput();
  const zip = new ZipWriter(output, options.deflater, options.modified);
  try {
    await writeNewWorkbook(zip, { sheets, styles, strings, activeTab: active, modified: options.modified });
  } catch (error) {
    zip.abandon();
    throw error;
  }
  return output.bytes();
}
