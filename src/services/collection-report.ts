/** The merge of returned files told to the user: French lines for the terminal and the pane, and a JSON report. */
import type { EntryPlace, MergedValue } from "../domain/collection";
import { formatFrenchDate } from "../domain/dates";
import { quarterLabel } from "../domain/quarters";
import { collectionLabels, frenchNumber, frenchPercent, vocabularyLabels } from "../labels/catalog";
import type { FileOutcome, MergeOutcome } from "./collection";

const r = collectionLabels.report;

/** A value as the report shows it: an avancement as a percentage, numbers with a decimal comma, yes / no in words. */
export function shownValue(value: MergedValue | undefined, field = ""): string {
  if (value === undefined || value === "") return r.empty;
  if (typeof value === "boolean") return value ? vocabularyLabels.yesNo[0] : vocabularyLabels.yesNo[1];
  if (typeof value === "number") return field === "progress" ? frenchPercent(value) : frenchNumber(value);
  return value.length > 80 ? `${value.slice(0, 80)}…` : value;
}

export function placeWords(place: Omit<EntryPlace, "field">): string {
  switch (place.kind) {
    case "statut":
      return r.whereStatus(place.code, quarterLabel(place.period));
    case "saisie":
      return r.whereMeasurement(place.code, quarterLabel(place.period));
    case "evaluation":
      return r.whereEvaluation(place.code, place.period);
  }
}

function fieldWords(field: string): string {
  return collectionLabels.fields[field] ?? field;
}

/** One file's verdict and, under it, each value written, each conflict, each refused entry, each warning. */
export function fileLines(outcome: FileOutcome): string[] {
  const person = outcome.person ?? "";
  if (outcome.status === "rejected") return [r.rejected(outcome.file), ...outcome.reasons.map(r.reason)];
  const head =
    outcome.status === "warnings"
      ? r.acceptedWithWarnings(outcome.file, person, outcome.changes.length, outcome.warnings.length)
      : r.accepted(outcome.file, person, outcome.changes.length);
  return [
    head,
    ...outcome.changes.map((change) =>
      r.change(placeWords(change), fieldWords(change.field), shownValue(change.before, change.field), shownValue(change.after, change.field)),
    ),
    ...outcome.conflicts.map((conflict) =>
      r.conflict(
        placeWords(conflict),
        fieldWords(conflict.field),
        shownValue(conflict.inTableau, conflict.field),
        shownValue(conflict.returned, conflict.field),
      ),
    ),
    ...outcome.outOfScope.map((place) => r.outOfScope(placeWords(place))),
    ...outcome.warnings.map((warning) => r.reason(warning)),
  ];
}

export function mergeReportLines(outcome: MergeOutcome, tableau: string, now: Date): string[] {
  const lines = [r.title(tableau, formatFrenchDate(now.toISOString().slice(0, 10))), ...outcome.files.flatMap(fileLines)];
  for (const reporting of outcome.reporting) {
    lines.push(r.rate(reporting.returned.length, reporting.expected.length), r.missing(quarterLabel(reporting.quarter), reporting.missing));
  }
  const conflicts = outcome.files.reduce((sum, file) => sum + file.conflicts.length, 0);
  if (conflicts > 0) lines.push(r.conflictsLeft(conflicts));
  return lines;
}

/** The report as data, for a chargé's own tools: every file, value, conflict and refusal, in the catalogue's words too. */
export function mergeReportJson(outcome: MergeOutcome, tableau: string, now: Date): unknown {
  return {
    tableau,
    mergedAt: now.toISOString(),
    written: outcome.written,
    files: outcome.files.map((file) => ({
      file: file.file,
      status: file.status,
      ...(file.person ? { person: file.person } : {}),
      ...(file.quarter ? { quarter: file.quarter } : {}),
      reasons: file.reasons,
      changes: file.changes.map((change) => ({ ...change, before: change.before ?? null })),
      conflicts: file.conflicts,
      outOfScope: file.outOfScope,
      warnings: file.warnings,
      lines: fileLines(file),
    })),
    reporting: outcome.reporting,
  };
}
