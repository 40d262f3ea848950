/** « Indicateurs »: one row per indicator, grouped by fiche; the référence and the cible are typed here. */
import { type Indicator, allIndicators } from "../../domain/plan";
import type { Tracking } from "../../domain/tracking";
import { AGGREGATION_LABELS, INDICATOR_TYPE_LABELS, PERIODICITY_LABELS } from "../../domain/vocabulary";
import { indicatorReferenceValidation } from "../cell-rules";
import type { CellValue, DataValidationPlan, SheetPlan } from "../sheet-plan";
import { INDICATORS_SPEC, columnIndex } from "../tableau-columns";
import { referenceFormat } from "./value-cells";
import { specSheet } from "./spec-sheet";

function cellNumber(indicator: Indicator, value: number | undefined): CellValue {
  if (value === undefined) return null;
  return indicator.type === "taux" ? value / 100 : value;
}

export function indicatorsSheet(tracking: Tracking): SheetPlan {
  const indicators = allIndicators(tracking.plan);
  const rows = indicators.map(({ action, indicator }) => [
    indicator.id,
    action.code,
    indicator.label,
    INDICATOR_TYPE_LABELS[indicator.type],
    indicator.unit ?? null,
    cellNumber(indicator, indicator.baseline),
    cellNumber(indicator, indicator.target),
    AGGREGATION_LABELS[indicator.aggregation],
    PERIODICITY_LABELS[indicator.periodicity],
  ]);
  const referenceColumns = (["baseline", "target"] as const).map((which) => ({ which, col: columnIndex(INDICATORS_SPEC, which) }));
  // Each row's référence and cible follow the rule of that row's indicator type: one validation per run of a type.
  const validations: DataValidationPlan[] = [];
  for (const { which, col } of referenceColumns) {
    for (const run of runsOf(indicators.map(({ indicator }) => indicator.type))) {
      validations.push({ range: { row: run.start + 1, col, rows: run.length, cols: 1 }, ...indicatorReferenceValidation(run.value, which) });
    }
  }
  const valueColumns = new Set(referenceColumns.map(({ col }) => col));
  return specSheet(INDICATORS_SPEC, rows, {
    extraValidations: validations,
    cellFormat: (row, col) => (valueColumns.has(col) ? referenceFormat(indicators[row].indicator) : undefined),
  });
}

/** Runs of equal consecutive values: `[a, a, b]` → `{a, 0, 2}, {b, 2, 1}`. */
export function runsOf<T>(values: readonly T[]): { value: T; start: number; length: number }[] {
  const runs: { value: T; start: number; length: number }[] = [];
  values.forEach((value, index) => {
    const last = runs[runs.length - 1];
    if (last && last.value === value) last.length++;
    else runs.push({ value, start: index, length: 1 });
  });
  return runs;
}
