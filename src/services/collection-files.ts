/**
 * The files of a collection as the task pane hands them over and takes them back, without Node: the quarter's
 * workbooks, one per pilote (or partner), in one .zip the browser downloads; and the returned workbooks, read from
 * the bytes the user picked. The command line writes the same workbooks one by one (src/cli/collect.ts).
 */
import type { CollectBy } from "../domain/collection";
import type { IsoDate } from "../domain/dates";
import { paneLabels } from "../labels/catalog";
import type { ReturnedFile } from "../workbook/parse-collection";
import { collectionBytes, readReturnedFile } from "../xlsx/collection-file";
import { storedDeflater } from "../xlsx/stored-deflater";
import { MemoryOutput, ZipWriter } from "../xlsx/zip-writer";
import { type SoundTableau, prepareCollection } from "./collection";

export interface PackagedFile {
  fileName: string;
  person: string;
  /** Codes of the person's fiches, in the order of the plan. */
  fiches: string[];
}

export interface CollectionPackage {
  /** The archive's name (`Collecte 2026-T4.zip`). */
  fileName: string;
  bytes: Uint8Array;
  files: PackagedFile[];
}

/**
 * The quarter's workbooks in one archive: a browser offers one download per click, and a chargé sends each file
 * from the unzipped folder. Refused in French (prepareCollection) when the quarter cannot be collected.
 */
export async function collectionPackage(
  tableau: SoundTableau,
  options: { quarter: string; by: CollectBy; now: Date; today: IsoDate },
): Promise<CollectionPackage> {
  const prepared = prepareCollection(tableau, options);
  const output = new MemoryOutput();
  const zip = new ZipWriter(output, storedDeflater, options.now);
  try {
    for (const file of prepared) await zip.addEntry(file.fileName, [await collectionBytes(file.plan, storedDeflater, options.now)]);
    zip.finish();
  } catch (error) {
    zip.abandon();
    throw error;
  }
  return {
    fileName: paneLabels.collection.packageName(options.quarter),
    bytes: output.bytes(),
    files: prepared.map((file) => ({ fileName: file.fileName, person: file.person, fiches: file.actionCodes })),
  };
}

export interface PickedFile {
  name: string;
  bytes: Uint8Array;
}

/**
 * Each returned file's sheets, or why it cannot be read, one after the other so that the pane can tell its
 * progress; `onFile` is told before each file is read.
 */
export async function readReturnedFiles(files: readonly PickedFile[], onFile?: (index: number, total: number, name: string) => void): Promise<ReturnedFile[]> {
  const returned: ReturnedFile[] = [];
  for (const [index, file] of files.entries()) {
    onFile?.(index, files.length, file.name);
    returned.push(await readReturnedFile(file.bytes, file.name));
  }
  return returned;
}
