/**
 * Notes, a link and a picture added to a sheet of a tableau as Excel writes them: the parts are those of a file
 * saved by Excel itself (tests/corpus/excel/xlsxwriter-table05.xlsx: two notes with their VML shapes, an external
 * hyperlink, a PNG anchored on a cell), moved onto the cells the test chooses.
 */
import JSZip from "jszip";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { cellAddress, parseCellAddress } from "../../src/workbook/sheet-plan";
import { attributeOf, childElements, firstChild } from "../../src/xlsx/xml-tree";
import { type XlsxFile, textOf } from "./xlsx-package";

const EXCEL_FILE = resolve(__dirname, "../corpus/excel/xlsxwriter-table05.xlsx");

export interface Annotations {
  /** Two notes: Excel's texts « Test1 » and « Test2 », on these cells. */
  notes: [string, string];
  link: { cell: string; url: string };
  /** The picture's top-left cell. */
  picture: string;
}

export async function addExcelAnnotations(file: XlsxFile, sheet: string, where: Annotations): Promise<void> {
  const excel = await JSZip.loadAsync(readFileSync(EXCEL_FILE));
  const text = (part: string) => excel.file(part)!.async("string");
  const [first, second] = where.notes.map((cell) => parseCellAddress(cell)!);
  const comments = (await text("xl/comments1.xml")).replace('ref="H1"', `ref="${where.notes[0]}"`).replace('ref="J1"', `ref="${where.notes[1]}"`);
  // Each note's shape names its cell (row and column from 0) and a box a few cells to its right.
  let shapes = 0;
  const vml = (await text("xl/drawings/vmlDrawing1.vml")).replace(
    /<x:Anchor>[^<]*<\/x:Anchor>([\s\S]*?)<x:Row>0<\/x:Row>\s*<x:Column>\d+<\/x:Column>/g,
    (_whole, between: string) => {
      const at = shapes++ === 0 ? first : second;
      return `<x:Anchor>\n    ${at.col + 1}, 15, ${at.row}, 2, ${at.col + 3}, 15, ${at.row + 3}, 16</x:Anchor>${between}<x:Row>${at.row}</x:Row>\n   <x:Column>${at.col}</x:Column>`;
    },
  );
  const picture = parseCellAddress(where.picture)!;
  const drawing = (await text("xl/drawings/drawing1.xml"))
    .replace("<xdr:from><xdr:col>0</xdr:col>", `<xdr:from><xdr:col>${picture.col}</xdr:col>`)
    .replace("<xdr:row>3</xdr:row>", `<xdr:row>${picture.row}</xdr:row>`)
    .replace("<xdr:to><xdr:col>0</xdr:col>", `<xdr:to><xdr:col>${picture.col}</xdr:col>`)
    .replace("<xdr:row>4</xdr:row>", `<xdr:row>${picture.row + 1}</xdr:row>`);
  await file.addPart("xl/comments/excel1.xml", comments, "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml");
  await file.addPart("xl/drawings/vmlExcel1.vml", vml, undefined, { extension: "vml", type: "application/vnd.openxmlformats-officedocument.vmlDrawing" });
  await file.addPart("xl/drawings/excel1.xml", drawing, "application/vnd.openxmlformats-officedocument.drawing+xml");
  await file.addPart("xl/media/excel1.png", await excel.file("xl/media/image1.png")!.async("uint8array"), undefined, { extension: "png", type: "image/png" });
  await file.addRelationships("xl/drawings/excel1.xml", [{ id: "rId1", type: "image", target: "../media/excel1.png" }]);
  const sheetPart = await file.sheetPart(sheet);
  const ids = await file.addRelationships(sheetPart, [
    { id: "", type: "hyperlink", target: where.link.url, external: true },
    { id: "", type: "drawing", target: "../drawings/excel1.xml" },
    { id: "", type: "vmlDrawing", target: "../drawings/vmlExcel1.vml" },
    { id: "", type: "comments", target: "../comments/excel1.xml" },
  ]);
  await file.addSheetElement(sheet, {
    name: "hyperlinks",
    attributes: [],
    children: [
      {
        name: "hyperlink",
        attributes: [
          ["ref", where.link.cell],
          ["r:id", ids[0]],
        ],
        children: [],
      },
    ],
  });
  await file.addSheetElement(sheet, { name: "drawing", attributes: [["r:id", ids[1]]], children: [] });
  await file.addSheetElement(sheet, { name: "legacyDrawing", attributes: [["r:id", ids[2]]], children: [] });
}

/** The notes of a sheet as Excel will show them: cell → text. */
export async function notesOf(file: XlsxFile, sheet: string): Promise<Map<string, string>> {
  const notes = new Map<string, string>();
  for (const part of await file.related(sheet, "comments")) {
    const list = firstChild(await file.tree(part), "commentList");
    for (const comment of list ? childElements(list, "comment") : []) notes.set(attributeOf(comment, "ref")!, textOf(firstChild(comment, "text")!));
  }
  return notes;
}

/** Where the notes' VML shapes say they are: cell → anchor (column, offset, row, offset, …). */
export async function noteShapesOf(file: XlsxFile, sheet: string): Promise<Map<string, number[]>> {
  const shapes = new Map<string, number[]>();
  for (const part of await file.related(sheet, "vmlDrawing")) {
    for (const block of (await file.text(part)).matchAll(/<x:ClientData ObjectType="Note">([\s\S]*?)<\/x:ClientData>/g)) {
      const row = Number(/<x:Row>(\d+)<\/x:Row>/.exec(block[1])![1]);
      const col = Number(/<x:Column>(\d+)<\/x:Column>/.exec(block[1])![1]);
      const anchor = /<x:Anchor>([^<]*)<\/x:Anchor>/
        .exec(block[1])![1]
        .split(",")
        .map((value) => Number(value.trim()));
      shapes.set(cellAddress(row, col), anchor);
    }
  }
  return shapes;
}
