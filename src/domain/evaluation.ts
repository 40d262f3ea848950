/**
 * The written evaluation article 9 asks for beyond réalisations: per fiche and per year, what changed for the
 * inhabitants (changements territoriaux), on what evidence, how far the objective is reached and what to adjust;
 * per axe and per year, a synthesis and the COPIL's decisions. Typed in two sheets of the tableau and in the pane,
 * checked with the same rules everywhere, carried into the bilans.
 */
import { entryLabels } from "../labels/catalog";
import { type IsoDate, formatFrenchDate, yearOf } from "./dates";
import { isBlank } from "./numbers";
import type { Convention } from "./plan";
import type { Checked, EntryContext, EntryProblem } from "./validation";
import { checkText } from "./validation";
import { APPRECIATIONS, type Appreciation, matchAppreciation } from "./vocabulary";

export interface FicheEvaluation {
  actionCode: string;
  year: number;
  /** What changed for the inhabitants (changements territoriaux). */
  effects?: string;
  /** Figures, surveys, testimonies the judgement rests on. */
  evidence?: string;
  appreciation?: Appreciation;
  /** What is proposed to the COPIL. */
  adjustments?: string;
}

export interface AxisEvaluation {
  axisCode: string;
  year: number;
  /** What the axe achieved and changed on the territory, all its fiches together. */
  synthesis?: string;
  /** What the COPIL decided. */
  decisions?: string;
}

export interface Evaluations {
  fiches: FicheEvaluation[];
  axes: AxisEvaluation[];
}

export const NO_EVALUATIONS: Evaluations = { fiches: [], axes: [] };

/** The calendar years of a convention, each evaluated once. */
export function conventionYears(convention: Pick<Convention, "start" | "end">): number[] {
  const years: number[] = [];
  for (let year = yearOf(convention.start); year <= yearOf(convention.end); year++) years.push(year);
  return years;
}

export function evaluationKey(code: string, year: number): string {
  return `${code}\u0000${year}`;
}

export function hasFicheEvaluationContent(entry: FicheEvaluation): boolean {
  return Boolean(entry.effects || entry.evidence || entry.appreciation || entry.adjustments);
}

export function hasAxisEvaluationContent(entry: AxisEvaluation): boolean {
  return Boolean(entry.synthesis || entry.decisions);
}

/** The convention's period and the day of the reading: a year to come cannot be evaluated yet. */
export type EvaluationContext = EntryContext;

/** A year of the convention that has begun as of `today`. */
export function checkYear(raw: unknown, context: EvaluationContext): Checked<number | undefined> {
  const typed = String(raw ?? "").trim();
  const year = typeof raw === "number" ? raw : /^\d{4}$/.test(typed) ? Number(typed) : NaN;
  const fail = (message: string): Checked<undefined> => ({ value: undefined, problems: [{ field: "year", severity: "error", message }] });
  if (!Number.isInteger(year)) return fail(entryLabels.year.invalid(typed || entryLabels.quarter.empty));
  if (year < yearOf(context.start) || year > yearOf(context.end)) {
    return fail(entryLabels.year.outsideConvention(String(year), formatFrenchDate(context.start), formatFrenchDate(context.end)));
  }
  if (`${year}-01-01` > context.today) return fail(entryLabels.year.notStarted(String(year)));
  return { value: year, problems: [] };
}

export function checkAppreciation(raw: unknown): Checked<Appreciation | undefined> {
  if (isBlank(raw)) return { value: undefined, problems: [] };
  const found = typeof raw === "string" ? matchAppreciation(raw) : undefined;
  if (found) return { value: found, problems: [] };
  return {
    value: undefined,
    problems: [{ field: "appreciation", severity: "error", message: entryLabels.appreciation.unknown(String(raw).trim(), APPRECIATIONS) }],
  };
}

export interface RawFicheEvaluation {
  effects?: unknown;
  evidence?: unknown;
  appreciation?: unknown;
  adjustments?: unknown;
}

export function checkFicheEvaluation(actionCode: string, year: number, raw: RawFicheEvaluation): Checked<FicheEvaluation> {
  const words = entryLabels.text;
  const effects = checkText("effects", words.effects, raw.effects);
  const evidence = checkText("evidence", words.evidence, raw.evidence);
  const appreciation = checkAppreciation(raw.appreciation);
  const adjustments = checkText("adjustments", words.proposedAdjustments, raw.adjustments);
  const entry: FicheEvaluation = { actionCode, year };
  if (effects.value !== undefined) entry.effects = effects.value;
  if (evidence.value !== undefined) entry.evidence = evidence.value;
  if (appreciation.value !== undefined) entry.appreciation = appreciation.value;
  if (adjustments.value !== undefined) entry.adjustments = adjustments.value;
  return { value: entry, problems: problemsOf(effects, evidence, appreciation, adjustments) };
}

export interface RawAxisEvaluation {
  synthesis?: unknown;
  decisions?: unknown;
}

export function checkAxisEvaluation(axisCode: string, year: number, raw: RawAxisEvaluation): Checked<AxisEvaluation> {
  const synthesis = checkText("synthesis", entryLabels.text.synthesis, raw.synthesis);
  const decisions = checkText("decisions", entryLabels.text.decisions, raw.decisions);
  const entry: AxisEvaluation = { axisCode, year };
  if (synthesis.value !== undefined) entry.synthesis = synthesis.value;
  if (decisions.value !== undefined) entry.decisions = decisions.value;
  return { value: entry, problems: problemsOf(synthesis, decisions) };
}

function problemsOf(...checks: Checked<unknown>[]): EntryProblem[] {
  return checks.flatMap((checked) => checked.problems);
}

/** The years a bilan's period covers, among the convention's: a year belongs once any of its days is covered. */
export function yearsCovered(from: IsoDate, to: IsoDate): number[] {
  const years: number[] = [];
  for (let year = yearOf(from); year <= yearOf(to); year++) years.push(year);
  return years;
}
