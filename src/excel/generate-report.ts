/**
 * "Générer le bilan" in the open workbook: read the tableau, compute the bilan, and write its sheet with native
 * charts. Regenerating rewrites only that sheet; the entry sheets are read, never written. One sync to read, then
 * the constant syncs of the plan executor.
 */
import type { IsoDate } from "../domain/dates";
import { Refusal } from "../domain/refusal";
import { type Report, type ReportRequest, computeReport, petiteEnfanceOnly } from "../domain/report";
import { officeLabels } from "../labels/catalog";
import { buildReportSheet } from "../workbook/build-report";
import { SHEETS } from "../workbook/layout";
import { TABLEAU_SHEETS, readTableau } from "../workbook/parse-tableau";
import { type ApplyOptions, applyWorkbookPlan } from "./apply-plan";
import { readGrids } from "./read-sheets";
import { TableauNotFound } from "./tableau-sheets";

/** A bilan asked for in the pane; the day it is made comes with the options. */
export interface BilanRequest extends Omit<ReportRequest, "today"> {
  cdsf?: boolean;
  seriesIndicatorId?: string;
}

export interface GeneratedBilan {
  report: Report;
  sheetName: string;
  charts: number;
  syncs: number;
  requests: number[];
  notes: string[];
}

const t = officeLabels.bilan;

/** A bilan that cannot be computed as asked: errors in the tableau, or a CDSF extract with no fiche in it. */
export class BilanRefused extends Refusal {}

/** Reads the tableau (one sync) and computes the bilan asked for; the deck and the sheet both start here. */
export async function readBilanReport(
  context: Excel.RequestContext,
  request: BilanRequest,
  options: { today: IsoDate; counter?: { syncs: number } },
): Promise<Report> {
  const grids = await readGrids(context, TABLEAU_SHEETS, { counter: options.counter });
  if (grids[SHEETS.meta] === undefined) throw new TableauNotFound(officeLabels.tableau.notFound);
  const reading = readTableau(grids, { today: options.today });
  const errors = reading.issues.filter((issue) => issue.severity === "error");
  // A bilan goes to the COPIL: computed while entries are left out for errors, it would understate the work done.
  if (!reading.tracking || errors.length > 0) {
    throw new BilanRefused(t.tableauHasErrors(errors[0], errors.length));
  }
  const tracking = request.cdsf ? petiteEnfanceOnly(reading.tracking) : reading.tracking;
  if (request.cdsf && tracking.plan.axes.length === 0) throw new BilanRefused(t.noPetiteEnfance);
  return computeReport(tracking, { ...request, today: options.today });
}

export async function generateBilan(context: Excel.RequestContext, request: BilanRequest, options: { today: IsoDate } & ApplyOptions): Promise<GeneratedBilan> {
  const counter = { syncs: 0 };
  const report = await readBilanReport(context, request, { today: options.today, counter });
  const sheet = buildReportSheet(report, {
    cdsf: request.cdsf ?? false,
    charts: true,
    ...(request.seriesIndicatorId ? { seriesIndicatorId: request.seriesIndicatorId } : {}),
  });
  const applied = await applyWorkbookPlan(context, { sheets: [sheet], activeSheet: sheet.name, arrange: false }, options);
  return {
    report,
    sheetName: sheet.name,
    charts: sheet.charts?.length ?? 0,
    syncs: applied.syncs + counter.syncs,
    requests: applied.requests,
    notes: [...applied.notes, ...(report.toConfirm.length > 0 ? [t.toConfirm(report.toConfirm.length)] : [])],
  };
}
