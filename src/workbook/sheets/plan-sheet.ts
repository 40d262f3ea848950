/** « Plan d'actions »: one row per fiche action, in the order of the plan; structure only. */
import { locatedActions } from "../../domain/plan";
import type { Tracking } from "../../domain/tracking";
import { LIST_SEPARATOR } from "../layout";
import type { SheetPlan } from "../sheet-plan";
import { PLAN_SPEC } from "../tableau-columns";
import { specSheet } from "./spec-sheet";

const joinList = (items: readonly string[]) => items.join(LIST_SEPARATOR);

export function planSheet(tracking: Tracking): SheetPlan {
  const rows = locatedActions(tracking.plan).map(({ axis, subAxis, action }) => [
    axis.code,
    axis.title,
    subAxis.code,
    subAxis.title,
    action.code,
    action.title,
    joinList(action.pilots),
    joinList(action.partners),
    joinList(action.fields),
    action.deadline,
    joinList(action.links),
    joinList(action.objectives),
  ]);
  return specSheet(PLAN_SPEC, rows);
}
