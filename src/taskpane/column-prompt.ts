/** The pane's fields take the prompts of the cells they write (tableau-columns.ts): one wording in both places. */
import { frenchTypography } from "../labels/catalog";
import type { TableauColumn } from "../workbook/tableau-columns";

export function promptOf(column: TableauColumn): string | undefined {
  return column.rule?.kind === "fixed" ? frenchTypography(column.rule.validation.prompt.message) : undefined;
}
