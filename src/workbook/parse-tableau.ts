/**
 * Reads a whole tableau de suivi from its grids: the plan, every entry checked with the same rules as the task pane
 * form, and each problem located by sheet and cell. Never throws on what a workbook may contain.
 */
import { collectionLabels, entryLabels, sheetLabels } from "../labels/catalog";
import type { IsoDate } from "../domain/dates";
import { foldText } from "../domain/vocabulary";
import { isBlank, tidy } from "../domain/numbers";
import { allActions, allIndicators, type Plan } from "../domain/plan";
import { measuredQuarters, quarterLabel, quartersBetween } from "../domain/quarters";
import { type ArchivedEntry, type Measurement, type StatusEntry, type Tracking, hasStatusContent, measurementKey, statusKey } from "../domain/tracking";
import { plausibilityFindings } from "../domain/plausibility";
import { type EntryProblem, checkConfirmation, checkMeasurementValue, checkStatusEntry, checkText, quarterChecker } from "../domain/validation";
import { type LocatedIssue, cellAt, issueAt, mapColumns, textAt } from "./grid-reader";
import { ARCHIVE_COLUMNS, MEASUREMENT_COLUMNS, META_KEYS, SHEETS, TRACKING_COLUMNS, hasEvaluationSheets, lockedQuartersOf } from "./layout";
import { readEvaluations } from "./parse-evaluation";
import { type Grids, type Meta, readMeta, readPlanFromGrids, requireSheet } from "./parse-structure";
import { ARCHIVE_SPEC, JOURNAL_SPEC, MEASUREMENTS_SPEC, TRACKING_SPEC, headersOf, optionalKeysOf } from "./tableau-columns";
import type { JournalEntry } from "../domain/collection";
import type { FicheEvaluation } from "../domain/evaluation";
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
  /** The plausibility warnings, which an update does not need (it stops at errors only); on by default. */
  plausibility?: boolean;
}

/** What a file reader found in a cell's XML that is not a value of the cell's type: its value is unknown. */
export type CellProblem =
  /** `t="e"`: the formula's result is an error (`#N/A`, `#REF!`…). */
  | { kind: "formulaError"; written: string }
  /** A number that is not a plain decimal (`0x1A`, `Infinity`, nothing). */
  | { kind: "number"; written: string }
  /** `t="d"`: not an ISO 8601 date, or a day the calendar does not have. */
  | { kind: "date"; written: string }
  | { kind: "boolean"; written: string }
  /** `t="s"`: no shared string at that index. */
  | { kind: "sharedString"; written: string }
  /** A character XML forbids (raw or as `&#1;`), as a UTF-16 code unit. */
  | { kind: "forbiddenCharacter"; code: number };

export interface CellNotes {
  merges: readonly RangeRef[];
  formulasWithoutValue: readonly { row: number; col: number }[];
  cellProblems?: readonly { row: number; col: number; problem: CellProblem }[];
  /** Whether the sheet as saved keeps data validation and protection: told by file readers only. */
  guards?: { validations: boolean; protection: boolean };
}

/** The sheets partners type in: a tool that drops their dropdowns or their protection leaves them unguided. */
const GUARDED_SHEETS: readonly string[] = [SHEETS.tracking, SHEETS.measurements, SHEETS.ficheEvaluation, SHEETS.axisEvaluation];

/** The sheets a reader needs, for executors that read only what is asked. */
export const TABLEAU_SHEETS: string[] = [
  SHEETS.meta,
  SHEETS.convention,
  SHEETS.plan,
  SHEETS.indicators,
  SHEETS.tracking,
  SHEETS.measurements,
  SHEETS.ficheEvaluation,
  SHEETS.axisEvaluation,
  SHEETS.archive,
  SHEETS.journal,
];

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
  const evaluationContext = { start: plan.convention.start, end: plan.convention.end, today: options.today };
  const tracking: Tracking = {
    plan,
    statuses: statuses?.entries ?? [],
    measurements: measurements?.entries ?? [],
    lockedQuarters,
    archive: readArchive(grids),
    ...journalOf(grids),
    evaluations: readEvaluations(grids, plan, evaluationContext, hasEvaluationSheets(meta.values[META_KEYS.version] ?? ""), issues),
  };
  // One by one: a tableau may hold more warnings than a call may take arguments.
  if (statuses && measurements && options.plausibility !== false) for (const issue of plausibilityIssues(tracking, statuses, measurements)) issues.push(issue);
  return { tracking, meta, issues };
}

/**
 * The entries of the entry sheets alone, read with a given plan and the tableau's rules: a collection file returned
 * by a partner holds these sheets and no plan of its own.
 */
export function readEntrySheets(
  grids: Grids,
  plan: Plan,
  options: Pick<ReadOptions, "today" | "cellNotes">,
): { statuses: StatusEntry[]; measurements: Measurement[]; evaluations: FicheEvaluation[]; issues: LocatedIssue[] } {
  const issues = noteIssues(options.cellNotes ?? {});
  const checkQuarter = quarterChecker({ start: plan.convention.start, end: plan.convention.end, today: options.today });
  const statuses = readStatuses(grids, plan, checkQuarter, issues);
  const measurements = readMeasurements(grids, plan, checkQuarter, issues);
  const evaluations = readEvaluations(grids, plan, { start: plan.convention.start, end: plan.convention.end, today: options.today }, false, issues);
  return { statuses: statuses?.entries ?? [], measurements: measurements?.entries ?? [], evaluations: evaluations.fiches, issues };
}

/**
 * Merged cells spread one value over several rows, or hide the others; a formula saved without its result, or whose
 * result is an error, and a cell whose stored value is not of its type have an unknown value, not an empty one. Each
 * would lose or invent an entry: all are errors at their cell. An entry sheet saved without its data validation or
 * its protection still reads, but partners would type in it unguided: a warning says how to put them back.
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
    for (const { row, col, problem } of note.cellProblems ?? []) issues.push(issueAt(sheet, row, col, "error", cellProblemMessage(problem)));
    const guards = note.guards;
    if (guards && GUARDED_SHEETS.includes(sheet) && !(guards.validations && guards.protection)) {
      issues.push(issueAt(sheet, 0, 0, "warning", read.guardsLost(sheet, !guards.validations, !guards.protection)));
    }
  }
  return issues;
}

function cellProblemMessage(problem: CellProblem): string {
  switch (problem.kind) {
    case "formulaError":
      return read.formulaError(problem.written);
    case "number":
      return read.storedNumberUnreadable(problem.written);
    case "date":
      return read.storedDateUnreadable(problem.written);
    case "boolean":
      return read.storedBooleanUnreadable(problem.written);
    case "sharedString":
      return read.sharedStringMissing(problem.written);
    case "forbiddenCharacter":
      return read.forbiddenCharacter(problem.code);
  }
}

/** `2026-t1` typed by hand reads as `2026-T1`; most cells already hold the canonical form. */
function canonicalQuarter(text: string): string {
  return text.includes("t") ? text.toUpperCase() : text;
}

function place(sheet: string, row: number, columnOf: (field: EntryProblem["field"]) => number) {
  return (problem: EntryProblem): LocatedIssue => issueAt(sheet, row, columnOf(problem.field), problem.severity, problem.message);
}

function readStatuses(grids: Grids, plan: Plan, checkQuarter: QuarterCheck, issues: LocatedIssue[]): StatusReading | undefined {
  const sheet = SHEETS.tracking;
  const grid = requireSheet(grids, sheet, issues);
  if (!grid) return undefined;
  const mapped = mapColumns(sheet, grid, TRACKING_COLUMNS, optionalKeysOf(TRACKING_SPEC));
  issues.push(...mapped.issues);
  if (!mapped.columns) return undefined;
  const c = mapped.columns;
  const actions = new Map(allActions(plan).map((action) => [action.code, action]));
  const seen = new Set<string>();
  const entries: StatusEntry[] = [];
  const rows = new Map<string, number>();
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
      case "confirmed":
        return c.confirmed;
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
    const confirmed = checkConfirmation(cellAt(grid, row, c.confirmed));
    if (confirmed.problems.length > 0) checked.problems.push(...confirmed.problems);
    if (confirmed.value) checked.value.confirmed = true;
    if (!hasStatusContent(checked.value) && !confirmed.value && checked.problems.length === 0) continue;
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
      issues.push(issueAt(sheet, row, c.code, "error", read.duplicateStatusRow(code, quarterLabel(quarter))));
      continue;
    }
    seen.add(key);
    rows.set(key, row);
    issues.push(...checked.problems.map(located));
    if (!checked.problems.some((problem) => problem.severity === "error")) entries.push(checked.value);
  }
  return { entries, rows, statusCol: c.status };
}

function readMeasurements(grids: Grids, plan: Plan, checkQuarter: QuarterCheck, issues: LocatedIssue[]): MeasurementReading | undefined {
  const sheet = SHEETS.measurements;
  const grid = requireSheet(grids, sheet, issues);
  if (!grid) return undefined;
  const mapped = mapColumns(sheet, grid, MEASUREMENT_COLUMNS, optionalKeysOf(MEASUREMENTS_SPEC));
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
  const rows = new Map<string, number>();
  const columnOf = (field: EntryProblem["field"]) => (field === "comment" ? c.comment : field === "confirmed" ? c.confirmed : c.value);
  for (let row = 1; row < grid.length; row++) {
    const rawValue = cellAt(grid, row, c.value);
    const rawComment = cellAt(grid, row, c.comment);
    const rawConfirmed = cellAt(grid, row, c.confirmed);
    const id = textAt(grid, row, c.id);
    const quarter = canonicalQuarter(textAt(grid, row, c.quarter));
    // Every row's place, empty or not: a warning may be about a value that is missing.
    const key = measurementKey(id, quarter);
    if (!rows.has(key)) rows.set(key, row);
    if (isBlank(rawValue) && isBlank(rawComment) && isBlank(rawConfirmed)) continue;
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
      issues.push(issueAt(sheet, row, c.quarter, "error", read.annualIndicator(id, quarterLabel(quarter))));
      continue;
    }
    if (known.seen.has(quarter)) {
      issues.push(issueAt(sheet, row, c.id, "error", read.duplicateMeasurementRow(id, quarterLabel(quarter))));
      continue;
    }
    known.seen.add(quarter);
    const value = checkMeasurementValue(known.indicator, rawValue, "fraction");
    const comment = checkText("comment", entryLabels.text.comment, rawComment);
    const confirmed = checkConfirmation(rawConfirmed);
    // Most rows have nothing to say: no array is built for them (24 000 rows in a large tableau).
    if (value.problems.length + comment.problems.length + confirmed.problems.length > 0) {
      const problems = [...value.problems, ...comment.problems, ...confirmed.problems];
      issues.push(...problems.map((problem) => issueAt(sheet, row, columnOf(problem.field), problem.severity, read.ofIndicator(id, problem.message))));
      if (problems.some((problem) => problem.severity === "error")) continue;
    }
    const entry: Measurement = { indicatorId: id, quarter };
    if (value.value !== undefined) entry.value = value.value;
    if (comment.value !== undefined) entry.comment = comment.value;
    if (confirmed.value) entry.confirmed = true;
    entries.push(entry);
  }
  return { entries, rows, valueCol: c.value };
}

/** « Saisie d'indicateur », « Évaluation de fiche »… or any text starting with their first word (people shorten them). */
function archiveKind(text: string): ArchivedEntry["kind"] {
  const kinds = sheetLabels.archiveKinds;
  const folded = foldText(text);
  const firstWord = (label: string) => foldText(label).split(" ")[0];
  if (folded.startsWith(firstWord(kinds.measurement))) return "saisie";
  if (folded.startsWith(firstWord(kinds.ficheEvaluation))) return folded.includes(foldText("axe")) ? "evaluation-axe" : "evaluation-fiche";
  return "statut";
}

/**
 * Values and statuses that pass every rule but look wrong (src/domain/plausibility.ts), as warnings at their
 * cell: the person confirms them (« Vérifié ») or corrects them. Never errors: nothing is blocked by them.
 */
function plausibilityIssues(tracking: Tracking, statuses: StatusReading, measurements: MeasurementReading): LocatedIssue[] {
  const located: LocatedIssue[] = [];
  for (const finding of plausibilityFindings(tracking, { measured: (id, quarter) => measurements.rows.has(measurementKey(id, quarter)) })) {
    const { place } = finding;
    const row =
      place.kind === "value"
        ? measurements.rows.get(measurementKey(place.indicatorId, place.quarter))
        : statuses.rows.get(statusKey(place.actionCode, place.quarter));
    if (row === undefined) continue;
    const sheet = place.kind === "value" ? SHEETS.measurements : SHEETS.tracking;
    located.push(issueAt(sheet, row, place.kind === "value" ? measurements.valueCol : statuses.statusCol, "warning", finding.message));
  }
  return located;
}

interface StatusReading {
  entries: StatusEntry[];
  /** Sheet row of each (fiche, quarter) read. */
  rows: Map<string, number>;
  statusCol: number;
}

interface MeasurementReading {
  entries: Measurement[];
  /** Sheet row of each (indicator, quarter), filled or not. */
  rows: Map<string, number>;
  valueCol: number;
}

/** The archive holds what users typed before a plan change; it is kept as found, never checked against the plan. */
function readArchive(grids: Grids): ArchivedEntry[] {
  const grid = grids[SHEETS.archive];
  if (!grid) return [];
  const mapped = mapColumns(SHEETS.archive, grid, ARCHIVE_COLUMNS, optionalKeysOf(ARCHIVE_SPEC));
  if (!mapped.columns) return [];
  const c = mapped.columns;
  const entries: ArchivedEntry[] = [];
  for (let row = 1; row < grid.length; row++) {
    const kindText = textAt(grid, row, c.kind);
    if (!kindText) continue;
    const entry: ArchivedEntry = {
      kind: archiveKind(kindText),
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
    for (const key of [
      "status",
      "achievements",
      "difficulties",
      "adjustments",
      "comment",
      "effects",
      "evidence",
      "appreciation",
      "synthesis",
      "decisions",
    ] as const) {
      const text = textAt(grid, row, c[key]);
      if (text) entry[key] = text;
    }
    entries.push(entry);
  }
  return entries;
}

/** The journal of merged returns, kept as found like the archive: what was merged is history, not an entry. */
function journalOf(grids: Grids): { journal?: JournalEntry[] } {
  const grid = grids[SHEETS.journal];
  if (!grid) return {};
  const mapped = mapColumns(SHEETS.journal, grid, headersOf(JOURNAL_SPEC));
  if (!mapped.columns) return {};
  const c = mapped.columns;
  const kinds = new Map(Object.entries(collectionLabels.kinds).map(([kind, label]) => [foldText(label), kind as JournalEntry["kind"]]));
  const fields = new Map(Object.entries(collectionLabels.fields).map(([field, label]) => [foldText(label), field]));
  const journal: JournalEntry[] = [];
  for (let row = 1; row < grid.length; row++) {
    const kind = kinds.get(foldText(textAt(grid, row, c.kind)));
    if (!kind) continue;
    const fieldText = textAt(grid, row, c.field);
    const entry: JournalEntry = {
      kind,
      mergedAt: textAt(grid, row, c.mergedAt),
      person: textAt(grid, row, c.person),
      file: textAt(grid, row, c.file),
      code: textAt(grid, row, c.code),
      period: textAt(grid, row, c.period),
      field: fields.get(foldText(fieldText)) ?? fieldText,
      after: cellAt(grid, row, c.after) ?? "",
    };
    const before = cellAt(grid, row, c.before);
    if (before !== null) entry.before = before;
    journal.push(entry);
  }
  return journal.length > 0 ? { journal } : {};
}
