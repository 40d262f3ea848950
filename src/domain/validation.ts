/**
 * The rules every entry obeys, whether typed in a cell or in the task pane form. Bad input is an answer, not an
 * exception: each check returns the accepted value or French messages.
 */
import { type IsoDate, formatFrenchDate } from "./dates";
import { type NumberReading, decimalPlaces, isBlank, readNumber, tidy } from "./numbers";
import { type Indicator, type Severity, numericBoundsProblem } from "./plan";
import { type Quarter, compareQuarters, isQuarter, quarterLabel, quarterStart, quartersBetween } from "./quarters";
import type { MeasurementValue, StatusEntry } from "./tracking";
import { type Status, TEXT_MAX_LENGTH, STATUSES, foldText, matchStatus } from "./vocabulary";

export interface EntryProblem {
  /** Which input the problem is about, so that a form or a sheet can place it. */
  field: "value" | "comment" | "quarter" | "status" | "progress" | "achievements" | "difficulties" | "adjustments";
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
    return [{ field: "quarter", severity: "error", message: `trimestre « ${String(quarter ?? "")} » invalide : attendu sous la forme 2026-T1` }];
  }
  const quarters = quartersBetween(context.start, context.end);
  if (compareQuarters(quarter, quarters[0]) < 0 || compareQuarters(quarter, quarters[quarters.length - 1]) > 0) {
    return [
      {
        field: "quarter",
        severity: "error",
        message: `le ${quarterLabel(quarter)} est hors de la période de la convention (${formatFrenchDate(context.start)} – ${formatFrenchDate(context.end)})`,
      },
    ];
  }
  if (quarterStart(quarter) > context.today) {
    return [{ field: "quarter", severity: "error", message: `le ${quarterLabel(quarter)} n'a pas encore commencé : saisie impossible` }];
  }
  return [];
}

function describe(raw: unknown): string {
  if (typeof raw === "boolean") return raw ? "VRAI" : "FAUX";
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
  const typed = raw.trim();
  return `« ${typed} » est ambigu : ${formatPercent(tidy(reading.value * 100))} (si c'est une fraction) ou ${formatPercent(reading.value)} ? Tapez la valeur avec le signe %, par exemple « ${formatPercent(tidy(reading.value * 100))} » ou « ${formatPercent(reading.value)} »`;
}

/** Checks one indicator value. An empty value is accepted: it means "not entered". */
export function checkMeasurementValue(
  indicator: Pick<Indicator, "type" | "label">,
  raw: unknown,
  storage: PercentStorage = "number",
): Checked<MeasurementValue | undefined> {
  const problem = (message: string): Checked<undefined> => ({ value: undefined, problems: [{ field: "value", severity: "error", message }] });
  if (isBlank(raw)) return { value: undefined, problems: NO_PROBLEMS };
  switch (indicator.type) {
    case "texte": {
      const text = typeof raw === "string" ? raw.trim() : describe(raw);
      if (text.length > TEXT_MAX_LENGTH) return problem(`le texte dépasse ${TEXT_MAX_LENGTH} caractères (${text.length})`);
      return { value: text, problems: [] };
    }
    case "oui-non": {
      if (typeof raw === "boolean") return { value: raw, problems: NO_PROBLEMS };
      if (raw === "Oui" || raw === "Non") return { value: raw === "Oui", problems: NO_PROBLEMS };
      const folded = typeof raw === "string" ? foldText(raw) : "";
      if (folded === "oui") return { value: true, problems: [] };
      if (folded === "non") return { value: false, problems: [] };
      return problem(`« ${describe(raw)} » n'est pas une réponse valide : choisissez Oui ou Non`);
    }
    default: {
      if (typeof raw === "number" && Number.isFinite(raw)) {
        // Fast path for what cells hold: a number, checked without reading text.
        const value = indicator.type === "taux" && storage === "fraction" ? tidy(raw * 100) : tidy(raw);
        const bounds = numericBoundsProblem(indicator.type, value);
        return bounds ? problem(`la valeur ${describe(raw)} ${bounds}`) : { value, problems: NO_PROBLEMS };
      }
      const reading = indicator.type === "taux" ? readPercent(raw, storage) : readNumber(raw);
      const ambiguous = indicator.type === "taux" ? ambiguousRate(raw, storage, reading) : undefined;
      if (ambiguous) return problem(ambiguous);
      if (reading.kind !== "number") {
        return problem(`« ${describe(raw)} » n'est pas un nombre (${expectation(indicator.type)})`);
      }
      if (reading.percentSign && indicator.type !== "taux") {
        return problem(`« ${describe(raw)} » est un pourcentage, alors que l'indicateur attend ${expectation(indicator.type)}`);
      }
      const value = tidy(reading.value);
      const bounds = numericBoundsProblem(indicator.type, value);
      if (bounds) return problem(`la valeur ${describe(raw)} ${bounds}`);
      return { value, problems: [] };
    }
  }
}

function expectation(type: Indicator["type"]): string {
  switch (type) {
    case "nombre":
      return "un nombre entier positif ou nul";
    case "taux":
      return "un pourcentage entre 0 et 100";
    case "montant":
      return "un montant en euros, positif, à 2 décimales au plus";
    case "echelle":
      return "une note entière de 1 à 5";
    default:
      return "une valeur";
  }
}

export function checkText(field: EntryProblem["field"], label: string, raw: unknown): Checked<string | undefined> {
  if (isBlank(raw)) return { value: undefined, problems: NO_PROBLEMS };
  const text = typeof raw === "string" ? raw.trim() : describe(raw);
  if (text.length > TEXT_MAX_LENGTH) {
    return { value: undefined, problems: [{ field, severity: "error", message: `${label} dépasse ${TEXT_MAX_LENGTH} caractères (${text.length})` }] };
  }
  return { value: text, problems: NO_PROBLEMS };
}

export function checkStatusValue(raw: unknown): Checked<Status | undefined> {
  if (isBlank(raw)) return { value: undefined, problems: NO_PROBLEMS };
  const status = typeof raw === "string" ? matchStatus(raw) : undefined;
  if (status) return { value: status, problems: NO_PROBLEMS };
  return {
    value: undefined,
    problems: [{ field: "status", severity: "error", message: `statut « ${describe(raw)} » inconnu : choisissez ${STATUSES.join(", ")}` }],
  };
}

export function checkProgressValue(raw: unknown, storage: PercentStorage = "number"): Checked<number | undefined> {
  const reading = readPercent(raw, storage);
  if (reading.kind === "empty") return { value: undefined, problems: NO_PROBLEMS };
  const fail = (message: string): Checked<undefined> => ({ value: undefined, problems: [{ field: "progress", severity: "error", message }] });
  if (reading.kind === "invalid") return fail(`avancement « ${describe(raw)} » invalide : un pourcentage entre 0 et 100 est attendu`);
  const ambiguous = ambiguousRate(raw, storage, reading);
  if (ambiguous) return fail(`avancement ${ambiguous}`);
  const value = tidy(reading.value);
  if (value < 0 || value > 100) return fail(`avancement ${formatPercent(value)} hors limites : il doit être compris entre 0 % et 100 %`);
  if (decimalPlaces(value) > 0) return fail(`avancement ${formatPercent(value)} : indiquez un pourcentage entier`);
  return { value, problems: NO_PROBLEMS };
}

function formatPercent(value: number): string {
  return `${String(value).replace(".", ",")} %`;
}

export interface RawStatusEntry {
  status?: unknown;
  progress?: unknown;
  achievements?: unknown;
  difficulties?: unknown;
  adjustments?: unknown;
}

/** Checks a fiche's entry for a quarter, field by field and then the rules that tie the fields together. */
export function checkStatusEntry(
  actionCode: string,
  quarter: Quarter,
  raw: RawStatusEntry,
  storage: PercentStorage = "number",
): Checked<StatusEntry> {
  const status = checkStatusValue(raw.status);
  const progress = checkProgressValue(raw.progress, storage);
  const achievements = checkText("achievements", "le texte « Réalisations »", raw.achievements);
  const difficulties = checkText("difficulties", "le texte « Difficultés »", raw.difficulties);
  const adjustments = checkText("adjustments", "le texte « Ajustements »", raw.adjustments);
  const problems: EntryProblem[] = [];
  for (const checked of [status, progress, achievements, difficulties, adjustments]) if (checked.problems.length > 0) problems.push(...checked.problems);
  const entry: StatusEntry = { actionCode, quarter };
  if (status.value !== undefined) entry.status = status.value;
  if (progress.value !== undefined) entry.progress = progress.value;
  if (achievements.value !== undefined) entry.achievements = achievements.value;
  if (difficulties.value !== undefined) entry.difficulties = difficulties.value;
  if (adjustments.value !== undefined) entry.adjustments = adjustments.value;
  problems.push(...crossFieldProblems(entry));
  return { value: entry, problems };
}

function crossFieldProblems(entry: StatusEntry): EntryProblem[] {
  const problems: EntryProblem[] = [];
  const { status, progress } = entry;
  if (status === undefined && (progress !== undefined || entry.achievements || entry.difficulties || entry.adjustments)) {
    problems.push({ field: "status", severity: "error", message: "indiquez le statut de la fiche pour ce trimestre" });
  }
  if (status === "Réalisée" && progress !== undefined && progress < 100) {
    problems.push({ field: "progress", severity: "error", message: `une fiche « Réalisée » doit avoir un avancement de 100 % (indiqué : ${formatPercent(progress)})` });
  }
  if (status === "À lancer" && progress !== undefined && progress > 0) {
    problems.push({ field: "progress", severity: "error", message: `une fiche « À lancer » ne peut pas avoir d'avancement (indiqué : ${formatPercent(progress)}) : choisissez « En cours »` });
  }
  if (status === "En cours" && progress === 100) {
    problems.push({ field: "status", severity: "warning", message: "avancement de 100 % : la fiche est-elle « Réalisée » ?" });
  }
  if ((status === "Reportée" || status === "Abandonnée") && !entry.difficulties) {
    problems.push({ field: "difficulties", severity: "warning", message: `fiche « ${status} » : expliquez pourquoi dans « Difficultés »` });
  }
  return problems;
}
