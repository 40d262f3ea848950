/**
 * Writes one fiche's entry for one quarter: only the cells of that fiche and quarter, since co-authors may be
 * editing other cells of the shared workbook at the same time. Two syncs read where they are, one writes them.
 */
import type { Indicator } from "../domain/plan";
import { Refusal } from "../domain/refusal";
import type { Measurement, StatusEntry } from "../domain/tracking";
import { quarterLabel } from "../domain/quarters";
import { officeLabels, plausibilityLabels } from "../labels/catalog";
import { confirmationCell, toCellValue } from "../workbook/build-tableau";
import { SHEETS } from "../workbook/layout";
import { cellAddress } from "../workbook/sheet-plan";
import { keyOf, readEntrySheets } from "./tableau-sheets";
import { cells as cellsOf } from "./write-sheet";

const refused = officeLabels.entry;

/** An entry the workbook cannot take: its quarter is locked, or the tableau has no cell for it. */
export class EntryRefused extends Refusal {}

export interface QuarterEntry {
  /** Already checked with the domain rules (checkStatusEntry). */
  status: StatusEntry;
  /** Values of the fiche's indicators for the same quarter; `value` undefined clears the cell. */
  measurements: { indicator: Pick<Indicator, "id" | "type">; measurement: Measurement }[];
}

export interface WrittenEntry {
  /** Addresses written, `Suivi des fiches!F14` style, to tell the user. */
  cells: string[];
  syncs: number;
  /** What could not be kept, in French: marks of verification in a tableau without their column (before 1.3). */
  notes: string[];
}

export async function writeQuarterEntry(context: Excel.RequestContext, entry: QuarterEntry): Promise<WrittenEntry> {
  const { status } = entry;
  const counter = { syncs: 0 };
  const sheets = await readEntrySheets(context, counter);
  if (sheets.lockedQuarters.includes(status.quarter)) {
    throw new EntryRefused(refused.quarterLocked(quarterLabel(status.quarter)));
  }
  const t = sheets.trackingColumns;
  const trackingRow = sheets.trackingRows.get(keyOf(status.actionCode, status.quarter));
  if (trackingRow === undefined) throw new EntryRefused(refused.noRow(status.actionCode, quarterLabel(status.quarter), SHEETS.tracking));

  const m = sheets.measurementColumns;
  const measurementRows = entry.measurements.map(({ indicator, measurement }) => {
    const row = sheets.measurementRows.get(keyOf(indicator.id, measurement.quarter));
    if (row === undefined) throw new EntryRefused(refused.notMeasured(indicator.id, quarterLabel(measurement.quarter)));
    return row;
  });

  const written: string[] = [];
  const trackingSheet = context.workbook.worksheets.getItem(SHEETS.tracking);
  const statusCells: [number, string | number][] = [
    [t.status, status.status ?? ""],
    [t.progress, status.progress === undefined ? "" : status.progress / 100],
    [t.achievements, status.achievements ?? ""],
    [t.difficulties, status.difficulties ?? ""],
    [t.adjustments, status.adjustments ?? ""],
  ];
  const marks = {
    kept: t.confirmed >= 0 && m.confirmed >= 0,
    asked: status.confirmed === true || entry.measurements.some(({ measurement }) => measurement.confirmed),
  };
  if (t.confirmed >= 0) statusCells.push([t.confirmed, confirmationCell(status.confirmed) ?? ""]);
  for (const [col, value] of statusCells) {
    cellsOf(trackingSheet, trackingRow, col, 1, 1).values = [[value]];
    written.push(`${SHEETS.tracking}!${cellAddress(trackingRow, col)}`);
  }
  const measurementSheet = context.workbook.worksheets.getItem(SHEETS.measurements);
  entry.measurements.forEach(({ indicator, measurement }, index) => {
    const row = measurementRows[index];
    cellsOf(measurementSheet, row, m.value, 1, 1).values = [[toCellValue(indicator, measurement.value) ?? ""]];
    cellsOf(measurementSheet, row, m.comment, 1, 1).values = [[measurement.comment ?? ""]];
    written.push(`${SHEETS.measurements}!${cellAddress(row, m.value)}`, `${SHEETS.measurements}!${cellAddress(row, m.comment)}`);
    if (m.confirmed >= 0) {
      cellsOf(measurementSheet, row, m.confirmed, 1, 1).values = [[confirmationCell(measurement.confirmed) ?? ""]];
      written.push(`${SHEETS.measurements}!${cellAddress(row, m.confirmed)}`);
    }
  });
  await context.sync();
  return { cells: written, syncs: counter.syncs + 1, notes: marks.asked && !marks.kept ? [refused.marksNotKept(plausibilityLabels.confirmedHeader)] : [] };
}
