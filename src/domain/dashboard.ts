/**
 * What the tableau de bord shows for a quarter: statuses per axe, late fiches and how complete the quarter's
 * entries are. The bilans build on the same figures.
 */
import { bilanLabels } from "../labels/catalog";
import { deadlineYear, locatedActions, allIndicators, type ActionSheet, type Axis } from "./plan";
import { type IsoDate, yearOf } from "./dates";
import { compareQuarters, earlier, measuredQuarters, quarterEnd, quarterEnded, quartersBetween, type Quarter } from "./quarters";
import { type StatusEntry, type Tracking, hasMeasurementContent } from "./tracking";
import { CLOSED_STATUSES, STATUSES, type Status } from "./vocabulary";

export const NOT_ENTERED = bilanLabels.notEntered;
export type StatusOrNone = Status | typeof NOT_ENTERED;

export type StatusCounts = Record<StatusOrNone, number>;

export interface ActionState {
  action: ActionSheet;
  axis: Axis;
  /** The latest status entered at or before the quarter, with the quarter it was entered in. */
  latest?: StatusEntry;
  /** The status entered for this quarter, or « non renseigné »: an earlier quarter's is never counted as this one's. */
  status: StatusOrNone;
  late: boolean;
}

export interface QuarterBoard {
  quarter: Quarter;
  /** The date the board is true at: today, or the end of the quarter if it is over. */
  asOf: IsoDate;
  overall: StatusCounts;
  perAxis: { axis: Axis; counts: StatusCounts }[];
  actions: ActionState[];
  late: ActionState[];
  completeness: {
    actionsWithStatus: number;
    actions: number;
    indicatorsFilled: number;
    indicatorsExpected: number;
    /** Whether the quarter is over: an open quarter's blanks are still to come, not missing. */
    ended: boolean;
  };
}

export function emptyCounts(): StatusCounts {
  return Object.fromEntries([...STATUSES, NOT_ENTERED].map((status) => [status, 0])) as StatusCounts;
}

/**
 * Late at `asOf`: the échéance (the end of its year) has passed on that date, and the fiche's last known status is
 * neither Réalisée nor Abandonnée.
 */
export function isLate(action: ActionSheet, status: StatusOrNone, asOf: IsoDate): boolean {
  const year = deadlineYear(action.deadline);
  if (year === undefined) return false;
  if (status !== NOT_ENTERED && CLOSED_STATUSES.includes(status)) return false;
  return yearOf(asOf) > year;
}

/** The board of a quarter as it stands on `today` (every figure as of today, or the end of the quarter if earlier). */
export function quarterBoard(tracking: Tracking, quarter: Quarter, today: IsoDate): QuarterBoard {
  const asOf = earlier(today, quarterEnd(quarter));
  const latestByAction = new Map<string, StatusEntry>();
  for (const entry of tracking.statuses) {
    if (entry.status === undefined || compareQuarters(entry.quarter, quarter) > 0) continue;
    const known = latestByAction.get(entry.actionCode);
    if (!known || compareQuarters(entry.quarter, known.quarter) > 0) latestByAction.set(entry.actionCode, entry);
  }
  const overall = emptyCounts();
  const perAxis = tracking.plan.axes.map((axis) => ({ axis, counts: emptyCounts() }));
  const actions: ActionState[] = locatedActions(tracking.plan).map(({ axis, action }) => {
    const latest = latestByAction.get(action.code);
    const status: StatusOrNone = latest && latest.quarter === quarter ? latest.status! : NOT_ENTERED;
    overall[status]++;
    perAxis.find((entry) => entry.axis === axis)!.counts[status]++;
    return { action, axis, ...(latest ? { latest } : {}), status, late: isLate(action, latest?.status ?? NOT_ENTERED, asOf) };
  });
  const quarters = quartersBetween(tracking.plan.convention.start, tracking.plan.convention.end);
  const expected = allIndicators(tracking.plan).filter(({ indicator }) => measuredQuarters(indicator.periodicity, quarters).includes(quarter));
  const filled = new Set(
    tracking.measurements
      .filter((entry) => entry.quarter === quarter && entry.value !== undefined && hasMeasurementContent(entry))
      .map((entry) => entry.indicatorId),
  );
  return {
    quarter,
    asOf,
    overall,
    perAxis,
    actions,
    late: actions.filter((state) => state.late),
    completeness: {
      actionsWithStatus: new Set(tracking.statuses.filter((entry) => entry.quarter === quarter && entry.status !== undefined).map((entry) => entry.actionCode))
        .size,
      actions: actions.length,
      indicatorsFilled: expected.filter(({ indicator }) => filled.has(indicator.id)).length,
      indicatorsExpected: expected.length,
      ended: quarterEnded(quarter, today),
    },
  };
}
