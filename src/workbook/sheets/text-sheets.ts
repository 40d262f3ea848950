/** Two simple sheet shapes the tableau and the collection files share: a guide to read and a hidden key-value list. */
import { frenchTypography } from "../../labels/catalog";
import { COLORS } from "../formats";
import { type CellValue, type SheetPlan, wrappedRowHeights } from "../sheet-plan";

/** Lines of text in column A, protected, the first as a title; `boldRows`: lines to stand out (0-based). */
export function guideLinesSheet(name: string, lines: readonly string[], options: { width: number; boldRows: readonly number[] }): SheetPlan {
  // Guillemets hold their words with non-breaking spaces, so that a line never starts with "»".
  const values: CellValue[][] = lines.map((line) => [frenchTypography(line)]);
  return {
    name,
    visibility: "visible",
    tabColor: COLORS.title,
    values,
    columnWidths: [options.width],
    rowHeights: wrappedRowHeights(values, [options.width], new Set([0])),
    styles: [
      { range: { row: 0, col: 0, rows: 1, cols: 1 }, style: { bold: true, fontSize: 14, fontColor: COLORS.title } },
      { range: { row: 0, col: 0, rows: lines.length, cols: 1 }, style: { wrap: true, verticalAlignment: "top" } },
      ...options.boldRows.map((row) => ({ range: { row, col: 0, rows: 1, cols: 1 }, style: { bold: true } })),
    ],
    validations: [],
    conditionalFormats: [],
    tables: [],
    merges: [],
    protect: true,
    page: { orientation: "portrait", fitToWidth: true },
  };
}

/** A very hidden, protected list of keys and texts (`cle`, `valeur`): what identifies a workbook. */
export function keyValueSheet(name: string, entries: readonly [string, string][], keyed?: SheetPlan["keyed"]): SheetPlan {
  return {
    name,
    visibility: "veryHidden",
    values: [["cle", "valeur"], ...entries],
    numberFormats: [["@", "@"], ...entries.map(() => ["@", "@"])],
    columnWidths: [24, 40],
    styles: [],
    validations: [],
    conditionalFormats: [],
    tables: [],
    merges: [],
    protect: true,
    ...(keyed ? { keyed } : {}),
  };
}
