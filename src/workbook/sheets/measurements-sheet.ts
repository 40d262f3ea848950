/**
 * « Saisies »: one row per indicator × measured quarter, grouped by indicator; each value cell's validation and
 * format follow its indicator's type. The rows of a quarter closed after its COPIL or not yet begun are locked
 * (entry-locks.ts).
 */
import { type Indicator, allIndicators } from "../../domain/plan";
import { measuredQuarters, quartersBetween } from "../../domain/quarters";
import { type Measurement, type Tracking, measurementKey } from "../../domain/tracking";
import { INDICATOR_TYPE_LABELS } from "../../domain/vocabulary";
import { indicatorValueValidation } from "../cell-rules";
import type { CellValue, DataValidationPlan, SheetPlan } from "../sheet-plan";
import { MEASUREMENTS_SPEC, columnIndex } from "../tableau-columns";
import { confirmationCell, toCellValue, valueFormat } from "./value-cells";
import { specSheet } from "./spec-sheet";
import { type EntrySheetOptions, entryLockOf } from "./entry-locks";

export function measurementsSheet(tracking: Tracking, options: EntrySheetOptions = {}): SheetPlan {
  const { only } = options;
  const quarters = quartersBetween(tracking.plan.convention.start, tracking.plan.convention.end);
  const values = new Map(tracking.measurements.map((entry) => [measurementKey(entry.indicatorId, entry.quarter), entry]));
  const isLocked = entryLockOf(tracking, options.today);
  const valueCol = columnIndex(MEASUREMENTS_SPEC, "value");
  const rows: CellValue[][] = [];
  const rowIndicators: Indicator[] = [];
  const lockedRows = new Set<number>();
  const validations: DataValidationPlan[] = [];
  for (const { action, indicator } of allIndicators(tracking.plan)) {
    const firstRow = rows.length;
    for (const quarter of measuredQuarters(indicator.periodicity, quarters)) {
      if (only && !only.has(quarter)) continue;
      const entry: Measurement | undefined = values.get(measurementKey(indicator.id, quarter));
      if (isLocked(quarter)) lockedRows.add(rows.length);
      rowIndicators.push(indicator);
      rows.push([
        action.code,
        indicator.id,
        indicator.label,
        INDICATOR_TYPE_LABELS[indicator.type],
        indicator.unit ?? null,
        quarter,
        toCellValue(indicator, entry?.value),
        entry?.comment ?? null,
        confirmationCell(entry?.confirmed),
      ]);
    }
    if (rows.length > firstRow) {
      validations.push({
        range: { row: firstRow + 1, col: valueCol, rows: rows.length - firstRow, cols: 1 },
        ...indicatorValueValidation(indicator.type, indicator.unit),
      });
    }
  }
  return specSheet(MEASUREMENTS_SPEC, rows, {
    lockedRows,
    extraValidations: validations,
    cellFormat: (row, col) => (col === valueCol ? valueFormat(rowIndicators[row]) : undefined),
  });
}
