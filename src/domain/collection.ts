/**
 * Collecting a quarter's entries from the partners without shared accounts: one small workbook per pilote (or
 * partner) holding only their fiches, returned by email, merged back into the tableau. Merging never overwrites in
 * silence: a cell the tableau already holds with another value is a conflict, shown with both values, for the
 * chargé de coopération to decide; a value equal to the tableau's changes nothing, so merging twice is harmless.
 * Every merged value is written in the tableau's journal with where it came from.
 */
import { type AxisEvaluation, type FicheEvaluation, evaluationKey } from "./evaluation";
import { allActions, type Plan } from "./plan";
import { parseQuarter, type Quarter } from "./quarters";
import { type Measurement, type MeasurementValue, type StatusEntry, type Tracking, measurementKey, statusKey } from "./tracking";

export type CollectBy = "pilote" | "partenaire";

/** One person's share of a quarter's collection: the fiches they pilot (or partner). */
export interface CollectionGroup {
  person: string;
  actionCodes: string[];
}

/** What a prepared file says it is for, kept hidden in it and checked at the merge. */
export interface CollectionScope extends CollectionGroup {
  conventionId: string;
  territory: string;
  quarter: Quarter;
  by: CollectBy;
  /** The structure the file was prepared for (fiches, indicators and their types): a changed plan is not merged. */
  checksum: string;
  preparedAt: string;
}

/** Each person named as pilote (or partner) of a fiche, with their fiches in the order of the plan. */
export function collectionGroups(plan: Plan, by: CollectBy): CollectionGroup[] {
  const groups = new Map<string, string[]>();
  for (const action of allActions(plan)) {
    const people = by === "pilote" ? action.pilots : action.partners;
    for (const person of people.map((name) => name.trim()).filter(Boolean)) groups.set(person, [...(groups.get(person) ?? []), action.code]);
  }
  return [...groups].map(([person, actionCodes]) => ({ person, actionCodes }));
}

/** A short fingerprint of what a prepared file's rows depend on: its fiches, their indicators and their types. */
export function structureChecksum(plan: Plan, actionCodes: readonly string[], quarter: Quarter): string {
  const codes = new Set(actionCodes);
  const text = [
    quarter,
    ...allActions(plan)
      .filter((action) => codes.has(action.code))
      .map((action) => `${action.code}:${action.indicators.map((indicator) => `${indicator.id}/${indicator.type}/${indicator.periodicity}`).join(",")}`),
  ].join("\u0000");
  let hash = 0x811c9dc5;
  for (const char of text) hash = Math.imul(hash ^ char.codePointAt(0)!, 0x01000193) >>> 0;
  return hash.toString(16).padStart(8, "0");
}

/** The entries a returned file holds, read with the tableau's rules. */
export interface ReturnedEntries {
  statuses: StatusEntry[];
  measurements: Measurement[];
  evaluations: FicheEvaluation[];
}

export type EntryKind = "statut" | "saisie" | "evaluation";

/** Where a value goes in the tableau: a fiche's quarter, an indicator's quarter, a fiche's year. */
export interface EntryPlace {
  kind: EntryKind;
  /** The fiche's code (statut, évaluation) or the indicator's identifier (saisie). */
  code: string;
  /** `2026-T4`, or the year of an evaluation. */
  period: string;
  /** The field's key in its entry (`status`, `progress`, `value`, `effects`…). */
  field: string;
}

export type MergedValue = MeasurementValue;

export interface CellChange extends EntryPlace {
  before?: MergedValue;
  after: MergedValue;
}

export interface MergeConflict extends EntryPlace {
  inTableau: MergedValue;
  returned: MergedValue;
}

export interface MergePlan {
  changes: CellChange[];
  conflicts: MergeConflict[];
  /** Entries for fiches or quarters the file was not prepared for: refused, never written. */
  outOfScope: EntryPlace[];
  /** The tracking with the changes applied. */
  merged: Tracking;
}

const STATUS_FIELDS = ["status", "progress", "achievements", "difficulties", "adjustments", "confirmed"] as const;
const MEASUREMENT_FIELDS = ["value", "comment", "confirmed"] as const;
const EVALUATION_FIELDS = ["effects", "evidence", "appreciation", "adjustments"] as const;

function same(a: MergedValue | undefined, b: MergedValue | undefined): boolean {
  if (typeof a === "number" && typeof b === "number") return Math.abs(a - b) < 1e-9;
  return a === b;
}

/**
 * Compares each field a returned file fills with the tableau's: an empty tableau cell takes the value, an equal
 * one changes nothing, a different one is a conflict left as it is. An empty returned field is no answer: it never
 * clears what the tableau holds.
 */
function mergeFields<T extends object>(
  place: Omit<EntryPlace, "field">,
  fields: readonly (keyof T & string)[],
  current: T | undefined,
  returned: T,
  plan: MergePlan,
): T | undefined {
  let result: T | undefined = current;
  for (const field of fields) {
    const after = returned[field] as MergedValue | undefined;
    if (after === undefined || after === "") continue;
    const before = current?.[field] as MergedValue | undefined;
    if (same(before, after)) continue;
    if (before !== undefined && before !== "") {
      plan.conflicts.push({ ...place, field, inTableau: before, returned: after });
      continue;
    }
    result = { ...(result ?? ({} as T)), ...({ [field]: after } as Partial<T>) } as T;
    plan.changes.push({ ...place, field, after });
  }
  return result;
}

/** Plans the merge of one returned file into `tracking`, within the scope it was prepared for. */
export function planMerge(tracking: Tracking, scope: Pick<CollectionScope, "quarter" | "actionCodes">, returned: ReturnedEntries): MergePlan {
  const codes = new Set(scope.actionCodes);
  const owners = new Map(allActions(tracking.plan).flatMap((action) => action.indicators.map((indicator) => [indicator.id, action.code] as const)));
  const year = parseQuarter(scope.quarter)?.year;
  const plan: MergePlan = { changes: [], conflicts: [], outOfScope: [], merged: tracking };
  const statuses = new Map(tracking.statuses.map((entry) => [statusKey(entry.actionCode, entry.quarter), entry]));
  const measurements = new Map(tracking.measurements.map((entry) => [measurementKey(entry.indicatorId, entry.quarter), entry]));
  const evaluations = new Map((tracking.evaluations?.fiches ?? []).map((entry) => [evaluationKey(entry.actionCode, entry.year), entry]));

  for (const entry of returned.statuses) {
    const place = { kind: "statut" as const, code: entry.actionCode, period: entry.quarter };
    if (!codes.has(entry.actionCode) || entry.quarter !== scope.quarter) {
      plan.outOfScope.push({ ...place, field: "status" });
      continue;
    }
    const key = statusKey(entry.actionCode, entry.quarter);
    const merged = mergeFields<StatusEntry>(place, STATUS_FIELDS, statuses.get(key), entry, plan);
    if (merged) statuses.set(key, { ...merged, actionCode: entry.actionCode, quarter: entry.quarter });
  }
  for (const entry of returned.measurements) {
    const place = { kind: "saisie" as const, code: entry.indicatorId, period: entry.quarter };
    if (!codes.has(owners.get(entry.indicatorId) ?? "") || entry.quarter !== scope.quarter) {
      plan.outOfScope.push({ ...place, field: "value" });
      continue;
    }
    const key = measurementKey(entry.indicatorId, entry.quarter);
    const merged = mergeFields<Measurement>(place, MEASUREMENT_FIELDS, measurements.get(key), entry, plan);
    if (merged) measurements.set(key, { ...merged, indicatorId: entry.indicatorId, quarter: entry.quarter });
  }
  for (const entry of returned.evaluations) {
    const place = { kind: "evaluation" as const, code: entry.actionCode, period: String(entry.year) };
    if (!codes.has(entry.actionCode) || entry.year !== year) {
      plan.outOfScope.push({ ...place, field: "effects" });
      continue;
    }
    const key = evaluationKey(entry.actionCode, entry.year);
    const merged = mergeFields<FicheEvaluation>(place, EVALUATION_FIELDS, evaluations.get(key), entry, plan);
    if (merged) evaluations.set(key, { ...merged, actionCode: entry.actionCode, year: entry.year });
  }
  if (plan.changes.length > 0) {
    const axes: AxisEvaluation[] = tracking.evaluations?.axes ?? [];
    plan.merged = {
      ...tracking,
      statuses: [...statuses.values()],
      measurements: [...measurements.values()],
      evaluations: { fiches: [...evaluations.values()], axes },
    };
  }
  return plan;
}

/**
 * One line of the tableau's journal: a value a merge wrote, where it came from and what it replaced; or, kind
 * `retour`, a returned file merged (its `after` is the number of values it brought), so that a file whose values the
 * tableau already held still counts as returned.
 */
export interface JournalEntry extends Omit<EntryPlace, "kind"> {
  kind: EntryKind | "retour";
  /** ISO timestamp of the merge. */
  mergedAt: string;
  file: string;
  person: string;
  before?: MergedValue;
  after: MergedValue;
}

/** The people of a quarter's collection and those whose file has been merged (in the journal) for it. */
export function reportingOf(tracking: Tracking, quarter: Quarter, by: CollectBy = "pilote"): { expected: string[]; returned: string[] } {
  const expected = collectionGroups(tracking.plan, by).map((group) => group.person);
  const returned = new Set((tracking.journal ?? []).filter((entry) => entry.kind === "retour" && entry.period === quarter).map((entry) => entry.person));
  return { expected, returned: expected.filter((person) => returned.has(person)) };
}

/** One returned file merged into the tableau, as a bilan's annex lists it. */
export interface ReturnProvenance {
  mergedAt: string;
  person: string;
  file: string;
  quarter: Quarter;
  /** How many values it brought. */
  values: number;
}

/** The returned files merged for the given quarters, in the order they were merged. */
export function provenanceOf(tracking: Tracking, quarters: ReadonlySet<Quarter>): ReturnProvenance[] {
  return (tracking.journal ?? [])
    .filter((entry) => entry.kind === "retour" && quarters.has(entry.period))
    .map((entry) => ({
      mergedAt: entry.mergedAt,
      person: entry.person,
      file: entry.file,
      quarter: entry.period,
      values: typeof entry.after === "number" ? entry.after : Number(entry.after) || 0,
    }));
}

/** The journal lines of one merged file: each value it wrote, and the file itself. */
export function journalOf(plan: MergePlan, source: { file: string; person: string; quarter: Quarter; mergedAt: string }): JournalEntry[] {
  return [
    {
      kind: "retour",
      code: "",
      period: source.quarter,
      field: "",
      mergedAt: source.mergedAt,
      file: source.file,
      person: source.person,
      after: plan.changes.length,
    },
    ...plan.changes.map((change) => ({ ...change, mergedAt: source.mergedAt, file: source.file, person: source.person })),
  ];
}
