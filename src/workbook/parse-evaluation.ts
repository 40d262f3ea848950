/**
 * Reads the yearly written evaluation of a tableau (template 1.4): « Évaluation des fiches » and « Évaluation des
 * axes », each entry checked with the rules of the pane's form and each problem located at its cell. A tableau of an
 * earlier template has neither sheet: it reads as one without evaluation, until an update adds them.
 */
import {
  type AxisEvaluation,
  type EvaluationContext,
  type Evaluations,
  type FicheEvaluation,
  checkAxisEvaluation,
  checkFicheEvaluation,
  checkYear,
  evaluationKey,
  hasAxisEvaluationContent,
  hasFicheEvaluationContent,
} from "../domain/evaluation";
import { isBlank } from "../domain/numbers";
import { type Plan, allActions } from "../domain/plan";
import type { Checked, EntryProblem } from "../domain/validation";
import { sheetLabels } from "../labels/catalog";
import { type ColumnMap, type LocatedIssue, cellAt, issueAt, mapColumns, textAt } from "./grid-reader";
import { AXIS_EVALUATION_COLUMNS, FICHE_EVALUATION_COLUMNS, SHEETS } from "./layout";
import { type Grids, requireSheet } from "./parse-structure";

const read = sheetLabels.reading;

interface SheetOfEntries<K extends string, E> {
  sheet: string;
  headers: Record<K, string>;
  /** The columns of the entry's own texts, whose cells decide whether a row holds anything. */
  entryKeys: readonly K[];
  codeKey: K;
  knownCodes: ReadonlySet<string>;
  unknownCode: (code: string) => string;
  duplicate: (code: string, year: string) => string;
  check: (code: string, year: number, grid: Grids[string], row: number, columns: ColumnMap<K>) => Checked<E>;
  hasContent: (entry: E) => boolean;
  /** The column of each problem's field. */
  columnOf: (field: EntryProblem["field"], columns: ColumnMap<K>) => number;
}

function readSheet<K extends string, E>(grids: Grids, spec: SheetOfEntries<K, E>, context: EvaluationContext, required: boolean, issues: LocatedIssue[]): E[] {
  const grid = required ? requireSheet(grids, spec.sheet, issues) : grids[spec.sheet];
  if (!grid) return [];
  const mapped = mapColumns(spec.sheet, grid, spec.headers);
  issues.push(...mapped.issues);
  if (!mapped.columns) return [];
  const c = mapped.columns;
  const entries: E[] = [];
  const seen = new Set<string>();
  for (let row = 1; row < grid.length; row++) {
    if (spec.entryKeys.every((key) => isBlank(cellAt(grid, row, c[key])))) continue;
    const code = textAt(grid, row, c[spec.codeKey]);
    if (!spec.knownCodes.has(code)) {
      issues.push(issueAt(spec.sheet, row, c[spec.codeKey], "error", code ? spec.unknownCode(code) : read.entryWithoutRow));
      continue;
    }
    const year = checkYear(cellAt(grid, row, c["year" as K]), context);
    if (year.value === undefined) {
      issues.push(...year.problems.map((problem) => issueAt(spec.sheet, row, c["year" as K], problem.severity, problem.message)));
      continue;
    }
    const key = evaluationKey(code, year.value);
    if (seen.has(key)) {
      issues.push(issueAt(spec.sheet, row, c[spec.codeKey], "error", spec.duplicate(code, String(year.value))));
      continue;
    }
    seen.add(key);
    const checked = spec.check(code, year.value, grid, row, c);
    issues.push(...checked.problems.map((problem) => issueAt(spec.sheet, row, spec.columnOf(problem.field, c), problem.severity, problem.message)));
    if (!checked.problems.some((problem) => problem.severity === "error") && spec.hasContent(checked.value)) entries.push(checked.value);
  }
  return entries;
}

/** `required`: the tableau's template has the evaluation sheets (1.4 on), so a missing one is an error. */
export function readEvaluations(grids: Grids, plan: Plan, context: EvaluationContext, required: boolean, issues: LocatedIssue[]): Evaluations {
  const fiches = readSheet<keyof typeof FICHE_EVALUATION_COLUMNS, FicheEvaluation>(
    grids,
    {
      sheet: SHEETS.ficheEvaluation,
      headers: FICHE_EVALUATION_COLUMNS,
      entryKeys: ["effects", "evidence", "appreciation", "adjustments"],
      codeKey: "code",
      knownCodes: new Set(allActions(plan).map((action) => action.code)),
      unknownCode: read.unknownAction,
      duplicate: read.duplicateFicheEvaluation,
      check: (code, year, grid, row, c) =>
        checkFicheEvaluation(code, year, {
          effects: cellAt(grid, row, c.effects),
          evidence: cellAt(grid, row, c.evidence),
          appreciation: cellAt(grid, row, c.appreciation),
          adjustments: cellAt(grid, row, c.adjustments),
        }),
      hasContent: hasFicheEvaluationContent,
      columnOf: (field, c) => (field === "effects" ? c.effects : field === "evidence" ? c.evidence : field === "appreciation" ? c.appreciation : c.adjustments),
    },
    context,
    required,
    issues,
  );
  const axes = readSheet<keyof typeof AXIS_EVALUATION_COLUMNS, AxisEvaluation>(
    grids,
    {
      sheet: SHEETS.axisEvaluation,
      headers: AXIS_EVALUATION_COLUMNS,
      entryKeys: ["synthesis", "decisions"],
      codeKey: "axisCode",
      knownCodes: new Set(plan.axes.map((axis) => axis.code)),
      unknownCode: read.unknownAxis,
      duplicate: read.duplicateAxisEvaluation,
      check: (code, year, grid, row, c) =>
        checkAxisEvaluation(code, year, { synthesis: cellAt(grid, row, c.synthesis), decisions: cellAt(grid, row, c.decisions) }),
      hasContent: hasAxisEvaluationContent,
      columnOf: (field, c) => (field === "synthesis" ? c.synthesis : c.decisions),
    },
    context,
    required,
    issues,
  );
  return { fiches, axes };
}
