/** The set-up of a tableau: first creation, or a new plan applied to a tableau that already holds entries. */
import type { IsoDate } from "../domain/dates";
import { EXIT_CODES, Refusal } from "../domain/refusal";
import { entryLabels, sheetLabels } from "../labels/catalog";
import type { Plan } from "../domain/plan";
import { rebaseTracking } from "../domain/rebase";
import { sameTerritory } from "../domain/consolidation";
import { type ArchivedEntry, type Tracking, emptyTracking } from "../domain/tracking";
import { buildTableauPlan } from "./build-tableau";
import { META_KEYS } from "./layout";
import type { TableauReading } from "./parse-tableau";
import { type SheetAlignment, carryForeignCells } from "./foreign-cells";
import type { Grids } from "./parse-structure";
import type { WorkbookPlan } from "./sheet-plan";

export interface SetupResult {
  workbookPlan: WorkbookPlan;
  tracking: Tracking;
  newlyArchived: ArchivedEntry[];
  /** French: columns people added among the product's, now after them. */
  moved: string[];
  /** Where each existing sheet's old cells are in the new plan (what is anchored to a cell moves with it). */
  alignments: Map<string, SheetAlignment>;
  /** The plan is another territory's than the tableau's: the tableau got a convention identifier of its own. */
  newIdentity?: boolean;
}

/** An update that would lose an entry or a cell people added: the tableau is left as it was. */
export class SetupRefused extends Refusal {
  constructor(reason: string) {
    super(entryLabels.updateRefused(reason), EXIT_CODES.problems);
  }
}

/**
 * Builds the workbook plan for `plan`, keeping every entry of `existing` when the workbook already holds a tableau.
 * Refuses when the existing entries have errors: an entry that cannot be read could not be carried over, and it
 * must never be dropped silently. `clock.today` decides which quarters have begun: the rows of the others are
 * locked, and those that began since the last set-up open.
 */
export function planSetup(plan: Plan, existing: TableauReading | undefined, clock: { now: string; today: IsoDate }, grids?: Grids): SetupResult {
  const { now, today } = clock;
  if (!existing) {
    const tracking = emptyTracking(plan);
    return { workbookPlan: buildTableauPlan(tracking, { now, today }), tracking, newlyArchived: [], moved: [], alignments: new Map() };
  }
  const errors = existing.issues.filter((issue) => issue.severity === "error");
  if (errors.length > 0 || !existing.tracking) {
    const listed = errors
      .slice(0, 10)
      .map((issue) => sheetLabels.update.listedIssue(issue.sheet, issue.cell, issue.message))
      .join("\n");
    const more = errors.length > 10 ? sheetLabels.update.moreIssues(errors.length - 10) : "";
    throw new SetupRefused(sheetLabels.update.errorsFirst(errors.length, listed, more));
  }
  const { tracking, newlyArchived } = rebaseTracking(plan, existing.tracking);
  const createdAt = existing.meta?.values[META_KEYS.createdAt];
  // A tableau started from a copy of another territory's carries its identifier: the plan of another territory
  // gives it one of its own, or the consolidation would take one territory for the other.
  const previous = {
    territory: existing.meta?.values[META_KEYS.territory] || existing.tracking.plan.convention.territory,
    code: existing.meta?.values[META_KEYS.inseeOrSiren] || existing.tracking.plan.convention.inseeOrSiren,
  };
  const newIdentity = !sameTerritory(previous, { territory: plan.convention.territory, code: plan.convention.inseeOrSiren });
  const conventionId = newIdentity ? undefined : existing.meta?.values[META_KEYS.conventionId];
  const built = buildTableauPlan(tracking, { now, today, ...(createdAt ? { createdAt } : {}), ...(conventionId ? { conventionId } : {}) });
  if (!grids) return { workbookPlan: built, tracking, newlyArchived, moved: [], alignments: new Map(), newIdentity };
  // What people added to the tableau's sheets goes along, or the update does not run.
  const carried = carryForeignCells(built, grids);
  if (carried.refusals.length > 0) throw new SetupRefused(sheetLabels.update.refusals(carried.refusals));
  return { workbookPlan: carried.plan, tracking, newlyArchived, moved: carried.moved, alignments: carried.alignments, newIdentity };
}
