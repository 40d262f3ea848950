/**
 * What one sheet brings to a workbook package, whatever its rows come from (a sheet plan held in memory, or rows
 * streamed from disk): its worksheet XML, its tables, its charts and their drawing, its defined names. The package
 * writers (a new workbook, or an update patching an existing one) give it its part names and relationship ids.
 */
import type { RangeRef } from "../workbook/sheet-plan";
import type { DefinedName } from "./defined-names";

export interface SheetParts {
  name: string;
  state: "visible" | "hidden" | "veryHidden";
  /** Known before the rows are written: the package lists its parts first. */
  charts: readonly { name: string; anchor: RangeRef }[];
  tableCount: number;
  worksheet(ids: { drawing?: string; tables: string[] }): Iterable<string> | AsyncIterable<string>;
  /** The following are asked once the worksheet has been written (a streamed sheet knows its extent only then). */
  tableXml(index: number, tableId: number): string;
  chartXml(index: number): string;
  drawingXml(relationshipIds: readonly string[]): string;
  definedNames(sheetIndex: number): DefinedName[];
}
