/** How located issues read on a terminal and in JSON. */
import type { LocatedIssue } from "../workbook/grid-reader";

export function describeIssue(issue: LocatedIssue): string {
  const level = issue.severity === "error" ? "erreur" : "avertissement";
  return `${issue.sheet}!${issue.cell} — ${level} : ${issue.message}`;
}

export function countLine(issues: readonly LocatedIssue[]): string {
  const errors = issues.filter((issue) => issue.severity === "error").length;
  const warnings = issues.length - errors;
  return `${errors} erreur${errors > 1 ? "s" : ""}, ${warnings} avertissement${warnings > 1 ? "s" : ""}`;
}
