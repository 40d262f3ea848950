/**
 * A tableau de suivi read from a file by the project's own reader (`xlsx-reader.ts`): the sheets of the contract
 * as grids, checked by the contract, with merged cells and formulas without a result reported at their cell. Every
 * refusal of the archive guard becomes a French error naming the file.
 */
import type { IsoDate } from "../domain/dates";
import { fileLabels } from "../labels/catalog";
import { type CellNotes, TABLEAU_SHEETS, type TableauReading, readTableau } from "../workbook/parse-tableau";
import type { Grids } from "../workbook/parse-structure";
import { WorkbookFileError } from "./file-error";
import { XLSX_LIMITS, type WorkbookContent, type XlsxLimits, readXlsx } from "./xlsx-reader";
import { type ByteSource, bytesSource } from "./zip-archive";
import { ZipRefused } from "./zip-guard";

export interface TableauFileReading {
  reading: TableauReading;
  content: WorkbookContent;
  grids: Grids;
}

/** Reads the contract's sheets; a file that is not a readable, reasonable workbook is a French error naming it. */
export async function readTableauSource(
  source: ByteSource,
  fileName: string,
  today: IsoDate,
  limits: XlsxLimits = XLSX_LIMITS,
  sheets: readonly string[] = TABLEAU_SHEETS,
  plausibility = true,
): Promise<TableauFileReading> {
  let content: WorkbookContent;
  try {
    content = await readXlsx(source, sheets, limits);
  } catch (error) {
    if (error instanceof ZipRefused) throw new WorkbookFileError(fileLabels.workbook.notATableau(fileName, error.message), error.message);
    throw error;
  }
  const grids: Grids = {};
  const cellNotes: Record<string, CellNotes> = {};
  for (const name of sheets) {
    const sheet = content.read.get(name);
    grids[name] = sheet?.grid;
    if (sheet) cellNotes[name] = sheet;
  }
  return { reading: readTableau(grids, { today, cellNotes, plausibility }), content, grids };
}

export function readTableauBytes(
  bytes: Uint8Array,
  fileName: string,
  today: IsoDate,
  options: { limits?: XlsxLimits; sheets?: readonly string[]; plausibility?: boolean } = {},
): Promise<TableauFileReading> {
  return readTableauSource(bytesSource(bytes), fileName, today, options.limits, options.sheets, options.plausibility);
}
