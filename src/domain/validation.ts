/**
 * The rules every entry obeys, whether typed in a cell or in the task pane form. Bad input is an answer, not an
 * exception: each check returns the accepted value or French messages.
 */
import { entryLabels, ruleLabels } from "../labels/catalog";
import { type IsoDate, formatFrenchDate } from "./dates";
import { CONFIRMATION_RULE, FREE_TEXT_RULE, INDICATOR_RULES, PROGRESS_RULE, STATUS_RULE, numberProblem } from "./entry-rules";
import { type NumberReading, isBlank, readNumber, tidy } from "./numbers";
import type { Indicator, Severity } from "./plan";
import { type Quarter, compareQuarters, isQuarter, quarterBegun, quarterLabel, quartersBetween } from "./quarters";
import type { MeasurementValue, StatusEntry } from "./tracking";
import { type Status, foldText, matchStatus } from "./vocabulary";

export interface EntryProblem {
  /** Which input the problem is about, so that a form or a sheet can place it. */
  field:
    | "value"
    | "comment"
    | "quarter"
    | "status"
    | "progress"
    | "achievements"
    | "difficulties"
    | "adjustments"
    | "confirmed"
    | "year"
    | "effects"
    | "evidence"
    | "appreciation"
    | "synthesis"
    | "decisions";
  severity: Severity;
  message: string;
}

export interface EntryContext {
  /** First and last day of the convention. */
  start: IsoDate;
  end: IsoDate;
  /** Entries for quarters that have not begun are refused. */
  today: IsoDate;
}

export type Checked<T> = { value: T; problems: EntryProblem[] };

/** Shared empty result: most entries are fine, and the readers check thousands of them. Never mutated. */
const NO_PROBLEMS: EntryProblem[] = [];

/** How a cell holds a percentage: Excel stores `45 %` as 0.45 in a percent-formatted cell. */
export type PercentStorage = "fraction" | "number";

/**
 * The same check, remembered per quarter: a tableau holds thousands of rows over a few dozen quarters.
 */
export function quarterChecker(context: EntryContext): (quarter: string) => EntryProblem[] {
  const known = new Map<string, EntryProblem[]>();
  return (quarter) => {
    let problems = known.get(quarter);
    if (!problems) {
      problems = checkQuarter(quarter, context);
      known.set(quarter, problems);
    }
    return problems;
  };
}

export function checkQuarter(quarter: unknown, context: EntryContext): EntryProblem[] {
  if (!isQuarter(quarter)) {
    return [{ field: "quarter", severity: "error", message: entryLabels.quarter.invalid(String(quarter ?? "")) }];
  }
  const quarters = quartersBetween(context.start, context.end);
  if (compareQuarters(quarter, quarters[0]) < 0 || compareQuarters(quarter, quarters[quarters.length - 1]) > 0) {
    return [
      {
        field: "quarter",
        severity: "error",
        message: entryLabels.quarter.outsideConvention(quarterLabel(quarter), formatFrenchDate(context.start), formatFrenchDate(context.end)),
      },
    ];
  }
  if (!quarterBegun(quarter, context.today)) {
    return [{ field: "quarter", severity: "error", message: entryLabels.quarter.notStarted(quarterLabel(quarter)) }];
  }
  return [];
}

function describe(raw: unknown): string {
  if (typeof raw === "boolean") return raw ? entryLabels.value.true : entryLabels.value.false;
  return String(raw).trim();
}

function readPercent(raw: unknown, storage: PercentStorage): NumberReading {
  const reading = readNumber(raw);
  if (reading.kind !== "number") return reading;
  if (typeof raw === "number" && storage === "fraction") return { ...reading, value: tidy(raw * 100) };
  return reading;
}

/**
 * A rate typed as text in a percent cell, "0,45" or "0.45", can mean 45 % (a fraction, as Excel stores it) or
 * 0,45 %: it is refused with both readings rather than guessed. Text with a % sign, or a number, is unambiguous.
 */
function ambiguousRate(raw: unknown, storage: PercentStorage, reading: NumberReading): string | undefined {
  if (storage !== "fraction" || typeof raw !== "string" || reading.kind !== "number" || reading.percentSign) return undefined;
  if (!(reading.value > 0 && reading.value < 1)) return undefined;
  return entryLabels.value.ambiguousRate(raw.trim(), tidy(reading.value * 100), reading.value);
}

/** Checks one indicator value against its type's rule (entry-rules.ts). An empty value means "not entered". */
export function checkMeasurementValue(
  indicator: Pick<Indicator, "type" | "label">,
  raw: unknown,
  storage: PercentStorage = "number",
): Checked<MeasurementValue | undefined> {
  const problem = (message: string): Checked<undefined> => ({ value: undefined, problems: [{ field: "value", severity: "error", message }] });
  if (isBlank(raw)) return { value: undefined, problems: NO_PROBLEMS };
  const rule = INDICATOR_RULES[indicator.type].value;
  switch (rule.kind) {
    case "text": {
      const text = typeof raw === "string" ? raw.trim() : describe(raw);
      if (text.length > rule.maxLength) return problem(entryLabels.value.textTooLong(rule.maxLength, text.length));
      return { value: text, problems: [] };
    }
    case "choice": {
      // The one choice rule of an indicator is Oui / Non: the answer is kept as a boolean.
      const [yes, no] = rule.values;
      if (typeof raw === "boolean") return { value: raw, problems: NO_PROBLEMS };
      if (raw === yes || raw === no) return { value: raw === yes, problems: NO_PROBLEMS };
      const folded = typeof raw === "string" ? foldText(raw) : "";
      if (folded === foldText(yes)) return { value: true, problems: [] };
      if (folded === foldText(no)) return { value: false, problems: [] };
      return problem(entryLabels.value.notYesNo(describe(raw)));
    }
    case "number": {
      const words = ruleLabels.indicator[indicator.type];
      if (typeof raw === "number" && Number.isFinite(raw)) {
        // Fast path for what cells hold: a number, checked without reading text.
        const value = rule.cellDivisor === 100 && storage === "fraction" ? tidy(raw * 100) : tidy(raw);
        const broken = numberProblem(rule, value);
        return broken ? problem(entryLabels.value.outOfRule(describe(raw), words[broken])) : { value, problems: NO_PROBLEMS };
      }
      const percentRule = rule.cellDivisor === 100;
      const reading = percentRule ? readPercent(raw, storage) : readNumber(raw);
      const ambiguous = percentRule ? ambiguousRate(raw, storage, reading) : undefined;
      if (ambiguous) return problem(ambiguous);
      if (reading.kind !== "number") return problem(entryLabels.value.notANumber(describe(raw), words.expectation));
      if (reading.percentSign && !percentRule) return problem(entryLabels.value.unexpectedPercent(describe(raw), words.expectation));
      const value = tidy(reading.value);
      const broken = numberProblem(rule, value);
      if (broken) return problem(entryLabels.value.outOfRule(describe(raw), words[broken]));
      return { value, problems: [] };
    }
  }
}

export function checkText(field: EntryProblem["field"], label: string, raw: unknown): Checked<string | undefined> {
  if (isBlank(raw)) return { value: undefined, problems: NO_PROBLEMS };
  const text = typeof raw === "string" ? raw.trim() : describe(raw);
  if (text.length > FREE_TEXT_RULE.maxLength) {
    return { value: undefined, problems: [{ field, severity: "error", message: entryLabels.text.tooLong(label, FREE_TEXT_RULE.maxLength, text.length) }] };
  }
  return { value: text, problems: NO_PROBLEMS };
}

/** The « Vérifié » mark: « Oui » (any case), or nothing; anything else is refused as the cell's list refuses it. */
export function checkConfirmation(raw: unknown): Checked<boolean | undefined> {
  if (isBlank(raw)) return { value: undefined, problems: NO_PROBLEMS };
  const [yes] = CONFIRMATION_RULE.values;
  if (typeof raw === "string" && foldText(raw) === foldText(yes)) return { value: true, problems: NO_PROBLEMS };
  return { value: undefined, problems: [{ field: "confirmed", severity: "error", message: entryLabels.value.notConfirmation(describe(raw), yes) }] };
}

export function checkStatusValue(raw: unknown): Checked<Status | undefined> {
  if (isBlank(raw)) return { value: undefined, problems: NO_PROBLEMS };
  const status = typeof raw === "string" ? matchStatus(raw) : undefined;
  if (status) return { value: status, problems: NO_PROBLEMS };
  return {
    value: undefined,
    problems: [{ field: "status", severity: "error", message: entryLabels.status.unknown(describe(raw), STATUS_RULE.values) }],
  };
}

export function checkProgressValue(raw: unknown, storage: PercentStorage = "number"): Checked<number | undefined> {
  const reading = readPercent(raw, storage);
  if (reading.kind === "empty") return { value: undefined, problems: NO_PROBLEMS };
  const fail = (message: string): Checked<undefined> => ({ value: undefined, problems: [{ field: "progress", severity: "error", message }] });
  if (reading.kind === "invalid") return fail(entryLabels.progress.invalid(describe(raw)));
  const ambiguous = ambiguousRate(raw, storage, reading);
  if (ambiguous) return fail(entryLabels.progress.ambiguous(ambiguous));
  const value = tidy(reading.value);
  const broken = numberProblem(PROGRESS_RULE, value);
  if (broken === "outOfBounds") return fail(entryLabels.progress.outOfBounds(value));
  if (broken === "tooManyDecimals") return fail(entryLabels.progress.notWhole(value));
  return { value, problems: NO_PROBLEMS };
}

export interface RawStatusEntry {
  status?: unknown;
  progress?: unknown;
  achievements?: unknown;
  difficulties?: unknown;
  adjustments?: unknown;
}

/** Checks a fiche's entry for a quarter, field by field and then the rules that tie the fields together. */
export function checkStatusEntry(actionCode: string, quarter: Quarter, raw: RawStatusEntry, storage: PercentStorage = "number"): Checked<StatusEntry> {
  const status = checkStatusValue(raw.status);
  const progress = checkProgressValue(raw.progress, storage);
  const achievements = checkText("achievements", entryLabels.text.achievements, raw.achievements);
  const difficulties = checkText("difficulties", entryLabels.text.difficulties, raw.difficulties);
  const adjustments = checkText("adjustments", entryLabels.text.adjustments, raw.adjustments);
  const problems: EntryProblem[] = [];
  for (const checked of [status, progress, achievements, difficulties, adjustments]) if (checked.problems.length > 0) problems.push(...checked.problems);
  const entry: StatusEntry = { actionCode, quarter };
  if (status.value !== undefined) entry.status = status.value;
  if (progress.value !== undefined) entry.progress = progress.value;
  if (achievements.value !== undefined) entry.achievements = achievements.value;
  if (difficulties.value !== undefined) entry.difficulties = difficulties.value;
  if (adjustments.value !== undefined) entry.adjustments = adjustments.value;
  problems.push(...crossFieldProblems(entry, isBlank(raw.status)));
  return { value: entry, problems };
}

/** `statusBlank`: nothing was typed as the status; a status typed but unknown is already one error, not a missing one. */
function crossFieldProblems(entry: StatusEntry, statusBlank: boolean): EntryProblem[] {
  const problems: EntryProblem[] = [];
  const { status, progress } = entry;
  if (statusBlank && (progress !== undefined || entry.achievements || entry.difficulties || entry.adjustments)) {
    problems.push({ field: "status", severity: "error", message: entryLabels.status.missing });
  }
  if (status === "Réalisée" && progress !== undefined && progress < 100) {
    problems.push({ field: "progress", severity: "error", message: entryLabels.status.doneBelowFull(progress) });
  }
  if (status === "À lancer" && progress !== undefined && progress > 0) {
    problems.push({ field: "progress", severity: "error", message: entryLabels.status.notStartedWithProgress(progress) });
  }
  if (status === "En cours" && progress === 100) {
    problems.push({ field: "status", severity: "warning", message: entryLabels.status.fullButOngoing });
  }
  if ((status === "Reportée" || status === "Abandonnée") && !entry.difficulties) {
    problems.push({ field: "difficulties", severity: "warning", message: entryLabels.status.explainWhy(status) });
  }
  return problems;
}
