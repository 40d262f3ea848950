/**
 * Returned collection files for the tests: the prepared workbooks taken out of the pane's .zip, and the same
 * workbooks as a partner sends them back filled in, written by the tableau's own builder from the values typed.
 */
import JSZip from "jszip";
import type { Tracking } from "../../src/domain/tracking";
import { buildCollectionPlan } from "../../src/workbook/collection-workbook";
import { readCollectionIdentity } from "../../src/workbook/parse-collection";
import { collectionBytes, readReturnedFile } from "../../src/xlsx/collection-file";
import { storedDeflater } from "../../src/xlsx/stored-deflater";

/** The entries of a zip, by name, read by JSZip (another reader than the project's). */
export async function unzipped(bytes: Uint8Array): Promise<Map<string, Uint8Array>> {
  const zip = await JSZip.loadAsync(bytes);
  const entries = new Map<string, Uint8Array>();
  for (const name of Object.keys(zip.files)) entries.set(name, await zip.files[name].async("uint8array"));
  return entries;
}

/**
 * A prepared file as its person sends it back: the same identity, with the entries of `filled` (the tableau's
 * tracking plus what the person typed) in its rows.
 */
export async function filledReturn(prepared: Uint8Array, name: string, filled: Tracking): Promise<Uint8Array> {
  const read = await readReturnedFile(prepared, name);
  if ("unreadable" in read) throw new Error(read.unreadable);
  const identity = readCollectionIdentity(read.grids);
  if (!identity.ok) throw new Error(`${name} is not a collection file: ${identity.problem}`);
  const plan = buildCollectionPlan(filled, identity.scope, { tableauName: identity.tableauName, withEvaluation: identity.withEvaluation });
  return collectionBytes(plan, storedDeflater, new Date("2026-11-25T09:00:00Z"));
}
