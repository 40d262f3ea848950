/** The tableau de suivi as an `.xlsx` file: create, update keeping entries, read and check. */
import type { IsoDate } from "../domain/dates";
import type { Plan } from "../domain/plan";
import type { Tracking } from "../domain/tracking";
import { buildTableauPlan } from "../workbook/build-tableau";
import type { SheetPlan } from "../workbook/sheet-plan";
import { type TableauReading, TABLEAU_SHEETS, readTableau } from "../workbook/parse-tableau";
import { type SetupResult, planSetup } from "../workbook/setup";
import { loadWorkbook, newWorkbook, workbookBytes } from "./file";
import { readGridsFromWorkbook } from "./read-grids";
import { applyPlanToWorkbook } from "./write-plan";

export async function readTableauFile(bytes: Uint8Array, fileName: string, today: IsoDate): Promise<TableauReading> {
  const workbook = await loadWorkbook(bytes, fileName);
  return readTableau(readGridsFromWorkbook(workbook, TABLEAU_SHEETS), { today });
}

export interface WrittenTableau extends SetupResult {
  bytes: Uint8Array;
}

/** A new tableau for a plan, or, given the bytes of an existing one, the same workbook with its structure updated. */
export async function writeTableauFile(
  plan: Plan,
  options: { now: string; today: IsoDate; existing?: { bytes: Uint8Array; fileName: string } },
): Promise<WrittenTableau> {
  const workbook = options.existing ? await loadWorkbook(options.existing.bytes, options.existing.fileName) : newWorkbook();
  const reading = options.existing ? readTableau(readGridsFromWorkbook(workbook, TABLEAU_SHEETS), { today: options.today }) : undefined;
  const setup = planSetup(plan, reading, options.now);
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
