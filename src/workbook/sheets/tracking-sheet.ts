/**
 * « Suivi des fiches »: one row per quarter × fiche, sorted by quarter then in the order of the plan, so that a
 * quarter's block is one piece to fill and to print; status colours and lateness in conditional formats. The rows
 * of a quarter closed after its COPIL or not yet begun are locked (entry-locks.ts).
 */
import { deadlineYear, locatedActions } from "../../domain/plan";
import { quartersBetween } from "../../domain/quarters";
import { type StatusEntry, type Tracking, statusKey } from "../../domain/tracking";
import { CLOSED_STATUSES, STATUSES } from "../../domain/vocabulary";
import { COLORS, STATUS_COLORS } from "../formats";
import { confirmationCell } from "./value-cells";
import { type CellValue, type ConditionalFormatPlan, type SheetPlan, columnLetter } from "../sheet-plan";
import { TRACKING_SPEC, columnIndex } from "../tableau-columns";
import { specSheet } from "./spec-sheet";
import { type EntrySheetOptions, entryLockOf } from "./entry-locks";

type TrackingKey = (typeof TRACKING_SPEC.columns)[number]["key"];

export function trackingSheet(tracking: Tracking, options: EntrySheetOptions = {}): SheetPlan {
  const { only } = options;
  const quarters = quartersBetween(tracking.plan.convention.start, tracking.plan.convention.end).filter((quarter) => !only || only.has(quarter));
  const entries = new Map(tracking.statuses.map((entry) => [statusKey(entry.actionCode, entry.quarter), entry]));
  const isLocked = entryLockOf(tracking, options.today);
  const actions = locatedActions(tracking.plan);
  const rows: CellValue[][] = [];
  const lockedRows = new Set<number>();
  for (const quarter of quarters) {
    for (const { axis, action } of actions) {
      const entry: StatusEntry | undefined = entries.get(statusKey(action.code, quarter));
      if (isLocked(quarter)) lockedRows.add(rows.length);
      rows.push([
        quarter,
        axis.code,
        action.code,
        action.title,
        deadlineYear(action.deadline) ?? (action.deadline || null),
        entry?.status ?? null,
        entry?.progress === undefined ? null : entry.progress / 100,
        entry?.achievements ?? null,
        entry?.difficulties ?? null,
        entry?.adjustments ?? null,
        confirmationCell(entry?.confirmed),
      ]);
    }
  }
  return specSheet(TRACKING_SPEC, rows, {
    lockedRows,
    conditionalFormats: rows.length > 0 ? statusFormats(rows.length) : [],
  });
}

/**
 * The status's colour, and the row in red bold when the fiche is late in that quarter: the quarter is over (as of
 * the day the workbook is opened: TODAY()), the échéance's year had passed by then, and the status given for the
 * quarter is neither Réalisée nor Abandonnée. A quarter still to come, or a row without a status, is never red.
 */
function statusFormats(rowCount: number): ConditionalFormatPlan[] {
  const col = (key: TrackingKey) => columnLetter(columnIndex(TRACKING_SPEC, key));
  const status = col("status");
  const statusRange = { row: 1, col: columnIndex(TRACKING_SPEC, "status"), rows: rowCount, cols: 1 };
  const formats: ConditionalFormatPlan[] = STATUSES.map((value) => ({
    range: statusRange,
    formula: `$${status}2="${value}"`,
    style: { fill: STATUS_COLORS[value].fill, fontColor: STATUS_COLORS[value].font },
  }));
  const deadline = col("deadline");
  const quarter = col("quarter");
  const notClosed = CLOSED_STATUSES.map((closed) => `$${status}2<>"${closed}"`).join(",");
  formats.push({
    range: { row: 1, col: 0, rows: rowCount, cols: columnIndex(TRACKING_SPEC, "deadline") + 1 },
    formula: `AND(ISNUMBER($${deadline}2),$${deadline}2<VALUE(LEFT($${quarter}2,4)),DATE(VALUE(LEFT($${quarter}2,4)),VALUE(RIGHT($${quarter}2,1))*3+1,1)<=TODAY(),$${status}2<>"",${notClosed})`,
    style: { fontColor: COLORS.late, bold: true },
  });
  return formats;
}
