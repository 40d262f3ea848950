/** How located issues read on a terminal and in JSON. */
import { cliLabels } from "../labels/catalog";
import type { LocatedIssue } from "../workbook/grid-reader";

const t = cliLabels.issues;

export function describeIssue(issue: LocatedIssue): string {
  return t.line(issue.sheet, issue.cell, issue.severity === "error" ? t.error : t.warning, issue.message);
}

export function countLine(issues: readonly LocatedIssue[]): string {
  const errors = issues.filter((issue) => issue.severity === "error").length;
  return t.count(errors, issues.length - errors);
}
