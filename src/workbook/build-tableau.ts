/** The tableau de suivi as a workbook plan: every sheet of the contract (one module each in sheets/), in order. */
import type { IsoDate } from "../domain/dates";
import type { Tracking } from "../domain/tracking";
import { SHEETS } from "./layout";
import type { SheetPlan, WorkbookPlan } from "./sheet-plan";
import { archiveSheet } from "./sheets/archive-sheet";
import { conventionSheet } from "./sheets/convention-sheet";
import { axisEvaluationSheet, ficheEvaluationSheet } from "./sheets/evaluation-sheets";
import { guideSheet } from "./sheets/guide-sheet";
import { journalSheet } from "./sheets/journal-sheet";
import { indicatorsSheet } from "./sheets/indicators-sheet";
import { measurementsSheet } from "./sheets/measurements-sheet";
import { type MetaOptions, metaSheet } from "./sheets/meta-sheet";
import { planSheet } from "./sheets/plan-sheet";
import { trackingSheet } from "./sheets/tracking-sheet";

export { confirmationCell, toCellValue, valueFormat } from "./sheets/value-cells";
export { conventionIdentifier } from "./sheets/meta-sheet";

export interface BuildOptions extends MetaOptions {
  /** ISO timestamp written in the metadata sheet. */
  now: string;
  /**
   * The day the entry sheets are written for: rows of quarters not yet begun on that day are locked until they
   * begin. By default the day of `now`.
   */
  today?: IsoDate;
  /** Creation timestamp to keep when the tableau is rebuilt. */
  createdAt?: string;
  /** The convention's identifier to keep when the tableau is rebuilt. */
  conventionId?: string;
}

export function buildTableauPlan(tracking: Tracking, options: BuildOptions): WorkbookPlan {
  const today = options.today ?? options.now.slice(0, 10);
  const sheets: SheetPlan[] = [
    guideSheet(tracking),
    conventionSheet(tracking),
    planSheet(tracking),
    indicatorsSheet(tracking),
    trackingSheet(tracking, { today }),
    measurementsSheet(tracking, { today }),
    ficheEvaluationSheet(tracking),
    axisEvaluationSheet(tracking),
  ];
  if (tracking.archive.length > 0) sheets.push(archiveSheet(tracking));
  if ((tracking.journal ?? []).length > 0) sheets.push(journalSheet(tracking));
  sheets.push(metaSheet(tracking, options));
  return { sheets, activeSheet: SHEETS.tracking };
}
