/** Opening and saving `.xlsx` files with ExcelJS, with French errors that name the file. */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { fileLabels } from "../labels/catalog";
import { partName } from "./xlsx-reader";
import { ZipArchive, bytesSource } from "./zip-archive";
import { ZipRefused } from "./zip-guard";

import { WorkbookFileError } from "./file-error";

export { WorkbookFileError };

/** Reads an .xlsx from bytes; a file that is not a readable workbook gives a French error naming it. */
export async function loadWorkbook(bytes: ArrayBuffer | Uint8Array, fileName: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  if (view.length < 4 || view[0] !== 0x50 || view[1] !== 0x4b) {
    throw new WorkbookFileError(fileLabels.workbook.notXlsx(fileName));
  }
  try {
    // ExcelJS's typings want a Node Buffer; an ArrayBuffer works the same at run time in Node and in browsers.
    await workbook.xlsx.load(view.buffer.slice(view.byteOffset, view.byteOffset + view.byteLength) as ArrayBuffer);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new WorkbookFileError(fileLabels.workbook.unreadable(fileName, detail));
  }
  return workbook;
}

/**
 * The workbook a structure update rewrites, opened with ExcelJS so that the user's own sheets are kept. The file
 * first passes the archive guard in full (every part inflated through its counter), since ExcelJS would inflate
 * it without limits. Relationship targets written as absolute paths (as openpyxl does, valid OOXML) are made
 * relative first: ExcelJS cannot follow them (exceljs#1468).
 */
export async function loadWorkbookForUpdate(bytes: Uint8Array, fileName: string): Promise<ExcelJS.Workbook> {
  try {
    await (await ZipArchive.open(bytesSource(bytes))).verifyAll();
  } catch (error) {
    if (error instanceof ZipRefused) throw new WorkbookFileError(fileLabels.workbook.cannotUpdate(fileName, error.message));
    throw error;
  }
  return loadWorkbook(await withRelativeTargets(bytes), fileName);
}

async function withRelativeTargets(bytes: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  let changed = false;
  for (const name of Object.keys(zip.files).filter((file) => file.endsWith(".rels"))) {
    const xml = await zip.file(name)!.async("string");
    // The part a .rels file describes sits one folder above its _rels folder.
    const source = name.replace(/_rels\/([^/]*)\.rels$/, "$1");
    const fixed = xml.replace(/(<Relationship\b[^>]*\bTarget=")(\/[^"]*)"/g, (_match, start: string, target: string) => {
      changed = true;
      return `${start}${relativeTarget(source, partName("", target))}"`;
    });
    if (fixed !== xml) zip.file(name, fixed);
  }
  return changed ? zip.generateAsync({ type: "uint8array", compression: "DEFLATE" }) : bytes;
}

/** `xl/worksheets/sheet1.xml` seen from `xl/workbook.xml` is `worksheets/sheet1.xml`. */
function relativeTarget(source: string, target: string): string {
  const from = source.split("/").slice(0, -1);
  const to = target.split("/");
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...from.slice(common).map(() => ".."), ...to.slice(common)].join("/");
}

export async function workbookBytes(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

export function newWorkbook(): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = fileLabels.workbook.creator;
  return workbook;
}
