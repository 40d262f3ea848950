/**
 * Sheet references in formulas and defined names, written as Excel writes them: a name of letters, digits and
 * underscores as it is, any other between apostrophes with its own apostrophes doubled (`'Plan d''actions'!$1:$1`).
 * A name left unquoted or half-quoted is a defined name Excel "repairs" when it opens the file.
 */
import type { RangeRef } from "../workbook/sheet-plan";
import { columnLetter } from "../workbook/sheet-plan";
import { xmlText } from "./xml-text";

/** Looks like a cell (`A1`, `XFD1048576`) or an R1C1 reference: Excel quotes such a sheet name too. */
const CELL_LIKE = /^([A-Za-z]{1,3}\d+|[Rr]\d*[Cc]\d*|[Rr]\d*|[Cc]\d*)$/;

export function sheetReference(name: string): string {
  // Letters of any alphabet, digits, dots and underscores, not first a digit: Excel leaves `Sheeté` or `Sh.eet` bare.
  if (/^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) && !CELL_LIKE.test(name)) return name;
  return `'${name.replace(/'/g, "''")}'`;
}

/** `$A$1:$K$30` */
export function absoluteArea(range: RangeRef): string {
  return `$${columnLetter(range.col)}$${range.row + 1}:$${columnLetter(range.col + range.cols - 1)}$${range.row + range.rows}`;
}

export interface DefinedName {
  name: "_xlnm.Print_Titles" | "_xlnm.Print_Area" | "_xlnm._FilterDatabase";
  /** Position of the sheet in the workbook, from 0. */
  sheetIndex: number;
  formula: string;
}

/** The print titles, print area and filter of a sheet, as workbook-level names local to it. */
export function sheetNames(
  sheet: string,
  sheetIndex: number,
  what: { titleRows?: { first: number; last: number }; printArea?: RangeRef; filter?: RangeRef },
): DefinedName[] {
  const names: DefinedName[] = [];
  const reference = sheetReference(sheet);
  if (what.filter) names.push({ name: "_xlnm._FilterDatabase", sheetIndex, formula: `${reference}!${absoluteArea(what.filter)}` });
  if (what.printArea) names.push({ name: "_xlnm.Print_Area", sheetIndex, formula: `${reference}!${absoluteArea(what.printArea)}` });
  if (what.titleRows) names.push({ name: "_xlnm.Print_Titles", sheetIndex, formula: `${reference}!$${what.titleRows.first + 1}:$${what.titleRows.last + 1}` });
  return names;
}

export function definedNameXml(name: DefinedName, prefix = ""): string {
  const hidden = name.name === "_xlnm._FilterDatabase" ? ' hidden="1"' : "";
  return `<${prefix}definedName name="${name.name}" localSheetId="${name.sheetIndex}"${hidden}>${xmlText(name.formula)}</${prefix}definedName>`;
}
