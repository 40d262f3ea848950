/** Applying a new plan to a tableau that already holds entries: structure follows the plan, entries are kept. */
import { type Evaluations, NO_EVALUATIONS, conventionYears } from "./evaluation";
import { allActions, allIndicators, type Plan } from "./plan";
import { measuredQuarters, quartersBetween } from "./quarters";
import type { ArchivedEntry, Tracking } from "./tracking";

export interface RebaseResult {
  tracking: Tracking;
  /** Entries moved to the archive because their fiche, indicator or quarter is no longer in the plan. */
  newlyArchived: ArchivedEntry[];
}

export function rebaseTracking(plan: Plan, previous: Tracking): RebaseResult {
  const quarters = quartersBetween(plan.convention.start, plan.convention.end);
  const quarterSet = new Set(quarters);
  const actionCodes = new Set(allActions(plan).map((action) => action.code));
  const indicatorQuarters = new Map(allIndicators(plan).map(({ indicator }) => [indicator.id, new Set(measuredQuarters(indicator.periodicity, quarters))]));
  const previousTitles = new Map(allActions(previous.plan).map((action) => [action.code, action.title]));
  const previousLabels = new Map(allIndicators(previous.plan).map(({ indicator }) => [indicator.id, indicator.label]));

  const newlyArchived: ArchivedEntry[] = [];
  const statuses = previous.statuses.filter((entry) => {
    if (actionCodes.has(entry.actionCode) && quarterSet.has(entry.quarter)) return true;
    newlyArchived.push({
      kind: "statut",
      quarter: entry.quarter,
      actionCode: entry.actionCode,
      label: previousTitles.get(entry.actionCode) ?? "",
      ...pick(entry, ["status", "progress", "achievements", "difficulties", "adjustments"]),
    });
    return false;
  });
  const owners = new Map(allIndicators(previous.plan).map(({ action, indicator }) => [indicator.id, action.code]));
  const measurements = previous.measurements.filter((entry) => {
    if (indicatorQuarters.get(entry.indicatorId)?.has(entry.quarter)) return true;
    newlyArchived.push({
      kind: "saisie",
      quarter: entry.quarter,
      actionCode: owners.get(entry.indicatorId) ?? "",
      indicatorId: entry.indicatorId,
      label: previousLabels.get(entry.indicatorId) ?? "",
      ...pick(entry, ["value", "comment"]),
    });
    return false;
  });
  const evaluations = rebaseEvaluations(plan, previous, newlyArchived);
  return {
    tracking: {
      plan,
      statuses,
      measurements,
      lockedQuarters: previous.lockedQuarters.filter((quarter) => quarterSet.has(quarter)),
      archive: [...previous.archive, ...newlyArchived],
      ...(previous.evaluations ? { evaluations } : {}),
      ...(previous.journal ? { journal: previous.journal } : {}),
    },
    newlyArchived,
  };
}

/** The evaluations whose fiche, axe or year the plan still has; the others go to the archive. */
function rebaseEvaluations(plan: Plan, previous: Tracking, archived: ArchivedEntry[]): Evaluations {
  const years = new Set(conventionYears(plan.convention));
  const actionCodes = new Set(allActions(plan).map((action) => action.code));
  const axisCodes = new Set(plan.axes.map((axis) => axis.code));
  const previousTitles = new Map(allActions(previous.plan).map((action) => [action.code, action.title]));
  const previousAxes = new Map(previous.plan.axes.map((axis) => [axis.code, axis.title]));
  const { fiches, axes } = previous.evaluations ?? NO_EVALUATIONS;
  return {
    fiches: fiches.filter((entry) => {
      if (actionCodes.has(entry.actionCode) && years.has(entry.year)) return true;
      archived.push({
        kind: "evaluation-fiche",
        quarter: String(entry.year),
        actionCode: entry.actionCode,
        label: previousTitles.get(entry.actionCode) ?? "",
        ...pick(entry, ["effects", "evidence", "appreciation", "adjustments"]),
      });
      return false;
    }),
    axes: axes.filter((entry) => {
      if (axisCodes.has(entry.axisCode) && years.has(entry.year)) return true;
      archived.push({
        kind: "evaluation-axe",
        quarter: String(entry.year),
        actionCode: entry.axisCode,
        label: previousAxes.get(entry.axisCode) ?? "",
        ...pick(entry, ["synthesis", "decisions"]),
      });
      return false;
    }),
  };
}

function pick<T extends object, K extends keyof T>(source: T, keys: K[]): Partial<Pick<T, K>> {
  const out: Partial<Pick<T, K>> = {};
  for (const key of keys) if (source[key] !== undefined) out[key] = source[key];
  return out;
}
