/** Opening and saving `.xlsx` files with ExcelJS, with French errors that name the file. */
import ExcelJS from "exceljs";

export class WorkbookFileError extends Error {}

/** Reads an .xlsx from bytes; a file that is not a readable workbook gives a French error naming it. */
export async function loadWorkbook(bytes: ArrayBuffer | Uint8Array, fileName: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  if (view.length < 4 || view[0] !== 0x50 || view[1] !== 0x4b) {
    throw new WorkbookFileError(`« ${fileName} » n'est pas un classeur Excel .xlsx (ce n'est pas une archive zip)`);
  }
  try {
    // ExcelJS's typings want a Node Buffer; an ArrayBuffer works the same at run time in Node and in browsers.
    await workbook.xlsx.load(view.buffer.slice(view.byteOffset, view.byteOffset + view.byteLength) as ArrayBuffer);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new WorkbookFileError(`« ${fileName} » ne peut pas être lu comme un classeur Excel (${detail})`);
  }
  return workbook;
}

export async function workbookBytes(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

export function newWorkbook(): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "CTG Suivi";
  return workbook;
}
