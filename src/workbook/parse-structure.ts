/** Reads the structure sheets of a tableau (metadata, convention, plan d'actions, indicators) back into a plan. */
import { sheetLabels } from "../labels/catalog";
import { formatFrenchDate, readTypedDate } from "../domain/dates";
import { readNumber, tidy } from "../domain/numbers";
import {
  type ActionSheet,
  type Axis,
  type Convention,
  type Indicator,
  type Plan,
  CONVENTION_YEARS,
  DEFAULT_AGGREGATION,
  MAX_CONVENTION_YEARS,
  conventionPeriodProblems,
} from "../domain/plan";
import { numericBoundsProblem } from "../domain/entry-rules";
import { matchAggregation, matchField, matchIndicatorType, matchPeriodicity, type Field } from "../domain/vocabulary";
import { type LocatedIssue, type ColumnMap, cellAt, issueAt, mapColumns, textAt } from "./grid-reader";
import { CONVENTION_ROWS, FORMAT_ID, INDICATOR_COLUMNS, META_KEYS, PLAN_COLUMNS, READABLE_VERSIONS, SHEETS, splitList } from "./layout";
import type { Grid } from "./sheet-plan";
import { CONVENTION_SPEC } from "./tableau-columns";

export type Grids = Record<string, Grid | undefined>;

const read = sheetLabels.reading;

export interface Meta {
  version: string;
  values: Record<string, string>;
}

export function readMeta(grids: Grids, issues: LocatedIssue[]): Meta | undefined {
  const grid = grids[SHEETS.meta];
  if (!grid) {
    issues.push({ sheet: SHEETS.meta, cell: "A1", severity: "error", message: read.notATableau });
    return undefined;
  }
  const values: Record<string, string> = {};
  for (let row = 1; row < grid.length; row++) {
    const key = textAt(grid, row, 0);
    if (key) values[key] = textAt(grid, row, 1);
  }
  if (values[META_KEYS.format] !== FORMAT_ID) {
    issues.push(issueAt(SHEETS.meta, 1, 1, "error", read.unknownFormat(values[META_KEYS.format] ?? "", FORMAT_ID)));
    return undefined;
  }
  const version = values[META_KEYS.version] ?? "";
  if (!(READABLE_VERSIONS as readonly string[]).includes(version)) {
    issues.push(issueAt(SHEETS.meta, 2, 1, "error", read.unsupportedVersion(version, READABLE_VERSIONS.join(", "))));
    return undefined;
  }
  return { version, values };
}

export function readConvention(grids: Grids, issues: LocatedIssue[]): Convention | undefined {
  const sheet = SHEETS.convention;
  const grid = grids[sheet];
  if (!grid) {
    issues.push({ sheet, cell: "A1", severity: "error", message: read.missingSheet(sheet) });
    return undefined;
  }
  const rowOf = new Map<string, number>();
  for (let row = 1; row < grid.length; row++) rowOf.set(textAt(grid, row, 0), row);
  const rubrique = (label: string): { row: number; text: string; raw: unknown } | undefined => {
    const row = rowOf.get(label);
    if (row === undefined) {
      issues.push({ sheet, cell: "A1", severity: "error", message: read.missingRow(label, sheet) });
      return undefined;
    }
    return { row, text: textAt(grid, row, 1), raw: cellAt(grid, row, 1) };
  };
  const territory = rubrique(CONVENTION_ROWS.territory);
  const start = rubrique(CONVENTION_ROWS.start);
  const end = rubrique(CONVENTION_ROWS.end);
  if (!territory || !start || !end) return undefined;
  let ok = true;
  if (!territory.text) {
    issues.push(issueAt(sheet, territory.row, 1, "error", read.territoryRequired));
    ok = false;
  }
  const startReading = readTypedDate(start.raw);
  const endReading = readTypedDate(end.raw);
  const startDate = "date" in startReading ? startReading.date : undefined;
  const endDate = "date" in endReading ? endReading.date : undefined;
  for (const [reading, cell, which] of [
    [startReading, start, "start"],
    [endReading, end, "end"],
  ] as const) {
    if (!("date" in reading)) {
      const message = reading.problem === "impossible" ? read.impossibleDate(which, cell.text) : read.invalidDate(which, cell.text);
      issues.push(issueAt(sheet, cell.row, 1, "error", message));
      ok = false;
    }
  }
  if (startDate && endDate && startDate >= endDate) {
    issues.push(issueAt(sheet, end.row, 1, "error", read.endBeforeStart));
    ok = false;
  } else if (startDate && endDate) {
    // A period of centuries would size every quarter-based sheet by it: refused here, before anything is built from it.
    for (const problem of conventionPeriodProblems(startDate, endDate)) {
      const cell = problem.field === "start" ? start : end;
      const date = problem.field === "start" ? startDate : endDate;
      const message =
        problem.kind === "tooLong"
          ? read.periodTooLong(MAX_CONVENTION_YEARS)
          : read.dateOutOfRange(problem.field, formatFrenchDate(date), CONVENTION_YEARS.first, CONVENTION_YEARS.last);
      issues.push(issueAt(sheet, cell.row, 1, "error", message));
      ok = false;
    }
  }
  // What Excel refuses in a rubrique's cell is refused here too: a file written by another tool may hold more.
  const limit = CONVENTION_SPEC.rule.kind === "text" ? CONVENTION_SPEC.rule.maxLength : Infinity;
  for (const spec of CONVENTION_SPEC.rows) {
    const row = rowOf.get(spec.label);
    if (!spec.entry || row === undefined) continue;
    const length = textAt(grid, row, 1).length;
    if (length > limit) {
      issues.push(issueAt(sheet, row, 1, "error", read.rubriqueTooLong(spec.label, limit, length)));
      ok = false;
    }
  }
  if (!ok || !startDate || !endDate) return undefined;
  const optional = (label: string) => {
    const row = rowOf.get(label);
    return row === undefined ? undefined : textAt(grid, row, 1) || undefined;
  };
  const signatoriesRow = rowOf.get(CONVENTION_ROWS.signatories);
  const convention: Convention = {
    territory: territory.text,
    signatories: signatoriesRow === undefined ? [] : splitList(textAt(grid, signatoriesRow, 1)),
    start: startDate,
    end: endDate,
  };
  const inseeOrSiren = optional(CONVENTION_ROWS.inseeOrSiren);
  const department = optional(CONVENTION_ROWS.department);
  const caf = optional(CONVENTION_ROWS.caf);
  if (inseeOrSiren) convention.inseeOrSiren = inseeOrSiren;
  if (department) convention.department = department;
  if (caf) convention.caf = caf;
  return convention;
}

export function requireSheet(grids: Grids, sheet: string, issues: LocatedIssue[]): Grid | undefined {
  const grid = grids[sheet];
  if (!grid) issues.push({ sheet, cell: "A1", severity: "error", message: read.missingSheet(sheet) });
  return grid;
}

export function readAxes(grids: Grids, issues: LocatedIssue[]): Axis[] | undefined {
  const sheet = SHEETS.plan;
  const grid = requireSheet(grids, sheet, issues);
  if (!grid) return undefined;
  const mapped = mapColumns(sheet, grid, PLAN_COLUMNS);
  issues.push(...mapped.issues);
  if (!mapped.columns) return undefined;
  const c: ColumnMap<keyof typeof PLAN_COLUMNS> = mapped.columns;
  const axes: Axis[] = [];
  const seen = new Set<string>();
  for (let row = 1; row < grid.length; row++) {
    const code = textAt(grid, row, c.code);
    if (!code) continue;
    if (seen.has(code)) {
      issues.push(issueAt(sheet, row, c.code, "error", read.duplicateAction(code)));
      continue;
    }
    seen.add(code);
    const axisCode = textAt(grid, row, c.axisCode);
    const subAxisCode = textAt(grid, row, c.subAxisCode);
    let axis = axes.find((candidate) => candidate.code === axisCode);
    if (!axis) {
      axis = { code: axisCode, title: textAt(grid, row, c.axisTitle), subAxes: [] };
      axes.push(axis);
    }
    let subAxis = axis.subAxes.find((candidate) => candidate.code === subAxisCode);
    if (!subAxis) {
      subAxis = { code: subAxisCode, title: textAt(grid, row, c.subAxisTitle), actions: [] };
      axis.subAxes.push(subAxis);
    }
    const fields: Field[] = [];
    for (const name of splitList(textAt(grid, row, c.fields))) {
      const field = matchField(name);
      if (field) fields.push(field);
      else issues.push(issueAt(sheet, row, c.fields, "warning", read.unknownField(name)));
    }
    const action: ActionSheet = {
      code,
      title: textAt(grid, row, c.title),
      deadline: textAt(grid, row, c.deadline),
      pilots: splitList(textAt(grid, row, c.pilots)),
      partners: splitList(textAt(grid, row, c.partners)),
      fields,
      links: splitList(textAt(grid, row, c.links)),
      objectives: splitList(textAt(grid, row, c.objectives)),
      indicators: [],
    };
    if (!action.title) issues.push(issueAt(sheet, row, c.title, "error", read.untitledAction(code)));
    subAxis.actions.push(action);
  }
  return axes;
}

export function readIndicators(grids: Grids, axes: Axis[], issues: LocatedIssue[]): boolean {
  const sheet = SHEETS.indicators;
  const grid = requireSheet(grids, sheet, issues);
  if (!grid) return false;
  const mapped = mapColumns(sheet, grid, INDICATOR_COLUMNS);
  issues.push(...mapped.issues);
  if (!mapped.columns) return false;
  const c = mapped.columns;
  const actions = new Map(axes.flatMap((axis) => axis.subAxes.flatMap((subAxis) => subAxis.actions)).map((action) => [action.code, action]));
  const ids = new Set<string>();
  for (let row = 1; row < grid.length; row++) {
    const id = textAt(grid, row, c.id);
    if (!id) continue;
    const action = actions.get(textAt(grid, row, c.actionCode));
    if (!action) {
      issues.push(issueAt(sheet, row, c.actionCode, "error", read.indicatorOfUnknownAction(id, textAt(grid, row, c.actionCode))));
      continue;
    }
    if (ids.has(id)) {
      issues.push(issueAt(sheet, row, c.id, "error", read.duplicateIndicator(id)));
      continue;
    }
    ids.add(id);
    const type = matchIndicatorType(textAt(grid, row, c.type));
    if (!type) {
      issues.push(issueAt(sheet, row, c.type, "error", read.unknownIndicatorType(textAt(grid, row, c.type))));
      continue;
    }
    const indicator: Indicator = {
      id,
      label: textAt(grid, row, c.label),
      type,
      aggregation: matchAggregation(textAt(grid, row, c.aggregation)) ?? DEFAULT_AGGREGATION[type],
      periodicity: matchPeriodicity(textAt(grid, row, c.periodicity)) ?? "trimestrielle",
    };
    const unit = textAt(grid, row, c.unit);
    if (unit) indicator.unit = unit;
    for (const key of ["baseline", "target"] as const) {
      const col = c[key];
      const raw = cellAt(grid, row, col);
      const reading = readNumber(raw);
      if (reading.kind === "empty") continue;
      const what = read.referenceNames[key];
      if (reading.kind === "invalid" || type === "texte") {
        issues.push(issueAt(sheet, row, col, "error", read.referenceNotANumber(what, id, textAt(grid, row, col))));
        continue;
      }
      const value = type === "taux" && typeof raw === "number" ? tidy(raw * 100) : reading.value;
      const problem = numericBoundsProblem(type, value);
      if (problem) issues.push(issueAt(sheet, row, col, "error", read.referenceOutOfRule(what, id, problem)));
      else indicator[key] = value;
    }
    action.indicators.push(indicator);
  }
  return true;
}

export function readPlanFromGrids(grids: Grids, issues: LocatedIssue[]): Plan | undefined {
  const convention = readConvention(grids, issues);
  const axes = readAxes(grids, issues);
  if (!axes) return undefined;
  const indicatorsRead = readIndicators(grids, axes, issues);
  if (!convention || !indicatorsRead) return undefined;
  return { convention, axes };
}
