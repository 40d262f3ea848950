/** Quarter choices offered by the pane, and where a fiche's row sits in the sheets. */
import { quarterOf, quartersBetween, compareQuarters, type Quarter } from "../domain/quarters";
import type { Tracking } from "../domain/tracking";
import { allActions } from "../domain/plan";
import { SHEETS, TRACKING_COLUMNS } from "../workbook/layout";
import { cellAddress } from "../workbook/sheet-plan";

/** Quarters that have begun, newest last. */
export function startedQuarters(tracking: Tracking, today: string): Quarter[] {
  const current = quarterOf(today);
  return quartersBetween(tracking.plan.convention.start, tracking.plan.convention.end).filter((quarter) => compareQuarters(quarter, current) <= 0);
}

/** The current quarter of the convention, or its nearest quarter when today is outside the period. */
export function defaultQuarter(tracking: Tracking, today: string): Quarter {
  const started = startedQuarters(tracking, today);
  return started[started.length - 1] ?? quartersBetween(tracking.plan.convention.start, tracking.plan.convention.end)[0];
}

/** "Suivi des fiches" is laid out quarter by quarter, fiches in plan order (docs/format-classeur.md). */
export function trackingCell(
  tracking: Tracking,
  actionCode: string,
  quarter: Quarter,
  column: keyof typeof TRACKING_COLUMNS = "status",
): { sheet: string; cell: string } {
  const quarters = quartersBetween(tracking.plan.convention.start, tracking.plan.convention.end);
  const actions = allActions(tracking.plan);
  const row = 1 + quarters.indexOf(quarter) * actions.length + actions.findIndex((action) => action.code === actionCode);
  const col = Object.keys(TRACKING_COLUMNS).indexOf(column);
  return { sheet: SHEETS.tracking, cell: cellAddress(row, col) };
}
