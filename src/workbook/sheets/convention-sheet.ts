/** « Convention »: one rubrique per row (column A) and its value (column B); the dates are structure. */
import { isoToExcelSerial } from "../../domain/dates";
import type { Tracking } from "../../domain/tracking";
import { ruleLabels, sheetLabels } from "../../labels/catalog";
import { validationOf } from "../cell-rules";
import { COLORS } from "../formats";
import { LIST_SEPARATOR } from "../layout";
import { type CellValue, type SheetPlan, wrappedRowHeights } from "../sheet-plan";
import { CONVENTION_SPEC } from "../tableau-columns";

export function conventionSheet(tracking: Tracking): SheetPlan {
  const { convention } = tracking.plan;
  const valueOf: Record<(typeof CONVENTION_SPEC.rows)[number]["key"], CellValue> = {
    territory: convention.territory,
    inseeOrSiren: convention.inseeOrSiren ?? null,
    department: convention.department ?? null,
    caf: convention.caf ?? null,
    signatories: convention.signatories.join(LIST_SEPARATOR),
    start: isoToExcelSerial(convention.start),
    end: isoToExcelSerial(convention.end),
  };
  const rows = CONVENTION_SPEC.rows;
  const headers = sheetLabels.convention.headers;
  const values: CellValue[][] = [[headers.label, headers.value], ...rows.map((row) => [row.label, valueOf[row.key]])];
  const numberFormats = [[null, null], ...rows.map((row) => [null, row.format])];
  const editable = rows.map((row, index) => ({ row, index })).filter(({ row }) => row.entry);
  const [labelWidth, valueWidth] = CONVENTION_SPEC.widths;
  const rule = CONVENTION_SPEC.rule;
  return {
    name: CONVENTION_SPEC.name,
    visibility: "visible",
    values,
    numberFormats,
    columnWidths: [labelWidth, valueWidth],
    rowHeights: wrappedRowHeights(values, [labelWidth, valueWidth], new Set([1]), 1),
    styles: [
      {
        range: { row: 0, col: 0, rows: 1, cols: 2 },
        style: { bold: true, fill: COLORS.headerFill, fontColor: COLORS.headerFont, border: true, borderColor: COLORS.border },
      },
      {
        range: { row: 1, col: 0, rows: rows.length, cols: 2 },
        style: { border: true, borderColor: COLORS.border, wrap: true, verticalAlignment: "top", horizontalAlignment: "left" },
      },
      { range: { row: 1, col: 0, rows: rows.length, cols: 1 }, style: { bold: true } },
      ...editable.map(({ index }) => ({ range: { row: index + 1, col: 1, rows: 1, cols: 1 }, style: { locked: false, fill: COLORS.entryFill } })),
    ],
    validations: editable.map(({ row, index }) => ({
      range: { row: index + 1, col: 1, rows: 1, cols: 1 },
      ...validationOf(
        rule,
        { title: row.label, message: row.prompt || sheetLabels.convention.freeText },
        { title: ruleLabels.tooLongTitle, message: ruleLabels.text.refusal(rule.kind === "text" ? rule.maxLength : 0) },
      ),
    })),
    conditionalFormats: [],
    tables: [],
    merges: [],
    freeze: { rows: 1, columns: 0 },
    protect: true,
    page: { orientation: "portrait", fitToWidth: true },
    // Rows are found again by their label: what people add beside them goes along with an update.
    keyed: { keyColumns: [0], entryColumns: [] },
  };
}
