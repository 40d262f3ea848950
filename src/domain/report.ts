/**
 * The figures of a bilan (article 9): point d'étape annuel, bilan intermédiaire, bilan final. Pure: fed a tracking,
 * returns plain data that the workbook sheet, the deck and the JSON output all present.
 */
import { type ReturnProvenance, provenanceOf } from "./collection";
import { bilanLabels } from "../labels/catalog";
import { groupBy } from "./collections";
import { EXIT_CODES, Refusal } from "./refusal";
import { NOT_ENTERED, emptyCounts, isLate, type StatusCounts, type StatusOrNone } from "./dashboard";
import { type Indicator, allIndicators, locatedActions, type ActionSheet, type Axis, type Convention } from "./plan";
import { type Finding, plausibilityFindings } from "./plausibility";
import { type IsoDate, formatFrenchDate } from "./dates";
import {
  compareQuarters,
  earlier,
  measuredQuarters,
  parseQuarter,
  quarterEnd,
  quarterEnded,
  quarterOf,
  quarterStart,
  quartersBetween,
  type Quarter,
} from "./quarters";
import type { Measurement, MeasurementValue, StatusEntry, Tracking } from "./tracking";
import { APPRECIATIONS, type Aggregation, type Appreciation } from "./vocabulary";
import { type AxisEvaluation, type FicheEvaluation, NO_EVALUATIONS, yearsCovered } from "./evaluation";

export type ReportKind = "annual" | "midterm" | "final";

export interface ReportRequest {
  kind: ReportKind;
  /** For `annual`: the year of the point d'étape. */
  year?: number;
  /** For `midterm`: last quarter covered, instead of the end of the year that holds the middle of the convention. */
  until?: Quarter;
  /** The day the bilan is made: its figures are true at this date, or at the end of its period if that is earlier. */
  today: IsoDate;
  /**
   * A bilan intermédiaire or final asked for before its period ends: made only when asked for, and marked
   * « provisoire » wherever it is shown; refused otherwise.
   */
  provisional?: boolean;
}

export interface IndicatorFigures {
  actionCode: string;
  indicator: Indicator;
  /** The period's value by the indicator's aggregation rule; undefined when nothing was entered. */
  value?: MeasurementValue;
  baseline?: number;
  target?: number;
  /** Value as a percentage of the target, for numeric indicators with a positive target. */
  percentOfTarget?: number;
  /** Change since the valeur de référence (final bilan, numeric indicators). */
  changeFromBaseline?: number;
  perQuarter: { quarter: Quarter; value?: MeasurementValue }[];
  perYear: { year: number; value?: MeasurementValue }[];
}

export interface ActionFigures {
  action: ActionSheet;
  axis: Axis;
  status: StatusOrNone;
  progress?: number;
  late: boolean;
  latestDifficulties?: { quarter: Quarter; text: string };
  latestAdjustments?: { quarter: Quarter; text: string };
  /** The fiche's written evaluation of each year of the period, oldest first. */
  evaluations: FicheEvaluation[];
}

export interface Report {
  kind: ReportKind;
  title: string;
  territory: string;
  /** The convention the bilan reports on: its Caf, signataires and period, for a written bilan's cover. */
  convention: Convention;
  period: { first: Quarter; last: Quarter; quarters: Quarter[] };
  /** The date every figure is true at: the day the bilan is made, or the end of its period if earlier. */
  asOf: IsoDate;
  /** Made before the end of its period (a bilan intermédiaire or final asked for as provisoire). */
  provisional: boolean;
  /** Quarters of the period over at `asOf`: only they count in completeness. */
  endedQuarters: number;
  statuses: {
    overall: StatusCounts;
    percentDone: number;
    /** `evaluations`: the axe's synthesis and the COPIL's decisions of each year of the period, oldest first. */
    perAxis: { axis: Axis; counts: StatusCounts; averageProgress?: number; evaluations: AxisEvaluation[] }[];
  };
  /** How many fiches have each appreciation as their latest of the period; `none`: not appreciated yet. */
  appreciations: Record<Appreciation | "none", number>;
  actions: ActionFigures[];
  late: ActionFigures[];
  indicators: IndicatorFigures[];
  completeness: { statusesFilled: number; statusesExpected: number; valuesFilled: number; valuesExpected: number };
  /** Values and statuses of the period that the plausibility checks flag and nobody marked as verified. */
  toConfirm: Finding[];
  /** The partners' returned files merged for the period's quarters (where the entries came from). */
  provenance: ReturnProvenance[];
}

/** A bilan asked for a period the convention does not cover: refused before anything is computed. */
export class ReportRequestError extends Refusal {
  constructor(reason: string) {
    super(bilanLabels.bilanImpossible(reason), EXIT_CODES.refused);
  }
}

/** The quarters a bilan covers. */
export function reportPeriod(tracking: Tracking, request: Omit<ReportRequest, "today">): Quarter[] {
  const all = quartersBetween(tracking.plan.convention.start, tracking.plan.convention.end);
  if (request.kind === "final") return all;
  if (request.kind === "annual") {
    if (request.year === undefined) throw new ReportRequestError(bilanLabels.period.yearMissing);
    const quarters = all.filter((quarter) => parseQuarter(quarter)!.year === request.year);
    if (quarters.length === 0) throw new ReportRequestError(bilanLabels.period.yearOutside(request.year, all[0], all[all.length - 1]));
    return quarters;
  }
  const last = request.until ?? midtermEnd(tracking);
  if (!all.includes(last)) throw new ReportRequestError(bilanLabels.period.quarterOutside(last));
  return all.filter((quarter) => compareQuarters(quarter, last) <= 0);
}

/** The end of the year that holds the middle of the convention. */
export function midtermEnd(tracking: Tracking): Quarter {
  const start = Date.parse(tracking.plan.convention.start);
  const end = Date.parse(tracking.plan.convention.end);
  const middle = new Date(start + (end - start) / 2).toISOString().slice(0, 10);
  const year = parseQuarter(quarterOf(middle))!.year;
  const all = quartersBetween(tracking.plan.convention.start, tracking.plan.convention.end);
  return [...all].reverse().find((quarter) => parseQuarter(quarter)!.year === year)!;
}

export function aggregate(values: readonly MeasurementValue[], rule: Aggregation): MeasurementValue | undefined {
  if (values.length === 0) return undefined;
  if (rule === "derniere") return values[values.length - 1];
  const numbers = values.filter((value): value is number => typeof value === "number");
  if (numbers.length === 0) return values[values.length - 1];
  const sum = numbers.reduce((total, value) => total + value, 0);
  return Math.round((rule === "somme" ? sum : sum / numbers.length) * 100) / 100;
}

/** The date a bilan's figures are true at, and whether it is made before its period ends; refused where it cannot be made. */
function reportDate(request: ReportRequest, quarters: readonly Quarter[]): { asOf: IsoDate; provisional: boolean } {
  const first = quarterStart(quarters[0]);
  const end = quarterEnd(quarters[quarters.length - 1]);
  const title = request.kind === "annual" ? bilanLabels.titles.annual(request.year) : bilanLabels.titles[request.kind];
  if (request.today < first) throw new ReportRequestError(bilanLabels.period.notBegun(title, formatFrenchDate(first)));
  const before = request.today <= end;
  // A point d'étape may be made during its year; a bilan intermédiaire or final is made once its period is over.
  if (before && request.kind !== "annual" && !request.provisional) {
    throw new ReportRequestError(bilanLabels.period.notOver(title, formatFrenchDate(end), formatFrenchDate(request.today)));
  }
  return { asOf: earlier(request.today, end), provisional: before && request.kind !== "annual" };
}

export function computeReport(tracking: Tracking, request: ReportRequest): Report {
  const quarters = reportPeriod(tracking, request);
  const { asOf, provisional } = reportDate(request, quarters);
  const last = quarters[quarters.length - 1];
  const inPeriod = new Set(quarters);
  // What is over by then can be missing; what has begun can hold entries.
  const ended = new Set(quarters.filter((quarter) => quarterEnded(quarter, request.today)));
  const begun = new Set(quarters.filter((quarter) => quarterStart(quarter) <= asOf));
  const statusesByAction = groupBy(
    tracking.statuses.filter((entry) => inPeriod.has(entry.quarter)),
    (entry) => entry.actionCode,
  );
  const carried = groupBy(
    tracking.statuses.filter((entry) => compareQuarters(entry.quarter, last) <= 0),
    (entry) => entry.actionCode,
  );

  const years = new Set(yearsCovered(quarterStart(quarters[0]), quarterEnd(last)));
  const { fiches: ficheEvaluations, axes: axisEvaluations } = tracking.evaluations ?? NO_EVALUATIONS;
  const byYear = <T extends { year: number }>(entries: readonly T[]) => entries.filter((entry) => years.has(entry.year)).sort((a, b) => a.year - b.year);
  const evaluationsOf = groupBy(byYear(ficheEvaluations), (entry) => entry.actionCode);
  const axisEvaluationsOf = groupBy(byYear(axisEvaluations), (entry) => entry.axisCode);
  const actions: ActionFigures[] = locatedActions(tracking.plan).map(({ axis, action }) => {
    const history = (carried.get(action.code) ?? []).sort((a, b) => compareQuarters(a.quarter, b.quarter));
    const latest = [...history].reverse().find((entry) => entry.status !== undefined);
    const status: StatusOrNone = latest?.status ?? NOT_ENTERED;
    const progress = status === "Réalisée" ? 100 : [...history].reverse().find((entry) => entry.progress !== undefined)?.progress;
    const inside = (statusesByAction.get(action.code) ?? []).sort((a, b) => compareQuarters(a.quarter, b.quarter));
    return {
      action,
      axis,
      status,
      ...(progress !== undefined ? { progress } : {}),
      late: isLate(action, status, asOf),
      ...latestText(inside, "difficulties", "latestDifficulties"),
      ...latestText(inside, "adjustments", "latestAdjustments"),
      evaluations: evaluationsOf.get(action.code) ?? [],
    };
  });
  const appreciations = Object.fromEntries([...APPRECIATIONS, "none"].map((key) => [key, 0])) as Record<Appreciation | "none", number>;
  for (const figures of actions) appreciations[[...figures.evaluations].reverse().find((entry) => entry.appreciation)?.appreciation ?? "none"]++;

  const overall = emptyCounts();
  const perAxis = tracking.plan.axes.map((axis) => ({ axis, counts: emptyCounts(), progress: [] as number[] }));
  for (const figures of actions) {
    overall[figures.status]++;
    const entry = perAxis.find((candidate) => candidate.axis === figures.axis)!;
    entry.counts[figures.status]++;
    if (figures.progress !== undefined) entry.progress.push(figures.progress);
  }

  const allQuarters = quartersBetween(tracking.plan.convention.start, tracking.plan.convention.end);
  const measurements = groupBy(
    tracking.measurements.filter((entry) => inPeriod.has(entry.quarter) && entry.value !== undefined),
    (entry) => entry.indicatorId,
  );
  let valuesExpected = 0;
  let valuesFilled = 0;
  const indicators: IndicatorFigures[] = allIndicators(tracking.plan).map(({ action, indicator }) => {
    const measured = measuredQuarters(indicator.periodicity, allQuarters).filter((quarter) => begun.has(quarter));
    const figures = indicatorFigures(action.code, indicator, measured, measurements.get(indicator.id) ?? [], request.kind === "final");
    for (const point of figures.perQuarter) {
      if (!ended.has(point.quarter)) continue;
      valuesExpected++;
      if (point.value !== undefined) valuesFilled++;
    }
    return figures;
  });

  const statusesFilled = tracking.statuses.filter((entry) => ended.has(entry.quarter) && entry.status !== undefined).length;
  return {
    kind: request.kind,
    title: request.kind === "annual" ? bilanLabels.titles.annual(request.year) : bilanLabels.titles[request.kind],
    territory: tracking.plan.convention.territory,
    convention: tracking.plan.convention,
    period: { first: quarters[0], last, quarters },
    asOf,
    provisional,
    endedQuarters: ended.size,
    statuses: {
      overall,
      percentDone: actions.length === 0 ? 0 : Math.round((overall.Réalisée / actions.length) * 1000) / 10,
      perAxis: perAxis.map(({ axis, counts, progress }) => ({
        axis,
        counts,
        ...(progress.length > 0 ? { averageProgress: Math.round((progress.reduce((a, b) => a + b, 0) / progress.length) * 10) / 10 } : {}),
        evaluations: axisEvaluationsOf.get(axis.code) ?? [],
      })),
    },
    appreciations,
    actions,
    late: actions.filter((figures) => figures.late),
    indicators,
    toConfirm: findingsUntil(tracking, last).filter((finding) => inPeriod.has(finding.place.quarter)),
    completeness: { statusesFilled, statusesExpected: actions.length * ended.size, valuesFilled, valuesExpected },
    provenance: provenanceOf(tracking, new Set(quarters)),
  };
}

/** The findings as they stood at the end of the period: later quarters do not change what the bilan showed. */
function findingsUntil(tracking: Tracking, last: Quarter): Finding[] {
  const until = <T extends { quarter: Quarter }>(entries: readonly T[]) => entries.filter((entry) => compareQuarters(entry.quarter, last) <= 0);
  return plausibilityFindings({ ...tracking, statuses: until(tracking.statuses), measurements: until(tracking.measurements) });
}

function indicatorFigures(actionCode: string, indicator: Indicator, measured: Quarter[], entries: Measurement[], final: boolean): IndicatorFigures {
  const byQuarter = new Map(entries.map((entry) => [entry.quarter, entry.value]));
  const perQuarter = measured.map((quarter) => ({ quarter, ...(byQuarter.has(quarter) ? { value: byQuarter.get(quarter) } : {}) }));
  const valuesOf = (points: typeof perQuarter) => points.flatMap((point) => (point.value === undefined ? [] : [point.value]));
  const years = [...new Set(measured.map((quarter) => parseQuarter(quarter)!.year))];
  const value = aggregate(valuesOf(perQuarter), indicator.aggregation);
  const figures: IndicatorFigures = {
    actionCode,
    indicator,
    ...(value !== undefined ? { value } : {}),
    ...(indicator.baseline !== undefined ? { baseline: indicator.baseline } : {}),
    ...(indicator.target !== undefined ? { target: indicator.target } : {}),
    perQuarter,
    perYear: years.map((year) => {
      const yearly = aggregate(valuesOf(perQuarter.filter((point) => parseQuarter(point.quarter)!.year === year)), indicator.aggregation);
      return { year, ...(yearly !== undefined ? { value: yearly } : {}) };
    }),
  };
  if (typeof value === "number" && indicator.target !== undefined && indicator.target > 0) {
    figures.percentOfTarget = Math.round((value / indicator.target) * 1000) / 10;
  }
  if (final && typeof value === "number" && indicator.baseline !== undefined) figures.changeFromBaseline = Math.round((value - indicator.baseline) * 100) / 100;
  return figures;
}

function latestText(entries: StatusEntry[], field: "difficulties" | "adjustments", key: "latestDifficulties" | "latestAdjustments") {
  const latest = [...entries].reverse().find((entry) => entry[field]);
  return latest ? { [key]: { quarter: latest.quarter, text: latest[field]! } } : {};
}

/** The petite-enfance part of a tracking, for the extrait transmitted to the CDSF. */
export function petiteEnfanceOnly(tracking: Tracking): Tracking {
  const keep = (action: ActionSheet) => action.fields.includes("petite enfance");
  const plan = {
    ...tracking.plan,
    axes: tracking.plan.axes
      .map((axis) => ({ ...axis, subAxes: axis.subAxes.map((sub) => ({ ...sub, actions: sub.actions.filter(keep) })).filter((sub) => sub.actions.length > 0) }))
      .filter((axis) => axis.subAxes.length > 0),
  };
  const codes = new Set(plan.axes.flatMap((axis) => axis.subAxes.flatMap((sub) => sub.actions.map((action) => action.code))));
  const ids = new Set(allIndicators(plan).map(({ indicator }) => indicator.id));
  const axes = new Set(plan.axes.map((axis) => axis.code));
  const evaluations = tracking.evaluations ?? NO_EVALUATIONS;
  return {
    ...tracking,
    plan,
    statuses: tracking.statuses.filter((entry) => codes.has(entry.actionCode)),
    measurements: tracking.measurements.filter((entry) => ids.has(entry.indicatorId)),
    evaluations: {
      fiches: evaluations.fiches.filter((entry) => codes.has(entry.actionCode)),
      axes: evaluations.axes.filter((entry) => axes.has(entry.axisCode)),
    },
  };
}

/** The bilan as plain JSON for `ctg bilan --json`: statuses, per axe, late fiches, indicators. */
export function reportJson(report: Report): unknown {
  return {
    kind: report.kind,
    title: report.title,
    territory: report.territory,
    period: { first: report.period.first, last: report.period.last },
    asOf: report.asOf,
    provisional: report.provisional,
    statuses: {
      overall: report.statuses.overall,
      percentDone: report.statuses.percentDone,
      perAxis: report.statuses.perAxis.map((entry) => ({
        axis: entry.axis.code,
        title: entry.axis.title,
        counts: entry.counts,
        averageProgress: entry.averageProgress ?? null,
      })),
    },
    lateActions: report.late.map((figures) => ({
      code: figures.action.code,
      title: figures.action.title,
      deadline: figures.action.deadline,
      status: figures.status,
    })),
    indicators: report.indicators.map((figures) => ({
      id: figures.indicator.id,
      actionCode: figures.actionCode,
      label: figures.indicator.label,
      type: figures.indicator.type,
      aggregation: figures.indicator.aggregation,
      value: figures.value ?? null,
      baseline: figures.baseline ?? null,
      target: figures.target ?? null,
      percentOfTarget: figures.percentOfTarget ?? null,
      ...(report.kind === "final" ? { changeFromBaseline: figures.changeFromBaseline ?? null } : {}),
      perYear: figures.perYear.map((point) => ({ year: point.year, value: point.value ?? null })),
    })),
    completeness: report.completeness,
    toConfirm: report.toConfirm.map((finding) => ({
      ...(finding.place.kind === "value" ? { indicatorId: finding.place.indicatorId } : { actionCode: finding.place.actionCode }),
      quarter: finding.place.quarter,
      kind: finding.kind,
      message: finding.message,
    })),
    appreciations: report.appreciations,
    provenance: report.provenance,
    evaluation: {
      fiches: report.actions.flatMap((figures) =>
        figures.evaluations.map((entry) => ({
          code: entry.actionCode,
          year: entry.year,
          effects: entry.effects ?? null,
          evidence: entry.evidence ?? null,
          appreciation: entry.appreciation ?? null,
          adjustments: entry.adjustments ?? null,
        })),
      ),
      axes: report.statuses.perAxis.flatMap((entry) =>
        entry.evaluations.map((evaluation) => ({
          axis: evaluation.axisCode,
          year: evaluation.year,
          synthesis: evaluation.synthesis ?? null,
          decisions: evaluation.decisions ?? null,
        })),
      ),
    },
    difficulties: report.actions.flatMap((figures) =>
      figures.latestDifficulties ? [{ code: figures.action.code, quarter: figures.latestDifficulties.quarter, text: figures.latestDifficulties.text }] : [],
    ),
  };
}
