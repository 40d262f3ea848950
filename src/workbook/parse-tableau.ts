/**
 * Reads a whole tableau de suivi from its grids: the plan, every entry checked with the same rules as the task pane
 * form, and each problem located by sheet and cell. Never throws on what a workbook may contain.
 */
import { entryLabels, sheetLabels } from "../labels/catalog";
import type { IsoDate } from "../domain/dates";
import { foldText } from "../domain/vocabulary";
import { isBlank, tidy } from "../domain/numbers";
import { allActions, allIndicators, type Plan } from "../domain/plan";
import { measuredQuarters, quartersBetween } from "../domain/quarters";
import { type ArchivedEntry, type Measurement, type StatusEntry, type Tracking, hasStatusContent, statusKey } from "../domain/tracking";
import { type EntryProblem, checkMeasurementValue, checkStatusEntry, checkText, quarterChecker } from "../domain/validation";
import { type LocatedIssue, cellAt, issueAt, mapColumns, textAt } from "./grid-reader";
import { ARCHIVE_COLUMNS, MEASUREMENT_COLUMNS, SHEETS, TRACKING_COLUMNS, lockedQuartersOf } from "./layout";
import { type Grids, type Meta, readMeta, readPlanFromGrids, requireSheet } from "./parse-structure";
import { type RangeRef, rangeAddress } from "./sheet-plan";

export type { Grids } from "./parse-structure";

type QuarterCheck = (quarter: string) => EntryProblem[];

const read = sheetLabels.reading;

export interface TableauReading {
  /** Present when the structure could be read, even if some entries have errors (those entries are left out). */
  tracking?: Tracking;
  meta?: Meta;
  issues: LocatedIssue[];
}

export interface ReadOptions {
  today: IsoDate;
  /** What a file reader saw besides the values: merged cells, formulas saved without their result. */
  cellNotes?: Record<string, CellNotes | undefined>;
}

export interface CellNotes {
  merges: readonly RangeRef[];
  formulasWithoutValue: readonly { row: number; col: number }[];
}

/** The sheets a reader needs, for executors that read only what is asked. */
export const TABLEAU_SHEETS: string[] = [SHEETS.meta, SHEETS.convention, SHEETS.plan, SHEETS.indicators, SHEETS.tracking, SHEETS.measurements, SHEETS.archive];

/** Every sheet a set-up writes: an update reads them all, to keep what people added to any of them. */
export const PLANNED_SHEETS: string[] = [SHEETS.guide, ...TABLEAU_SHEETS];

export function readTableau(grids: Grids, options: ReadOptions): TableauReading {
  const issues: LocatedIssue[] = noteIssues(options.cellNotes ?? {});
  const meta = readMeta(grids, issues);
  if (!meta) return { issues };
  const plan = readPlanFromGrids(grids, issues);
  if (!plan) {
    // The entries cannot be checked without the plan, but their sheets' shape can: report everything at once.
    const shapes: [string, Record<string, string>][] = [
      [SHEETS.tracking, TRACKING_COLUMNS],
      [SHEETS.measurements, MEASUREMENT_COLUMNS],
    ];
    for (const [sheet, headers] of shapes) {
      const grid = requireSheet(grids, sheet, issues);
      if (grid) issues.push(...mapColumns(sheet, grid, headers).issues);
    }
    return { meta, issues };
  }
  const checkQuarter = quarterChecker({ start: plan.convention.start, end: plan.convention.end, today: options.today });
  const statuses = readStatuses(grids, plan, checkQuarter, issues);
  const measurements = readMeasurements(grids, plan, checkQuarter, issues);
  const lockedQuarters = lockedQuartersOf(meta.values);
  const tracking: Tracking = {
    plan,
    statuses: statuses ?? [],
    measurements: measurements ?? [],
    lockedQuarters,
    archive: readArchive(grids),
  };
  return { tracking, meta, issues };
}

/**
 * Merged cells spread one value over several rows, or hide the others; a formula saved without its result has an
 * unknown value, not an empty one. Either would lose or invent an entry: both are errors at their cell.
 */
function noteIssues(notes: Record<string, CellNotes | undefined>): LocatedIssue[] {
  const issues: LocatedIssue[] = [];
  for (const sheet of TABLEAU_SHEETS) {
    const note = notes[sheet];
    if (!note) continue;
    for (const merge of note.merges) {
      if (merge.row + merge.rows <= 1 && sheet !== SHEETS.convention) continue;
      issues.push(issueAt(sheet, merge.row, merge.col, "error", read.mergedCells(rangeAddress(merge))));
    }
    for (const cell of note.formulasWithoutValue) {
      issues.push(issueAt(sheet, cell.row, cell.col, "error", read.formulaWithoutValue));
    }
  }
  return issues;
}

/** `2026-t1` typed by hand reads as `2026-T1`; most cells already hold the canonical form. */
function canonicalQuarter(text: string): string {
  return text.includes("t") ? text.toUpperCase() : text;
}

function place(sheet: string, row: number, columnOf: (field: EntryProblem["field"]) => number) {
  return (problem: EntryProblem): LocatedIssue => issueAt(sheet, row, columnOf(problem.field), problem.severity, problem.message);
}

function readStatuses(grids: Grids, plan: Plan, checkQuarter: QuarterCheck, issues: LocatedIssue[]): StatusEntry[] | undefined {
  const sheet = SHEETS.tracking;
  const grid = requireSheet(grids, sheet, issues);
  if (!grid) return undefined;
  const mapped = mapColumns(sheet, grid, TRACKING_COLUMNS);
  issues.push(...mapped.issues);
  if (!mapped.columns) return undefined;
  const c = mapped.columns;
  const actions = new Map(allActions(plan).map((action) => [action.code, action]));
  const seen = new Set<string>();
  const entries: StatusEntry[] = [];
  const columnOf = (field: EntryProblem["field"]): number => {
    switch (field) {
      case "quarter":
        return c.quarter;
      case "progress":
        return c.progress;
      case "achievements":
        return c.achievements;
      case "difficulties":
        return c.difficulties;
      case "adjustments":
        return c.adjustments;
      default:
        return c.status;
    }
  };
  for (let row = 1; row < grid.length; row++) {
    const quarter = canonicalQuarter(textAt(grid, row, c.quarter));
    const code = textAt(grid, row, c.code);
    const checked = checkStatusEntry(
      code,
      quarter,
      {
        status: cellAt(grid, row, c.status),
        progress: cellAt(grid, row, c.progress),
        achievements: cellAt(grid, row, c.achievements),
        difficulties: cellAt(grid, row, c.difficulties),
        adjustments: cellAt(grid, row, c.adjustments),
      },
      "fraction",
    );
    if (!hasStatusContent(checked.value) && checked.problems.length === 0) continue;
    const located = place(sheet, row, columnOf);
    if (!code && !quarter) {
      issues.push(issueAt(sheet, row, c.code, "error", read.entryWithoutRow));
      continue;
    }
    if (!actions.has(code)) {
      issues.push(issueAt(sheet, row, c.code, "error", read.unknownAction(code)));
      continue;
    }
    const quarterProblems = checkQuarter(quarter || entryLabels.quarter.empty);
    if (quarterProblems.length > 0) {
      issues.push(...quarterProblems.map(located));
      continue;
    }
    const key = statusKey(code, quarter);
    if (seen.has(key)) {
      issues.push(issueAt(sheet, row, c.code, "error", read.duplicateStatusRow(code, quarter)));
      continue;
    }
    seen.add(key);
    issues.push(...checked.problems.map(located));
    if (!checked.problems.some((problem) => problem.severity === "error")) entries.push(checked.value);
  }
  return entries;
}

function readMeasurements(grids: Grids, plan: Plan, checkQuarter: QuarterCheck, issues: LocatedIssue[]): Measurement[] | undefined {
  const sheet = SHEETS.measurements;
  const grid = requireSheet(grids, sheet, issues);
  if (!grid) return undefined;
  const mapped = mapColumns(sheet, grid, MEASUREMENT_COLUMNS);
  issues.push(...mapped.issues);
  if (!mapped.columns) return undefined;
  const c = mapped.columns;
  const quarters = quartersBetween(plan.convention.start, plan.convention.end);
  // Per indicator: the quarters it is measured in, and those already read (to catch duplicate rows).
  const indicators = new Map(
    allIndicators(plan).map(({ indicator }) => [
      indicator.id,
      { indicator, quarters: new Set(measuredQuarters(indicator.periodicity, quarters)), seen: new Set<string>() },
    ]),
  );
  const entries: Measurement[] = [];
  for (let row = 1; row < grid.length; row++) {
    const rawValue = cellAt(grid, row, c.value);
    const rawComment = cellAt(grid, row, c.comment);
    if (isBlank(rawValue) && isBlank(rawComment)) continue;
    const id = textAt(grid, row, c.id);
    const quarter = canonicalQuarter(textAt(grid, row, c.quarter));
    const known = indicators.get(id);
    if (!known) {
      issues.push(issueAt(sheet, row, c.id, "error", read.unknownIndicator(id, SHEETS.indicators)));
      continue;
    }
    const quarterProblems = checkQuarter(quarter || entryLabels.quarter.empty);
    if (quarterProblems.length > 0) {
      issues.push(...quarterProblems.map((problem) => issueAt(sheet, row, c.quarter, problem.severity, problem.message)));
      continue;
    }
    if (!known.quarters.has(quarter)) {
      issues.push(issueAt(sheet, row, c.quarter, "error", read.annualIndicator(id, quarter)));
      continue;
    }
    if (known.seen.has(quarter)) {
      issues.push(issueAt(sheet, row, c.id, "error", read.duplicateMeasurementRow(id, quarter)));
      continue;
    }
    known.seen.add(quarter);
    const value = checkMeasurementValue(known.indicator, rawValue, "fraction");
    const comment = checkText("comment", entryLabels.text.comment, rawComment);
    const problems = comment.problems.length === 0 ? value.problems : [...value.problems, ...comment.problems];
    if (problems.length > 0)
      issues.push(
        ...problems.map((problem) =>
          issueAt(sheet, row, problem.field === "comment" ? c.comment : c.value, problem.severity, read.ofIndicator(id, problem.message)),
        ),
      );
    if (problems.some((problem) => problem.severity === "error")) continue;
    const entry: Measurement = { indicatorId: id, quarter };
    if (value.value !== undefined) entry.value = value.value;
    if (comment.value !== undefined) entry.comment = comment.value;
    entries.push(entry);
  }
  return entries;
}

/** « Saisie d'indicateur », or any text starting with its first word (people shorten it). */
function isMeasurementKind(text: string): boolean {
  const firstWord = foldText(sheetLabels.archiveKinds.measurement).split(" ")[0];
  return foldText(text).startsWith(firstWord);
}

/** The archive holds what users typed before a plan change; it is kept as found, never checked against the plan. */
function readArchive(grids: Grids): ArchivedEntry[] {
  const grid = grids[SHEETS.archive];
  if (!grid) return [];
  const mapped = mapColumns(SHEETS.archive, grid, ARCHIVE_COLUMNS);
  if (!mapped.columns) return [];
  const c = mapped.columns;
  const entries: ArchivedEntry[] = [];
  for (let row = 1; row < grid.length; row++) {
    const kindText = textAt(grid, row, c.kind);
    if (!kindText) continue;
    const entry: ArchivedEntry = {
      kind: isMeasurementKind(kindText) ? "saisie" : "statut",
      quarter: textAt(grid, row, c.quarter),
      actionCode: textAt(grid, row, c.actionCode),
      label: textAt(grid, row, c.label),
    };
    const id = textAt(grid, row, c.id);
    if (id) entry.indicatorId = id;
    const progress = cellAt(grid, row, c.progress);
    if (typeof progress === "number") entry.progress = tidy(progress * 100);
    const value = cellAt(grid, row, c.value);
    if (value !== null) entry.value = value;
    for (const key of ["status", "achievements", "difficulties", "adjustments", "comment"] as const) {
      const text = textAt(grid, row, c[key]);
      if (text) entry[key] = text;
    }
    entries.push(entry);
  }
  return entries;
}
