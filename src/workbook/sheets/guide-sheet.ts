/** « Mode d'emploi »: what to do each quarter, in column A, protected. */
import { formatFrenchDate } from "../../domain/dates";
import type { Tracking } from "../../domain/tracking";
import { frenchTypography, sheetLabels } from "../../labels/catalog";
import { COLORS } from "../formats";
import { type CellValue, type SheetPlan, wrappedRowHeights } from "../sheet-plan";

export function guideSheet(tracking: Tracking): SheetPlan {
  const { convention } = tracking.plan;
  const words = sheetLabels.guide;
  const lines: string[] = [
    words.title(convention.territory),
    words.period(formatFrenchDate(convention.start), formatFrenchDate(convention.end)),
    "",
    ...words.lines,
  ];
  // Guillemets hold their words with non-breaking spaces, so that a line never starts with "»".
  const values: CellValue[][] = lines.map((line) => [frenchTypography(line)]);
  return {
    name: sheetLabels.names.guide,
    visibility: "visible",
    tabColor: COLORS.title,
    values,
    columnWidths: [90],
    rowHeights: wrappedRowHeights(values, [90], new Set([0])),
    styles: [
      { range: { row: 0, col: 0, rows: 1, cols: 1 }, style: { bold: true, fontSize: 14, fontColor: COLORS.title } },
      { range: { row: 0, col: 0, rows: lines.length, cols: 1 }, style: { wrap: true, verticalAlignment: "top" } },
      { range: { row: 3, col: 0, rows: 1, cols: 1 }, style: { bold: true } },
    ],
    validations: [],
    conditionalFormats: [],
    tables: [],
    merges: [],
    protect: true,
    page: { orientation: "portrait", fitToWidth: true },
  };
}
