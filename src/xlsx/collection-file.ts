/** Collection files as bytes: written from their plan by the project's writer, read back by its reader. */
import { Refusal } from "../domain/refusal";
import { collectionLabels } from "../labels/catalog";
import { COLLECTION_SHEETS, type ReturnedFile } from "../workbook/parse-collection";
import type { Grids } from "../workbook/parse-structure";
import type { CellNotes } from "../workbook/parse-tableau";
import type { WorkbookPlan } from "../workbook/sheet-plan";
import { planWorkbookBytes } from "./plan-workbook";
import { readXlsx } from "./xlsx-reader";
import { bytesSource } from "./zip-archive";
import type { SliceDeflater } from "./zip-writer";
import { ZipRefused } from "./zip-guard";

export function collectionBytes(plan: WorkbookPlan, deflater: SliceDeflater, modified: Date): Promise<Uint8Array> {
  return planWorkbookBytes(plan, { deflater, modified });
}

/** A returned file's sheets, or why it cannot be read as a workbook: never throws on what a file may hold. */
export async function readReturnedFile(bytes: Uint8Array, name: string): Promise<ReturnedFile> {
  try {
    const content = await readXlsx(bytesSource(bytes), COLLECTION_SHEETS);
    const grids: Grids = {};
    const cellNotes: Record<string, CellNotes> = {};
    for (const sheet of COLLECTION_SHEETS) {
      const read = content.read.get(sheet);
      grids[sheet] = read?.grid;
      if (read) cellNotes[sheet] = read;
    }
    return { name, grids, cellNotes };
  } catch (error) {
    if (error instanceof ZipRefused) return { name, unreadable: collectionLabels.reading.unreadable(name, error.message) };
    if (error instanceof Refusal) return { name, unreadable: error.message };
    throw error;
  }
}
