/** What users enter each quarter: a status per fiche action and a value per indicator; each year, an evaluation. */
import type { JournalEntry } from "./collection";
import type { Evaluations } from "./evaluation";
import type { Plan } from "./plan";
import type { Quarter } from "./quarters";
import type { Status } from "./vocabulary";

export interface StatusEntry {
  actionCode: string;
  quarter: Quarter;
  status?: Status;
  /** Avancement in percent, 0 to 100. */
  progress?: number;
  achievements?: string;
  difficulties?: string;
  adjustments?: string;
  /** The person checked this entry after a plausibility warning: it is not raised again. */
  confirmed?: boolean;
}

export type MeasurementValue = number | boolean | string;

export interface Measurement {
  indicatorId: string;
  quarter: Quarter;
  value?: MeasurementValue;
  comment?: string;
  /** The person checked this value after a plausibility warning: it is not raised again. */
  confirmed?: boolean;
}

/**
 * An entry whose fiche, indicator or quarter left the plan when the set-up was applied again: kept, never deleted,
 * so that nothing a user typed is lost.
 */
export interface ArchivedEntry {
  /** An evaluation's year is in `quarter`, its fiche's or axe's code in `actionCode`. */
  kind: "statut" | "saisie" | "evaluation-fiche" | "evaluation-axe";
  quarter: string;
  actionCode: string;
  indicatorId?: string;
  /** Title of the fiche or label of the indicator when it was archived. */
  label: string;
  status?: string;
  progress?: number;
  value?: MeasurementValue;
  achievements?: string;
  difficulties?: string;
  adjustments?: string;
  comment?: string;
  effects?: string;
  evidence?: string;
  appreciation?: string;
  synthesis?: string;
  decisions?: string;
}

/** A whole tableau de suivi: the plan and every entry. */
export interface Tracking {
  plan: Plan;
  statuses: StatusEntry[];
  measurements: Measurement[];
  /** Quarters closed after their COPIL: entries can no longer change. */
  lockedQuarters: Quarter[];
  archive: ArchivedEntry[];
  /** The yearly written evaluation (template 1.4); none in an older tableau. */
  evaluations?: Evaluations;
  /** What the partners' returned files brought, merged with `ctg merge` or the pane; oldest first. */
  journal?: JournalEntry[];
}

export function emptyTracking(plan: Plan): Tracking {
  return { plan, statuses: [], measurements: [], lockedQuarters: [], archive: [] };
}

export function statusKey(actionCode: string, quarter: Quarter): string {
  return `${actionCode}\u0000${quarter}`;
}

export function measurementKey(indicatorId: string, quarter: Quarter): string {
  return `${indicatorId}\u0000${quarter}`;
}

export function hasStatusContent(entry: StatusEntry): boolean {
  return entry.status !== undefined || entry.progress !== undefined || Boolean(entry.achievements) || Boolean(entry.difficulties) || Boolean(entry.adjustments);
}

export function hasMeasurementContent(entry: Measurement): boolean {
  return entry.value !== undefined || Boolean(entry.comment);
}
