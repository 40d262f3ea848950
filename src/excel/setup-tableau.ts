/** Set-up of the tableau in the open workbook: read what is there, keep every entry, apply the new structure. */
import type { IsoDate } from "../domain/dates";
import type { Plan } from "../domain/plan";
import { officeLabels } from "../labels/catalog";
import { SHEETS } from "../workbook/layout";
import { PLANNED_SHEETS, readTableau } from "../workbook/parse-tableau";
import { type SetupResult, planSetup } from "../workbook/setup";
import { type ApplyOptions, applyWorkbookPlan } from "./apply-plan";
import { readGrids } from "./read-sheets";

export interface OfficeSetupResult extends SetupResult {
  syncs: number;
  requests: number[];
  notes: string[];
}

export async function setUpTableau(
  context: Excel.RequestContext,
  plan: Plan,
  clock: { now: string; today: IsoDate },
  options: ApplyOptions = {},
): Promise<OfficeSetupResult> {
  const counter = { syncs: 0 };
  const grids = await readGrids(context, PLANNED_SHEETS, { counter });
  const reading = grids[SHEETS.meta] === undefined ? undefined : readTableau(grids, { today: clock.today });
  const setup = planSetup(plan, reading, clock, grids);
  const report = await applyWorkbookPlan(context, setup.workbookPlan, { ...options, existing: grids });
  const notes = setup.newIdentity ? [officeLabels.newIdentity(plan.convention.territory), ...report.notes] : report.notes;
  return { ...setup, syncs: report.syncs + counter.syncs, requests: report.requests, notes };
}
