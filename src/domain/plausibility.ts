/**
 * Values that pass every rule but are probably wrong: warnings for the person to confirm or correct, never
 * refusals. Each check looks at one indicator's series or one fiche's statuses, in quarter order; a value or a
 * status marked as verified (`confirmed`) is not raised again.
 *
 * The outlier check is robust on purpose: the median and the median absolute deviation (MAD) of the previous values
 * are not moved by the very typo they must catch, nor by a few odd quarters, where a mean and a standard deviation
 * would be. A value is flagged when its modified z-score |x − médiane| / (1,4826 × MAD) passes 3,5 (the threshold
 * of Iglewicz and Hoaglin), with at least four previous values (a year: fewer say nothing of a series) and a
 * spread of at least 10 % of the median, so that a steady series does not flag every small change.
 *
 * A first year has no such history: from two earlier values on, a value at least 5 times their median, or under a
 * fifth of it, is flagged (a slipped zero multiplies by ten); before that, a value at least 10 times the indicator's
 * référence is, when it has no cible (a value above 3 times its cible is flagged at any time). A median of zero says nothing of the scale (an activity that
 * starts), and a gap of one unit is no typo in a small count.
 */
import { plausibilityLabels } from "../labels/catalog";
import { groupBy } from "./collections";
import { insertSorted, median, medianDeviation, middleOf } from "./robust-statistics";
import { formatFrenchNumber } from "./numbers";
import { type ActionSheet, type Indicator, allActions, allIndicators } from "./plan";
import { compareQuarters, measuredQuarters, parseQuarter, quarterLabel, quartersBetween, type Quarter } from "./quarters";
import { type Measurement, type StatusEntry, type Tracking, measurementKey } from "./tracking";
import type { Status } from "./vocabulary";

export type FindingKind =
  | "outlier"
  | "farFromHistory"
  | "farFromReference"
  | "runningTotal"
  | "sharpDrop"
  | "aboveTarget"
  | "belowBaseline"
  | "stuckRate"
  | "doneWithoutValue"
  | "statusBack";

export type FindingPlace = { kind: "value"; indicatorId: string; quarter: Quarter } | { kind: "status"; actionCode: string; quarter: Quarter };

export interface Finding {
  kind: FindingKind;
  place: FindingPlace;
  /** French, a sentence fragment like the domain's other messages. */
  message: string;
  /** The earlier values the check compared with, oldest first, for the pane to show beside the field. */
  previous: { quarter: Quarter; value: number }[];
}

/** Thresholds of the checks, named so that their docs and tests speak of the same numbers. */
export const PLAUSIBILITY = {
  minimumHistory: 4,
  outlierScore: 3.5,
  /** The MAD of a normal distribution is 0.6745 σ: scaled by 1.4826 it estimates σ. */
  madScale: 1.4826,
  minimumSpread: 0.1,
  /** Earlier values enough to compare a value with their median, by ratio. */
  shortHistory: 2,
  historyRatio: 5,
  /** With fewer earlier values than `shortHistory`: a multiple of the référence or the cible. */
  referenceMultiple: 10,
  runningTotalLength: 4,
  runningTotalGrowth: 2.5,
  /** The largest step of a run of running totals is at most this many times its median step. */
  runningTotalStepSpread: 4,
  sharpDrop: 0.5,
  targetMultiple: 3,
  baselineShare: 0.5,
  stuckRateQuarters: 3,
} as const;

const words = plausibilityLabels;

/** `sorted`: the history in increasing order, kept so by the caller (every value of every indicator is judged). */
function robustSpread(sorted: readonly number[]): { median: number; spread: number } {
  const center = middleOf(sorted);
  const mad = medianDeviation(sorted, center);
  return { median: center, spread: Math.max(PLAUSIBILITY.madScale * mad, PLAUSIBILITY.minimumSpread * Math.abs(center), 1) };
}

interface Point {
  quarter: Quarter;
  value: number;
  measurement: Measurement;
}

function display(indicator: Pick<Indicator, "type">, value: number): string {
  return indicator.type === "taux" ? `${formatFrenchNumber(value)}\u00a0%` : formatFrenchNumber(value);
}

/** The same quarter of earlier years: a holiday programme is busy every summer, and that is no outlier. */
function seasonal(points: readonly Point[], at: Point): boolean {
  const index = parseQuarter(at.quarter)?.index;
  const same = points.filter((point) => point !== at && compareQuarters(point.quarter, at.quarter) < 0 && parseQuarter(point.quarter)?.index === index);
  if (same.length === 0) return false;
  const values = same.map((point) => point.value);
  return at.value >= 0.5 * Math.min(...values) && at.value <= 2 * Math.max(...values);
}

/** « 5 fois » or « un cinquième »: how far a value is from the median of its history, when far enough to ask. */
function farRatio(value: number, center: number): "above" | "below" | undefined {
  if (center <= 0 || value < 0 || Math.abs(value - center) <= 1) return undefined;
  if (value >= PLAUSIBILITY.historyRatio * center) return "above";
  if (value * PLAUSIBILITY.historyRatio <= center) return "below";
  return undefined;
}

function indicatorFindings(indicator: Indicator, measurements: readonly Measurement[], statusOf: (quarter: Quarter) => Status | undefined): Finding[] {
  if (indicator.type !== "nombre" && indicator.type !== "montant" && indicator.type !== "taux") return [];
  const points: Point[] = measurements
    .filter((entry): entry is Measurement & { value: number } => typeof entry.value === "number")
    .map((measurement) => ({ quarter: measurement.quarter, value: measurement.value, measurement }))
    .sort((a, b) => compareQuarters(a.quarter, b.quarter));
  const findings: Finding[] = [];
  const id = indicator.id;
  const show = (value: number) => display(indicator, value);
  const flag = (kind: FindingKind, at: Point, message: string, previous: readonly Point[]) =>
    findings.push({
      kind,
      place: { kind: "value", indicatorId: id, quarter: at.quarter },
      message,
      previous: previous.map(({ quarter, value }) => ({ quarter, value })),
    });
  let total = 0;
  let totalFlagged = false;
  let runStart = 0;
  const sortedHistory: number[] = [];
  points.forEach((point, index) => {
    // Built only for a message: most values raise none.
    const history = () => points.slice(0, index);
    const recent = () => points.slice(Math.max(0, index - PLAUSIBILITY.minimumHistory), index);
    let flagged = false;
    if (index >= PLAUSIBILITY.minimumHistory) {
      const { median: center, spread } = robustSpread(sortedHistory);
      if (Math.abs(point.value - center) / spread > PLAUSIBILITY.outlierScore && !seasonal(points, point)) {
        flag(
          "outlier",
          point,
          words.outlier(
            show(point.value),
            id,
            show(center),
            index,
            recent().map((entry) => show(entry.value)),
          ),
          recent(),
        );
        flagged = true;
      }
    }
    if (indicator.aggregation === "somme") {
      // The increasing run this value ends: running totals keep growing, and once a run looked like one, it still does.
      if (index === 0 || point.value <= points[index - 1].value) runStart = index;
      const run = points.slice(runStart, index + 1);
      const first = run[0].value;
      // The steps of running totals are the quarters' own values: of one order of size, unlike a single jump.
      const steps = run.slice(1).map((entry, i) => entry.value - run[i].value);
      const evenSteps = steps.length > 0 && Math.max(...steps) <= PLAUSIBILITY.runningTotalStepSpread * median(steps);
      if (
        run.length >= PLAUSIBILITY.runningTotalLength &&
        first > 0 &&
        evenSteps &&
        run[PLAUSIBILITY.runningTotalLength - 1].value >= PLAUSIBILITY.runningTotalGrowth * first
      ) {
        if (!flagged)
          flag(
            "runningTotal",
            point,
            words.runningTotal(
              id,
              run.slice(-6).map((entry) => show(entry.value)),
            ),
            run.slice(0, -1),
          );
        flagged = true;
      }
      total += point.value;
      if (!totalFlagged && indicator.target !== undefined && indicator.target > 0 && total > PLAUSIBILITY.targetMultiple * indicator.target) {
        totalFlagged = true;
        if (!flagged) flag("aboveTarget", point, words.totalAboveTarget(show(total), id, show(indicator.target)), history());
        flagged = true;
      }
    } else {
      const before = points[index - 1];
      if (
        !flagged &&
        indicator.aggregation === "derniere" &&
        before &&
        before.value > 0 &&
        point.value < PLAUSIBILITY.sharpDrop * before.value &&
        before.value - point.value > 1
      ) {
        flag("sharpDrop", point, words.sharpDrop(id, show(before.value), show(point.value)), [before]);
        flagged = true;
      }
      if (!flagged && indicator.target !== undefined && indicator.target > 0 && point.value > PLAUSIBILITY.targetMultiple * indicator.target) {
        flag("aboveTarget", point, words.aboveTarget(show(point.value), id, show(indicator.target)), recent());
        flagged = true;
      }
      const baseline = indicator.baseline;
      if (
        !flagged &&
        baseline !== undefined &&
        baseline > 0 &&
        point.value < PLAUSIBILITY.baselineShare * baseline &&
        (sortedHistory.length === 0 || sortedHistory[0] > point.value)
      ) {
        flag("belowBaseline", point, words.belowBaseline(show(point.value), id, show(baseline)), recent());
        flagged = true;
      }
    }
    // After the checks that name a cause (a running total, a drop of a last value…): those say more.
    if (!flagged && index >= PLAUSIBILITY.shortHistory) {
      const center = middleOf(sortedHistory);
      const ratio = farRatio(point.value, center);
      if (ratio !== undefined && !seasonal(points, point)) {
        const compared = points.slice(Math.max(0, index - PLAUSIBILITY.minimumHistory), index);
        flag(
          "farFromHistory",
          point,
          words.farFromHistory(
            show(point.value),
            id,
            ratio,
            show(center),
            index,
            compared.map((entry) => show(entry.value)),
          ),
          compared,
        );
        flagged = true;
      }
    }
    // A cible is compared with every value (3 times, above); a référence alone, here, before any history.
    const baseline = indicator.baseline;
    if (
      !flagged &&
      index < PLAUSIBILITY.shortHistory &&
      indicator.target === undefined &&
      baseline !== undefined &&
      baseline > 0 &&
      point.value >= PLAUSIBILITY.referenceMultiple * baseline
    ) {
      flag("farFromReference", point, words.farFromReference(show(point.value), id, show(baseline)), history());
      flagged = true;
    }
    if (!flagged && indicator.type === "taux" && (point.value === 0 || point.value === 100) && statusOf(point.quarter) === "En cours") {
      const run = points.slice(Math.max(0, index - PLAUSIBILITY.stuckRateQuarters + 1), index + 1);
      if (run.length === PLAUSIBILITY.stuckRateQuarters && run.every((entry) => entry.value === point.value)) {
        flag("stuckRate", point, words.stuckRate(id, show(point.value), run.length), run.slice(0, -1));
      }
    }
    insertSorted(sortedHistory, point.value);
  });
  return findings;
}

function statusFindings(actionCode: string, statuses: readonly StatusEntry[]): Finding[] {
  const ordered = statuses.filter((entry) => entry.status !== undefined).sort((a, b) => compareQuarters(a.quarter, b.quarter));
  const findings: Finding[] = [];
  const rank: Partial<Record<Status, number>> = { "À lancer": 0, "En cours": 1, Réalisée: 2 };
  ordered.forEach((entry, index) => {
    const before = ordered[index - 1];
    if (!before || entry.adjustments) return;
    const was = rank[before.status!];
    const now = rank[entry.status!];
    if (was !== undefined && now !== undefined && now < was) {
      findings.push({
        kind: "statusBack",
        place: { kind: "status", actionCode, quarter: entry.quarter },
        message: words.statusBack(actionCode, before.status!, entry.status!),
        previous: [],
      });
    }
  });
  return findings;
}

/** A fiche « Réalisée » in its last quarter with an indicator left empty there: its final result is missing. */
function doneWithoutValueFindings(
  action: ActionSheet,
  statuses: readonly StatusEntry[],
  measured: (indicatorId: string, quarter: Quarter) => boolean,
  hasValue: (indicatorId: string, quarter: Quarter) => boolean,
): Finding[] {
  const actionCode = action.code;
  const last = statuses
    .filter((entry) => entry.status !== undefined)
    .sort((a, b) => compareQuarters(a.quarter, b.quarter))
    .pop();
  if (!last || last.status !== "Réalisée") return [];
  return action.indicators
    .filter((indicator) => measured(indicator.id, last.quarter) && !hasValue(indicator.id, last.quarter))
    .map((indicator) => ({
      kind: "doneWithoutValue" as const,
      place: { kind: "value" as const, indicatorId: indicator.id, quarter: last.quarter },
      message: words.doneWithoutValue(actionCode, quarterLabel(last.quarter), indicator.id),
      previous: [],
    }));
}

export interface PlausibilityScope {
  /** Only the fiches (and their indicators) of these codes; all by default. */
  actionCodes?: ReadonlySet<string>;
  /** Whether an indicator has a row for a quarter (annual indicators are measured once a year). */
  measured?: (indicatorId: string, quarter: Quarter) => boolean;
}

/** Every plausibility finding of a tableau, except on values and statuses marked as verified. */
export function plausibilityFindings(tracking: Tracking, scope: PlausibilityScope = {}): Finding[] {
  const byIndicator = groupBy(tracking.measurements, (entry) => entry.indicatorId);
  const byAction = groupBy(tracking.statuses, (entry) => entry.actionCode);
  const confirmed = new Set([
    ...tracking.measurements
      .filter((entry) => entry.confirmed)
      .map((entry) => placeKey({ kind: "value", indicatorId: entry.indicatorId, quarter: entry.quarter })),
    ...tracking.statuses.filter((entry) => entry.confirmed).map((entry) => placeKey({ kind: "status", actionCode: entry.actionCode, quarter: entry.quarter })),
  ]);
  const values = new Set(tracking.measurements.filter((entry) => entry.value !== undefined).map((entry) => measurementKey(entry.indicatorId, entry.quarter)));
  const measured = scope.measured ?? periodicityOf(tracking);
  const findings: Finding[] = [];
  for (const action of allActions(tracking.plan)) {
    if (scope.actionCodes && !scope.actionCodes.has(action.code)) continue;
    const statuses = byAction.get(action.code) ?? [];
    const statusAt = new Map(statuses.map((entry) => [entry.quarter, entry.status]));
    for (const indicator of action.indicators)
      findings.push(...indicatorFindings(indicator, byIndicator.get(indicator.id) ?? [], (quarter) => statusAt.get(quarter)));
    findings.push(...statusFindings(action.code, statuses));
    findings.push(...doneWithoutValueFindings(action, statuses, measured, (id, quarter) => values.has(measurementKey(id, quarter))));
  }
  return findings.filter((finding) => !confirmed.has(placeKey(finding.place)));
}

/** What the entry form holds for one fiche and one quarter, before it is saved. */
export interface DraftEntry {
  status: StatusEntry;
  measurements: Measurement[];
}

/**
 * The findings of a fiche's quarter as typed in the form: its draft replaces what the tableau holds for that fiche
 * and quarter. Marks of verification are ignored here, so that the form still shows what a mark answers.
 */
export function draftFindings(tracking: Tracking, draft: DraftEntry, scope: Pick<PlausibilityScope, "measured"> = {}): Finding[] {
  const { actionCode, quarter } = draft.status;
  const ids = new Set(draft.measurements.map((entry) => entry.indicatorId));
  const unmarked = <T extends { confirmed?: boolean }>({ confirmed: _confirmed, ...entry }: T): Omit<T, "confirmed"> => entry;
  const whatIf: Tracking = {
    ...tracking,
    statuses: [...tracking.statuses.filter((entry) => entry.actionCode !== actionCode || entry.quarter !== quarter), draft.status].map(unmarked),
    measurements: [...tracking.measurements.filter((entry) => entry.quarter !== quarter || !ids.has(entry.indicatorId)), ...draft.measurements].map(unmarked),
  };
  return plausibilityFindings(whatIf, { ...scope, actionCodes: new Set([actionCode]) }).filter((finding) => finding.place.quarter === quarter);
}

/** Whether an indicator is measured in a quarter, by its periodicity (annual indicators once a year). */
function periodicityOf(tracking: Tracking): (indicatorId: string, quarter: Quarter) => boolean {
  const all = quartersBetween(tracking.plan.convention.start, tracking.plan.convention.end);
  const byId = new Map(allIndicators(tracking.plan).map(({ indicator }) => [indicator.id, new Set(measuredQuarters(indicator.periodicity, all))]));
  return (indicatorId, quarter) => byId.get(indicatorId)?.has(quarter) ?? false;
}

export function placeKey(place: FindingPlace): string {
  return place.kind === "value" ? `v\u0000${place.indicatorId}\u0000${place.quarter}` : `s\u0000${place.actionCode}\u0000${place.quarter}`;
}
