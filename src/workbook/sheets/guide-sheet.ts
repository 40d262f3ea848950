/** « Mode d'emploi »: what to do each quarter, in column A, protected. */
import { formatFrenchDate } from "../../domain/dates";
import type { Tracking } from "../../domain/tracking";
import { sheetLabels } from "../../labels/catalog";
import type { SheetPlan } from "../sheet-plan";
import { guideLinesSheet } from "./text-sheets";

export function guideSheet(tracking: Tracking): SheetPlan {
  const { convention } = tracking.plan;
  const words = sheetLabels.guide;
  const lines: string[] = [
    words.title(convention.territory),
    words.period(formatFrenchDate(convention.start), formatFrenchDate(convention.end)),
    "",
    ...words.lines,
  ];
  return guideLinesSheet(sheetLabels.names.guide, lines, { width: 90, boldRows: [3] });
}
