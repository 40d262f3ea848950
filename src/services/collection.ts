/**
 * Collecting a quarter from the partners, shared by the command line and the task pane: preparing one workbook per
 * pilote (or partner), and merging the returned files into the tableau's entries with nothing overwritten in
 * silence. Neither reads nor writes files: the callers hand over bytes and grids, and write what comes back.
 */
import {
  type CellChange,
  type CollectBy,
  type CollectionScope,
  type EntryPlace,
  type JournalEntry,
  type MergeConflict,
  collectionGroups,
  journalOf,
  planMerge,
  reportingOf,
  structureChecksum,
} from "../domain/collection";
import type { IsoDate } from "../domain/dates";
import { allActions } from "../domain/plan";
import { plausibilityFindings, placeKey } from "../domain/plausibility";
import { isQuarter, quarterLabel, quartersBetween, quarterStart } from "../domain/quarters";
import { Refusal } from "../domain/refusal";
import type { Tracking } from "../domain/tracking";
import { collectionLabels, placeLabels, sentence } from "../labels/catalog";
import { buildCollectionPlan } from "../workbook/collection-workbook";
import type { LocatedIssue } from "../workbook/grid-reader";
import { hasEvaluationSheets } from "../workbook/layout";
import { cellWords } from "../workbook/places";
import { type ReturnedFile, readCollectionIdentity, readReturnedEntries, tableauIdentity } from "../workbook/parse-collection";
import type { Meta } from "../workbook/parse-structure";

export type { ReturnedFile } from "../workbook/parse-collection";
import type { WorkbookPlan } from "../workbook/sheet-plan";

const words = collectionLabels;

/** A tableau read without errors: what a collection is prepared from and merged into. */
export interface SoundTableau {
  tracking: Tracking;
  meta: Meta;
  /** Its file name, told in the prepared files' guide. */
  name: string;
}

export interface PreparedCollection {
  fileName: string;
  person: string;
  actionCodes: string[];
  plan: WorkbookPlan;
}

/** Characters no file system of Windows, macOS or Linux takes in a name, and control characters. */
const UNSAFE_IN_NAMES = /[\\/:*?"<>|\u0000-\u001f]+/g;

/** A person's file name, safe on every file system and short enough for a mail attachment; two people, two names. */
function safeFileName(quarter: string, person: string, taken: Set<string>): string {
  const safe = person.replace(UNSAFE_IN_NAMES, "-").replace(/\s+/g, " ").trim();
  const short = safe.length > 60 ? `${safe.slice(0, 60).trim()}…` : safe;
  let candidate = words.fileName(quarter, short);
  for (let index = 2; taken.has(candidate.toLowerCase()); index++) candidate = words.fileName(quarter, `${short} (${index})`);
  taken.add(candidate.toLowerCase());
  return candidate;
}

/** The quarter's files to write, one per person; refused in French when the quarter cannot be collected. */
export function prepareCollection(tableau: SoundTableau, options: { quarter: string; by: CollectBy; now: Date; today: IsoDate }): PreparedCollection[] {
  const { tracking, meta } = tableau;
  const { quarter } = options;
  const { convention } = tracking.plan;
  if (!isQuarter(quarter) || !quartersBetween(convention.start, convention.end).includes(quarter)) {
    throw new Refusal(isQuarter(quarter) ? words.cli.quarterOutside(quarterLabel(quarter)) : words.cli.badQuarter(quarter));
  }
  if (quarterStart(quarter) > options.today) throw new Refusal(words.cli.quarterNotStarted(quarterLabel(quarter)));
  if (tracking.lockedQuarters.includes(quarter)) throw new Refusal(words.cli.quarterLocked(quarterLabel(quarter)));
  const groups = collectionGroups(tracking.plan, options.by);
  if (groups.length === 0) throw new Refusal(words.cli.nobody(options.by));
  const withEvaluation = hasEvaluationSheets(meta.version);
  const taken = new Set<string>();
  const preparedAt = options.now.toISOString();
  return groups.map((group) => {
    const scope: CollectionScope = {
      ...group,
      conventionId: tableauIdentity(meta, tracking.plan),
      territory: convention.territory,
      quarter,
      by: options.by,
      checksum: structureChecksum(tracking.plan, group.actionCodes, quarter),
      preparedAt,
    };
    return {
      fileName: safeFileName(quarter, group.person, taken),
      person: group.person,
      actionCodes: group.actionCodes,
      plan: buildCollectionPlan(tracking, scope, { tableauName: tableau.name, withEvaluation }),
    };
  });
}

export type FileStatus = "accepted" | "warnings" | "rejected";

export interface FileOutcome {
  file: string;
  status: FileStatus;
  person?: string;
  quarter?: string;
  /** Why the file was rejected, or the errors found in it. */
  reasons: string[];
  changes: CellChange[];
  conflicts: MergeConflict[];
  outOfScope: EntryPlace[];
  /** Plausibility warnings on the values it brings, and warnings of the tableau's rules. */
  warnings: string[];
}

export interface Reporting {
  quarter: string;
  expected: string[];
  returned: string[];
  missing: string[];
}

export interface MergeOutcome {
  files: FileOutcome[];
  /** The tableau's entries with every accepted file's values and the journal's new lines. */
  tracking: Tracking;
  /** The number of values written: nothing to write when it is 0. */
  written: number;
  /** Whether the tableau changes at all (values or the journal's record of a first return). */
  changed: boolean;
  reporting: Reporting[];
}

function rejected(file: string, reasons: string[], scope?: CollectionScope): FileOutcome {
  return {
    file,
    status: "rejected",
    ...(scope ? { person: scope.person, quarter: scope.quarter } : {}),
    reasons,
    changes: [],
    conflicts: [],
    outOfScope: [],
    warnings: [],
  };
}

function issueLine(issue: LocatedIssue): string {
  return placeLabels.located(cellWords(issue.sheet, issue.cell), issue.message);
}

/** The plausibility findings of the merged tracking that are about a value or a status this file wrote. */
function plausibilityWarnings(merged: Tracking, scope: CollectionScope, changes: CellChange[]): string[] {
  const written = new Set(
    changes.flatMap((change) =>
      change.kind === "statut"
        ? [placeKey({ kind: "status", actionCode: change.code, quarter: change.period })]
        : change.kind === "saisie"
          ? [placeKey({ kind: "value", indicatorId: change.code, quarter: change.period })]
          : [],
    ),
  );
  if (written.size === 0) return [];
  return plausibilityFindings(merged, { actionCodes: new Set(scope.actionCodes) })
    .filter((finding) => written.has(placeKey(finding.place)))
    .map((finding) => sentence(finding.message));
}

/**
 * Merges the returned files one after the other into the tableau's entries. A file is rejected whole when it was
 * prepared for another tableau, another quarter than the one asked, a locked quarter or a plan that has changed
 * since, or when an entry of it breaks the tableau's rules: nothing of it is written, and why is said.
 */
export function mergeReturns(
  tableau: SoundTableau,
  files: readonly ReturnedFile[],
  options: { now: Date; today: IsoDate; quarter?: string; by?: CollectBy },
): MergeOutcome {
  const identity = tableauIdentity(tableau.meta, tableau.tracking.plan);
  const codes = new Set(allActions(tableau.tracking.plan).map((action) => action.code));
  const mergedAt = options.now.toISOString();
  let tracking = tableau.tracking;
  const journal: JournalEntry[] = [...(tableau.tracking.journal ?? [])];
  const outcomes: FileOutcome[] = [];
  const quarters = new Map<string, CollectBy>();
  let written = 0;
  let changed = false;
  for (const file of files) {
    if ("unreadable" in file) {
      outcomes.push(rejected(file.name, [file.unreadable]));
      continue;
    }
    const identityReading = readCollectionIdentity(file.grids);
    if (!identityReading.ok) {
      const r = words.reading;
      const reason =
        identityReading.problem === "notACollection"
          ? r.notACollection(file.name)
          : identityReading.problem === "otherFormat"
            ? r.otherFormat(file.name, identityReading.detail)
            : r.metaMissing(file.name, identityReading.detail);
      outcomes.push(rejected(file.name, [reason]));
      continue;
    }
    const { scope } = identityReading;
    const quarter = quarterLabel(scope.quarter);
    if (scope.conventionId !== identity) {
      outcomes.push(rejected(file.name, [words.reading.otherTableau(file.name, scope.territory)], scope));
      continue;
    }
    if (options.quarter && scope.quarter !== options.quarter) {
      outcomes.push(rejected(file.name, [words.reading.otherQuarter(file.name, quarter, quarterLabel(options.quarter))], scope));
      continue;
    }
    if (tracking.lockedQuarters.includes(scope.quarter)) {
      outcomes.push(rejected(file.name, [words.reading.lockedQuarter(file.name, quarter)], scope));
      continue;
    }
    const unknown = scope.actionCodes.filter((code) => !codes.has(code));
    if (unknown.length > 0) {
      outcomes.push(
        rejected(
          file.name,
          unknown.map((code) => words.reading.unknownFiche(file.name, code)),
          scope,
        ),
      );
      continue;
    }
    if (structureChecksum(tracking.plan, scope.actionCodes, scope.quarter) !== scope.checksum) {
      outcomes.push(rejected(file.name, [words.reading.structureChanged(file.name)], scope));
      continue;
    }
    quarters.set(scope.quarter, scope.by);
    const read = readReturnedEntries(file.grids, tracking.plan, { today: options.today, ...(file.cellNotes ? { cellNotes: file.cellNotes } : {}) });
    const errors = read.issues.filter((issue) => issue.severity === "error");
    if (errors.length > 0) {
      outcomes.push(rejected(file.name, [words.reading.hasErrors(errors.length), ...errors.map(issueLine)], scope));
      continue;
    }
    const plan = planMerge(tracking, scope, read.entries);
    const warnings = [...read.issues.filter((issue) => issue.severity === "warning").map(issueLine), ...plausibilityWarnings(plan.merged, scope, plan.changes)];
    const alreadyReturned = journal.some((entry) => entry.kind === "retour" && entry.person === scope.person && entry.period === scope.quarter);
    // A file merged again brings nothing new: the tableau, journal included, stays as it was.
    if (plan.changes.length > 0 || !alreadyReturned) {
      journal.push(...journalOf(plan, { file: file.name, person: scope.person, quarter: scope.quarter, mergedAt }));
      changed = true;
    }
    tracking = plan.merged;
    written += plan.changes.length;
    outcomes.push({
      file: file.name,
      status: warnings.length > 0 ? "warnings" : "accepted",
      person: scope.person,
      quarter: scope.quarter,
      reasons: [],
      changes: plan.changes,
      conflicts: plan.conflicts,
      outOfScope: plan.outOfScope,
      warnings,
    });
  }
  const result: Tracking = changed ? { ...tracking, journal } : tableau.tracking;
  // With no file of the asked quarter accepted, whom it awaits depends on how it was collected: the caller says.
  if (options.quarter && !quarters.has(options.quarter)) quarters.set(options.quarter, options.by ?? "pilote");
  const reporting = [...quarters]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([quarter, by]) => {
      const { expected, returned } = reportingOf(result, quarter, by);
      return { quarter, expected, returned, missing: expected.filter((person) => !returned.includes(person)) };
    });
  return { files: outcomes, tracking: result, written, changed, reporting };
}
