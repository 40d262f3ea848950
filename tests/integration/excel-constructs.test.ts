/**
 * Excel's own way of writing each construct: every element and attribute the project writes in a worksheet, a
 * style sheet, a table, a workbook, a chart and its drawing is one Excel itself writes at that place, in the order
 * Excel writes them, compared with files saved by Excel (tests/corpus/excel, from XlsxWriter's comparison suite;
 * tests/corpus/SOURCES.md). Where Excel's files cannot show a construct (no Excel-made file of the public suite has a
 * validation's error alert, say), the exception is named here with its reason.
 */
import JSZip from "jszip";
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { CONTENT_TYPES, RELATIONSHIP_TYPES } from "../../src/xlsx/xml-text";
import { ctgAt } from "../support/cli";
import { territoryA, territoryB } from "../support/territories";
import { writeTrackingFile } from "../../src/xlsx/tableau-file";
import { type Allowances, type Shape, addShape, differences, emptyShape } from "../support/xml-shape";
import { WORKSHEET_ORDER, XlsxFile } from "../support/xlsx-package";

jest.setTimeout(60_000);

const EXCEL = resolve(__dirname, "../corpus/excel");
const ctg = ctgAt("2026-11-24T10:00:00Z");

/** The parts of a set of files, by kind. */
async function partsOf(
  files: string[],
): Promise<Record<"worksheet" | "styles" | "table" | "workbook" | "chart" | "drawing" | "contentTypes" | "relationships", string[]>> {
  const parts = { worksheet: [], styles: [], table: [], workbook: [], chart: [], drawing: [], contentTypes: [], relationships: [] } as Record<string, string[]>;
  for (const file of files) {
    const zip = await JSZip.loadAsync(readFileSync(file));
    for (const [name, entry] of Object.entries(zip.files)) {
      if (entry.dir) continue;
      const kind = /worksheets\/[^/]+\.xml$/.test(name)
        ? "worksheet"
        : /styles\.xml$/.test(name)
          ? "styles"
          : /tables\/[^/]+\.xml$/.test(name)
            ? "table"
            : /^xl\/workbook\.xml$/.test(name)
              ? "workbook"
              : /charts\/chart\d+\.xml$/.test(name)
                ? "chart"
                : /drawings\/drawing\d+\.xml$/.test(name)
                  ? "drawing"
                  : name === "[Content_Types].xml"
                    ? "contentTypes"
                    : /\.rels$/.test(name)
                      ? "relationships"
                      : undefined;
      if (kind) parts[kind].push(await entry.async("string"));
    }
  }
  return parts as Awaited<ReturnType<typeof partsOf>>;
}

function shapeOf(texts: string[]): Shape {
  return texts.reduce((shape, text) => addShape(shape, text), emptyShape());
}

let ours: Awaited<ReturnType<typeof partsOf>>;
let excel: Awaited<ReturnType<typeof partsOf>>;
let tableau: string;
let tableauSheets: string[];
let bilanSheets: string[];

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), "ctg-constructs-"));
  expect((await ctg("demo", "--out", dir)).code).toBe(0);
  tableau = join(dir, "suivi-ctg-demo.xlsx");
  const a = join(dir, "a.xlsx");
  const b = join(dir, "b.xlsx");
  writeFileSync(a, await writeTrackingFile(territoryA(), "2026-11-01T09:00:00.000Z"));
  writeFileSync(b, await writeTrackingFile(territoryB(), "2026-11-01T09:00:00.000Z"));
  expect((await ctg("consolidate", a, b, "--out", join(dir, "conso.xlsx"))).code).toBe(0);
  expect((await ctg("bilan", tableau, "--kind", "annual", "--year", "2026", "--out", join(dir, "bilans"))).code).toBe(0);
  const written = [tableau, join(dir, "conso.xlsx"), join(dir, "bilan-annuel-2026.xlsx"), join(dir, "bilans", "bilan-annuel-2026.xlsx")];
  ours = await partsOf(written);
  tableauSheets = (await partsOf([tableau])).worksheet;
  bilanSheets = (await partsOf([join(dir, "bilans", "bilan-annuel-2026.xlsx")])).worksheet;
  excel = await partsOf(readdirSync(EXCEL).map((name) => join(EXCEL, name)));
});

const WHY = {
  excel2010: "écrit par Excel 2010 et suivants (les fichiers de référence sont d'Excel 2007)",
  noExcelFile: "aucun fichier de la suite publique fait par Excel n'en a ; attribut du schéma CT_DataValidation (ECMA-376, 18.3.1.32)",
};

describe("each construct as Excel writes it", () => {
  it("worksheets: elements, attributes and order", () => {
    const allowed: Allowances = {
      elements: {
        "worksheet/dataValidations/dataValidation/formula2": WHY.noExcelFile,
        // Only in the consolidation: a national batch's unique long texts stay in their cells, not in memory.
        "worksheet/sheetData/row/c/is": "consolidation (SpreadsheetML 18.3.1.53 ; Excel les lit et les partage en enregistrant)",
        "worksheet/sheetData/row/c/is/t": "consolidation, idem",
      },
      attributes: {
        "worksheet/dataValidations/dataValidation@errorTitle": WHY.noExcelFile,
        "worksheet/dataValidations/dataValidation@error": WHY.noExcelFile,
        "worksheet/dataValidations/dataValidation@operator": WHY.noExcelFile,
      },
    };
    expect(differences(shapeOf(ours.worksheet), shapeOf(excel.worksheet), allowed)).toEqual([]);
    // A tableau and a bilan share every text, as Excel does.
    for (const text of [...tableauSheets, ...bilanSheets]) expect(text).not.toContain("inlineStr");
    for (const text of ours.worksheet) {
      const order = [...text.matchAll(/<(\w+)[\s/>]/g)].map((match) => match[1]).filter((name) => WORKSHEET_ORDER.includes(name));
      const ranks = order.map((name) => WORKSHEET_ORDER.indexOf(name));
      expect(ranks).toEqual([...ranks].sort((x, y) => x - y));
    }
  });

  it("style sheets: fonts, fills, borders, number formats, cell and differential formats", () => {
    expect(differences(shapeOf(ours.styles), shapeOf(excel.styles))).toEqual([]);
  });

  it("tables", () => {
    expect(ours.table.length).toBeGreaterThan(0);
    expect(differences(shapeOf(ours.table), shapeOf(excel.table))).toEqual([]);
  });

  it("workbooks: sheets, states, views and defined names", () => {
    expect(differences(shapeOf(ours.workbook), shapeOf(excel.workbook))).toEqual([]);
  });

  it("charts of every kind the product draws, and their drawings", () => {
    const kinds = ours.chart.map((text) =>
      /<c:(barChart|lineChart|doughnutChart)>(?:<c:barDir val="bar"\/><c:grouping val="(\w+)")?/.exec(text)?.slice(1).join(" ").trim(),
    );
    expect(new Set(kinds)).toEqual(new Set(["barChart stacked", "barChart clustered", "lineChart", "doughnutChart"]));
    const allowed: Allowances = {
      elements: {
        "chartSpace/roundedCorners": WHY.excel2010,
        // Without it LibreOffice gives each bar of a one-series chart its own colour.
        "chartSpace/chart/plotArea/plot/varyColors": WHY.excel2010,
      },
    };
    // A series is written the same way whatever the kind of chart (ECMA-376 21.2.2): compared across kinds.
    // Both axes share their elements (EG_AxShared, 21.2.2): compared as one.
    const groups = (texts: string[]) =>
      texts.map((text) =>
        text
          .replace(/<(\/?)c:(bar|line|doughnut|pie|area|scatter|radar|bubble|stock|surface|ofPie|bar3D|line3D|pie3D|area3D)Chart>/g, "<$1c:plot>")
          .replace(/<(\/?)c:(catAx|valAx|dateAx|serAx)>/g, "<$1c:axis>"),
      );
    expect(differences(shapeOf(groups(ours.chart)), shapeOf(groups(excel.chart)), allowed)).toEqual([]);
    expect(differences(shapeOf(ours.drawing), shapeOf(excel.drawing))).toEqual([]);
  });

  it("content types and relationship types, word for word", () => {
    const types = (texts: string[]) => new Set(texts.flatMap((text) => [...text.matchAll(/ContentType="([^"]+)"/g)].map((match) => match[1])));
    const theirs = types(excel.contentTypes);
    for (const type of [
      CONTENT_TYPES.worksheet,
      CONTENT_TYPES.table,
      CONTENT_TYPES.drawing,
      CONTENT_TYPES.chart,
      CONTENT_TYPES.styles,
      CONTENT_TYPES.sharedStrings,
    ])
      expect([type, theirs.has(type)]).toEqual([type, true]);
    for (const type of types(ours.contentTypes)) expect([type, theirs.has(type)]).toEqual([type, true]);
    const relationships = (texts: string[]) => new Set(texts.flatMap((text) => [...text.matchAll(/Type="([^"]+)"/g)].map((match) => match[1])));
    const theirRelationships = relationships(excel.relationships);
    for (const type of relationships(ours.relationships)) expect([type, theirRelationships.has(type)]).toEqual([type, true]);
    expect(theirRelationships.has(RELATIONSHIP_TYPES.chart)).toBe(true);
  });

  it("quotes a sheet name in a defined name as Excel does: 'Plan d''actions'!$1:$1", async () => {
    const quoted = await XlsxFile.open(join(EXCEL, "xlsxwriter-quote_name07.xlsx"));
    expect(await quoted.definedNames()).toContainEqual({ name: "_xlnm.Print_Titles", localSheetId: "0", formula: "'Sheet''1'!$1:$2" });
    const names = await (await XlsxFile.open(tableau)).definedNames();
    expect(names).toContainEqual({ name: "_xlnm.Print_Titles", localSheetId: "2", formula: "'Plan d''actions'!$1:$1" });
    expect(names).toContainEqual({ name: "_xlnm.Print_Titles", localSheetId: "5", formula: "Saisies!$1:$1" });
  });
});
