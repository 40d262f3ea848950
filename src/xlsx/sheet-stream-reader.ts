/**
 * Node only: every row of every sheet of an .xlsx file on disk, streamed with bounded memory by the project's
 * reader (`xlsx-reader.ts`), whatever order the package's parts come in. Used to read back a consolidation before
 * adding territories to it, whether this program wrote it or Excel or LibreOffice saved it since. A consolidation
 * is the Caf's own file and may be large: the limits are those of a national consolidation, not of a territory's.
 */
import type { CellValue } from "../workbook/sheet-plan";
import { fileSource } from "./file-source";
import { XlsxPackage, type XlsxLimits } from "./xlsx-reader";

export const CONSOLIDATION_READ_LIMITS: XlsxLimits = {
  maxFileBytes: 4 * 1024 * 1024 * 1024 - 1,
  maxEntries: 10_000,
  maxEntryBytes: 4 * 1024 * 1024 * 1024 - 1,
  maxTotalBytes: 16 * 1024 * 1024 * 1024,
  maxRatio: 1000,
  ratioFloorBytes: 1024 * 1024,
  maxCells: Number.MAX_SAFE_INTEGER,
};

/** Every row (header included) of every sheet, in workbook order, with the sheet's name and position. */
export async function* readSheetRows(
  path: string,
  limits: XlsxLimits = CONSOLIDATION_READ_LIMITS,
): AsyncGenerator<{ sheet: string; position: number; values: CellValue[] }> {
  const source = await fileSource(path);
  try {
    const workbook = await XlsxPackage.open(source, limits);
    for (const [position, sheet] of workbook.sheets.entries()) {
      for await (const { values } of workbook.rows(sheet.name)) yield { sheet: sheet.name, position, values };
    }
  } finally {
    await source.close();
  }
}
