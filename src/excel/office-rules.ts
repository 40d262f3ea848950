/** Plan rules and styles in the shapes Office.js expects. */
import { type DataValidationPlan, cellAddress, decimalsFormula } from "../workbook/sheet-plan";

export function dataValidationRule(validation: DataValidationPlan): Excel.DataValidationRule {
  const rule = validation.rule;
  if (rule.kind === "decimal" && rule.decimals !== undefined) {
    // Relative to the range's top-left cell, as Excel shifts a custom rule's references for every other cell.
    return { custom: { formula: `=${decimalsFormula({ ...rule, decimals: rule.decimals }, cellAddress(validation.range.row, validation.range.col))}` } };
  }
  switch (rule.kind) {
    case "list":
      return { list: { inCellDropDown: true, source: rule.values.join(",") } };
    case "whole":
    case "decimal":
    case "date": {
      const basic: Excel.BasicDataValidation =
        rule.max === undefined ? { formula1: rule.min, operator: "GreaterThanOrEqualTo" } : { formula1: rule.min, formula2: rule.max, operator: "Between" };
      if (rule.kind === "whole") return { wholeNumber: basic };
      if (rule.kind === "decimal") return { decimal: basic };
      return { date: { formula1: String(rule.min), formula2: String(rule.max), operator: "Between" } };
    }
    case "textLength":
      return { textLength: { formula1: rule.max, operator: "LessThanOrEqualTo" } };
  }
}

/** Excel measures column widths in points; a plan's width is in characters of the default font (about 7 px). */
export const POINTS_PER_CHARACTER = 5.6;

/** Strings Excel would take for a formula (or a number or date) when written to `values`. */
export function needsTextFormat(value: unknown): boolean {
  return typeof value === "string" && value.length > 0 && "=+-@".includes(value[0]);
}
