/**
 * « Évaluation des fiches » and « Évaluation des axes »: one row per year of the convention × fiche (or axe), the
 * year's block in the order of the plan, so that a year's evaluation is one piece to write and to print.
 */
import { type AxisEvaluation, type FicheEvaluation, NO_EVALUATIONS, conventionYears, evaluationKey } from "../../domain/evaluation";
import { locatedActions } from "../../domain/plan";
import type { Tracking } from "../../domain/tracking";
import type { CellValue, SheetPlan } from "../sheet-plan";
import { AXIS_EVALUATION_SPEC, FICHE_EVALUATION_SPEC } from "../tableau-columns";
import { specSheet } from "./spec-sheet";

/** `only`: the years to lay out (a collection file holds its quarter's); every year of the convention by default. */
export function ficheEvaluationSheet(tracking: Tracking, only?: ReadonlySet<number>): SheetPlan {
  const entries = new Map<string, FicheEvaluation>(
    (tracking.evaluations ?? NO_EVALUATIONS).fiches.map((entry) => [evaluationKey(entry.actionCode, entry.year), entry]),
  );
  const actions = locatedActions(tracking.plan);
  const rows: CellValue[][] = [];
  for (const year of conventionYears(tracking.plan.convention)) {
    if (only && !only.has(year)) continue;
    for (const { axis, action } of actions) {
      const entry = entries.get(evaluationKey(action.code, year));
      rows.push([
        year,
        axis.code,
        action.code,
        action.title,
        entry?.effects ?? null,
        entry?.evidence ?? null,
        entry?.appreciation ?? null,
        entry?.adjustments ?? null,
      ]);
    }
  }
  return specSheet(FICHE_EVALUATION_SPEC, rows);
}

export function axisEvaluationSheet(tracking: Tracking): SheetPlan {
  const entries = new Map<string, AxisEvaluation>(
    (tracking.evaluations ?? NO_EVALUATIONS).axes.map((entry) => [evaluationKey(entry.axisCode, entry.year), entry]),
  );
  const rows: CellValue[][] = [];
  for (const year of conventionYears(tracking.plan.convention)) {
    for (const axis of tracking.plan.axes) {
      const entry = entries.get(evaluationKey(axis.code, year));
      rows.push([year, axis.code, axis.title, entry?.synthesis ?? null, entry?.decisions ?? null]);
    }
  }
  return specSheet(AXIS_EVALUATION_SPEC, rows);
}
