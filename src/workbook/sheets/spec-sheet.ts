/** A data sheet laid out from its spec (tableau-columns.ts): name, table, columns, keys and kept columns in one place. */
import type { CellValue, SheetPlan } from "../sheet-plan";
import { type TableSheetInput, buildTableSheet } from "../table-sheet";
import { type TableauSheetSpec, headersOf, layoutColumns } from "../tableau-columns";

/** What a sheet adds to its spec: formats per cell, locked rows, validations per row, conditional formats. */
export type SheetExtras = Omit<TableSheetInput, "name" | "tableName" | "tabColor" | "columns" | "rows" | "frozenColumns" | "keyHeaders" | "keptHeaders">;

export function specSheet<K extends string>(spec: TableauSheetSpec<K>, rows: CellValue[][], extras: SheetExtras = {}): SheetPlan {
  const headers = headersOf(spec);
  return buildTableSheet({
    name: spec.name,
    tableName: spec.table,
    ...(spec.tabColor ? { tabColor: spec.tabColor } : {}),
    columns: layoutColumns(spec),
    rows,
    frozenColumns: spec.frozenColumns,
    keyHeaders: spec.keys.map((key) => headers[key]),
    ...(spec.kept ? { keptHeaders: spec.kept.map((key) => headers[key]) } : {}),
    ...extras,
  });
}
