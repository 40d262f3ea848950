/** The tableau de suivi as an `.xlsx` file: create, update keeping entries, read and check. */
import type { IsoDate } from "../domain/dates";
import type { Plan } from "../domain/plan";
import type { Tracking } from "../domain/tracking";
import { buildTableauPlan } from "../workbook/build-tableau";
import type { SheetPlan } from "../workbook/sheet-plan";
import { PLANNED_SHEETS, type TableauReading } from "../workbook/parse-tableau";
import { type SetupResult, planSetup } from "../workbook/setup";
import { loadWorkbookForUpdate, newWorkbook, workbookBytes } from "./file";
import { readTableauBytes } from "./tableau-reader";
import { applyPlanToWorkbook } from "./write-plan";

export async function readTableauFile(bytes: Uint8Array, fileName: string, today: IsoDate): Promise<TableauReading> {
  return (await readTableauBytes(bytes, fileName, today)).reading;
}

export interface WrittenTableau extends SetupResult {
  bytes: Uint8Array;
}

/** A new tableau for a plan, or, given the bytes of an existing one, the same workbook with its structure updated. */
export async function writeTableauFile(
  plan: Plan,
  options: { now: string; today: IsoDate; existing?: { bytes: Uint8Array; fileName: string } },
): Promise<WrittenTableau> {
  // Read by the project's reader (whatever tool saved the file); ExcelJS only rewrites it, keeping the user's sheets.
  const read = options.existing
    ? await readTableauBytes(options.existing.bytes, options.existing.fileName, options.today, { sheets: PLANNED_SHEETS })
    : undefined;
  const workbook = options.existing ? await loadWorkbookForUpdate(options.existing.bytes, options.existing.fileName) : newWorkbook();
  const setup = planSetup(plan, read?.reading, options.now, read?.grids);
  await applyPlanToWorkbook(workbook, setup.workbookPlan);
  return { ...setup, bytes: await workbookBytes(workbook) };
}

/** Writes a tableau holding the given entries (the demo, tests, a tableau rebuilt from another source). */
export async function writeTrackingFile(tracking: Tracking, now: string): Promise<Uint8Array> {
  const workbook = newWorkbook();
  await applyPlanToWorkbook(workbook, buildTableauPlan(tracking, { now }));
  return workbookBytes(workbook);
}

/** A workbook holding one planned sheet (a bilan, say). */
export async function writeSheetFile(sheet: SheetPlan): Promise<Uint8Array> {
  const workbook = newWorkbook();
  await applyPlanToWorkbook(workbook, { sheets: [sheet], activeSheet: sheet.name });
  return workbookBytes(workbook);
}
