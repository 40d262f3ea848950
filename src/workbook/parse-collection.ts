/**
 * Reads back a collection file a partner returns: its hidden identity (what it was prepared for) and, with the
 * tableau's plan and rules, the entries typed in its sheets. Whether it may be merged is decided by the caller
 * (src/services/collection.ts), which knows the tableau.
 */
import type { CollectBy, CollectionScope, ReturnedEntries } from "../domain/collection";
import type { IsoDate } from "../domain/dates";
import type { Plan } from "../domain/plan";
import { isQuarter } from "../domain/quarters";
import { collectionLabels } from "../labels/catalog";
import { COLLECTION_KEYS, COLLECTION_VERSION } from "./collection-workbook";
import { type LocatedIssue, textAt } from "./grid-reader";
import { META_KEYS, SHEETS } from "./layout";
import { type CellNotes, readEntrySheets } from "./parse-tableau";
import type { Grids, Meta } from "./parse-structure";

/** A returned file as read by the caller: its grids, or why it could not be read at all. */
export type ReturnedFile = { name: string; grids: Grids; cellNotes?: Record<string, CellNotes | undefined> } | { name: string; unreadable: string };

/** The sheets a collection file is read from. */
export const COLLECTION_SHEETS: string[] = [SHEETS.tracking, SHEETS.measurements, SHEETS.ficheEvaluation, collectionLabels.names.meta];

export type IdentityReading =
  | { ok: true; scope: CollectionScope; tableauName: string; withEvaluation: boolean }
  | { ok: false; problem: "notACollection" | "otherFormat" | "incomplete"; detail: string };

export function readCollectionIdentity(grids: Grids): IdentityReading {
  const grid = grids[collectionLabels.names.meta];
  if (!grid) return { ok: false, problem: "notACollection", detail: "" };
  const values = new Map<string, string>();
  for (let row = 1; row < grid.length; row++) {
    const key = textAt(grid, row, 0);
    if (key) values.set(key, textAt(grid, row, 1));
  }
  const k = COLLECTION_KEYS;
  if (values.get(k.format) !== collectionLabels.format) return { ok: false, problem: "notACollection", detail: "" };
  const version = values.get(k.version) ?? "";
  if (version !== COLLECTION_VERSION) return { ok: false, problem: "otherFormat", detail: version };
  for (const key of [k.conventionId, k.quarter, k.by, k.person, k.actionCodes, k.checksum]) {
    if (!values.get(key)) return { ok: false, problem: "incomplete", detail: key };
  }
  const quarter = values.get(k.quarter)!;
  const by = values.get(k.by)!;
  if (!isQuarter(quarter)) return { ok: false, problem: "incomplete", detail: k.quarter };
  if (by !== "pilote" && by !== "partenaire") return { ok: false, problem: "incomplete", detail: k.by };
  return {
    ok: true,
    scope: {
      conventionId: values.get(k.conventionId)!,
      territory: values.get(k.territory) ?? "",
      quarter,
      by: by as CollectBy,
      person: values.get(k.person)!,
      actionCodes: values
        .get(k.actionCodes)!
        .split(",")
        .map((code) => code.trim())
        .filter(Boolean),
      checksum: values.get(k.checksum)!,
      preparedAt: values.get(k.preparedAt) ?? "",
    },
    tableauName: values.get(k.tableau) ?? "",
    withEvaluation: values.get(k.evaluation) === "oui",
  };
}

/**
 * What names a tableau across files: the convention's identifier (template 1.1 on); for an older tableau, its
 * territory and start, which it keeps until an update gives it an identifier.
 */
export function tableauIdentity(meta: Meta, plan: Plan): string {
  return meta.values[META_KEYS.conventionId] || `${plan.convention.territory}|${plan.convention.start}`;
}

/** The entries a returned file holds, read with the tableau's plan: those of fiches it does not cover come too, to be refused by name. */
export function readReturnedEntries(
  grids: Grids,
  plan: Plan,
  options: { today: IsoDate; cellNotes?: Record<string, CellNotes | undefined> },
): { entries: ReturnedEntries; issues: LocatedIssue[] } {
  const read = readEntrySheets(grids, plan, options);
  return { entries: { statuses: read.statuses, measurements: read.measurements, evaluations: read.evaluations }, issues: read.issues };
}
