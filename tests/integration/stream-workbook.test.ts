import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { SheetRow } from "../../src/workbook/build-consolidation";
import type { ColumnSpec } from "../../src/workbook/table-sheet";
import { readSheetRows } from "../../src/xlsx/sheet-stream-reader";
import { SheetTooLong, StreamedWorkbook, type WriteOptions } from "../../src/xlsx/stream-workbook";
import JSZip from "jszip";
import { ZipArchive, bytesSource } from "../../src/xlsx/zip-archive";
import { XlsxFile, sheetsOf } from "../support/xlsx-package";

const COLUMNS: ColumnSpec[] = [
  { header: "Territoire", width: 24 },
  { header: "Valeur", width: 12, format: "#,##0" },
  { header: "Commentaire long qui passe à la ligne", width: 18, wrap: true },
  { header: "Clé", width: 10, hidden: true },
];

const ROWS: SheetRow[] = [
  { values: ["Commune d'Aval & Amont", 1234.5, "=SOMME(A1:A2) <pas une formule>", "k1"] },
  { values: ["Commune de Là-Haut", 0.855, "première ligne\ndeuxième ligne", "k2"], formats: [null, "0.0 %", null, null] },
  { values: ["+33 « territoire »", null, "@RPE\u0007 bip", "k3"] },
  { values: ["-10 %", true, "", "k4"] },
  { values: ["Trop long", 1, "x".repeat(40_000), "k5"] },
];

interface ValueSheet {
  name: string;
  columns: readonly ColumnSpec[];
  rows: AsyncIterable<SheetRow> | Iterable<SheetRow>;
  state?: "visible" | "hidden" | "veryHidden";
  plain?: boolean;
}

/** A workbook of sheets given as values, each encoded by its sheet as it is written. */
async function writeStreamedWorkbook(path: string, sheets: readonly ValueSheet[], options: WriteOptions = {}): Promise<void> {
  const book = new StreamedWorkbook();
  await book.write(
    path,
    sheets.map((sheet) => ({ encoder: book.sheet(sheet), rows: sheet.rows, ...(sheet.state ? { state: sheet.state } : {}) })),
    options,
  );
}

function workspace(): string {
  return mkdtempSync(join(tmpdir(), "ctg-stream-"));
}

async function* slowly(rows: SheetRow[]): AsyncGenerator<SheetRow> {
  for (const row of rows) yield await Promise.resolve(row);
}

describe("streamed workbook writer", () => {
  it("writes a valid package read back value by value, with its styles, formats, filter and page set-up", async () => {
    const file = join(workspace(), "flux.xlsx");
    await writeStreamedWorkbook(
      file,
      [
        { name: "Données d'essai", columns: COLUMNS, rows: slowly(ROWS) },
        { name: "Vide", columns: COLUMNS, rows: [] },
        {
          name: "_meta",
          columns: [
            { header: "cle", width: 10 },
            { header: "valeur", width: 10 },
          ],
          rows: [{ values: ["format", "essai"] }],
          state: "veryHidden",
          plain: true,
        },
      ],
      { modified: new Date("2026-11-25T10:00:00Z") },
    );

    const bytes = new Uint8Array(readFileSync(file));
    // Our own guard inflates every entry and checks its declared sizes: the archive is well formed.
    const archive = await ZipArchive.open(bytesSource(bytes));
    await archive.verifyAll();
    const entries = [...archive.entries.keys()];
    expect(entries).toEqual(expect.arrayContaining(["[Content_Types].xml", "xl/workbook.xml", "xl/styles.xml", "xl/worksheets/sheet3.xml"]));
    // Tools that guess a file's kind read the first entry.
    expect(entries[0]).toBe("[Content_Types].xml");
    expect(execFileSync("unzip", ["-tq", file]).toString()).toMatch(/No errors detected/);

    const workbook = await XlsxFile.open(file);
    expect((await workbook.sheets()).map((sheet) => [sheet.name, sheet.state])).toEqual([
      ["Données d'essai", "visible"],
      ["Vide", "visible"],
      ["_meta", "veryHidden"],
    ]);
    const core = await workbook.text("docProps/core.xml");
    expect(core).toContain("<dc:creator>CTG Suivi</dc:creator>");
    expect(core).toMatch(/<dcterms:modified[^>]*>2026-11-25T10:00:00Z</);

    const sheets = new Map(await sheetsOf(file));
    expect(sheets.get("Données d'essai")).toEqual([
      COLUMNS.map((column) => column.header),
      ["Commune d'Aval & Amont", 1234.5, "=SOMME(A1:A2) <pas une formule>", "k1"],
      ["Commune de Là-Haut", 0.855, "première ligne\ndeuxième ligne", "k2"],
      // A control character XML cannot hold is dropped; the rest of the text stays.
      ["+33 « territoire »", null, "@RPE bip", "k3"],
      ["-10 %", true, null, "k4"],
      // Excel opens no cell longer than 32 767 characters.
      ["Trop long", 1, `${"x".repeat(32_766)}…`, "k5"],
    ]);
    const name = "Données d'essai";
    // Text that looks like a formula is text.
    for (const address of ["C2", "A4"]) expect(["s", "inlineStr"]).toContain((await workbook.cell(name, address))?.type);
    expect((await workbook.cell(name, "C2"))?.formula).toBeUndefined();

    expect((await workbook.cell(name, "A1"))?.style).toMatchObject({
      bold: true,
      fontColor: "FFFFFFFF",
      fill: "FF1F5C4A",
      border: "thin",
      wrap: true,
      vertical: "center",
    });
    expect(await workbook.rowHeight(name, 1)).toBeGreaterThan(15);

    expect((await workbook.cell(name, "B2"))?.style.numFmt).toBe("#,##0");
    expect((await workbook.cell(name, "B3"))?.style.numFmt).toBe("0.0 %");
    expect((await workbook.cell(name, "C3"))?.style).toMatchObject({ wrap: true, vertical: "top" });
    expect((await workbook.cell(name, "A2"))?.style.border).toBe("thin");
    // A body cell left empty keeps its border, so the printed table has no holes.
    expect((await workbook.cell(name, "B4"))?.style.border).toBe("thin");
    expect(await workbook.rowHeight(name, 3)).toBeGreaterThanOrEqual(30);

    expect((await workbook.column(name, 4))?.hidden).toBe(true);
    expect((await workbook.column(name, 1))?.width).toBe(24);
    expect(await workbook.attributesOf(name, "pane")).toMatchObject({ state: "frozen", xSplit: "1", ySplit: "1" });
    expect(await workbook.attributesOf(name, "autoFilter")).toEqual({ ref: "A1:D6" });
    expect(await workbook.attributesOf(name, "pageSetup")).toEqual({ orientation: "landscape", paperSize: "9", fitToHeight: "0" });
    expect(await workbook.attributesOf(name, "pageSetUpPr")).toEqual({ fitToPage: "1" });
    expect(await workbook.definedNames()).toEqual(
      expect.arrayContaining([
        { name: "_xlnm.Print_Titles", localSheetId: "0", formula: "'Données d''essai'!$1:$1" },
        { name: "_xlnm._FilterDatabase", localSheetId: "0", formula: "'Données d''essai'!$A$1:$D$6" },
      ]),
    );
    expect(await workbook.attributesOf("Vide", "autoFilter")).toBeUndefined();
    expect(sheets.get("_meta")![1]).toEqual(["format", "essai"]);
  });

  it("is read back by the streaming reader the CLI uses for a re-consolidation", async () => {
    const file = join(workspace(), "flux.xlsx");
    await writeStreamedWorkbook(file, [
      { name: "A", columns: COLUMNS, rows: ROWS },
      { name: "B", columns: COLUMNS.slice(0, 2), rows: [{ values: ["seule", 2] }] },
    ]);
    const seen: [string, number, unknown[]][] = [];
    for await (const { sheet, position, values } of readSheetRows(file)) seen.push([sheet, position, values]);
    expect(seen).toEqual([
      ["A", 0, COLUMNS.map((column) => column.header)],
      ["A", 0, ROWS[0]!.values],
      ["A", 0, ROWS[1]!.values],
      ["A", 0, ["+33 « territoire »", null, "@RPE bip", "k3"]],
      ["A", 0, ["-10 %", true, null, "k4"]],
      ["A", 0, ["Trop long", 1, `${"x".repeat(32_766)}…`, "k5"]],
      ["B", 1, ["Territoire", "Valeur"]],
      ["B", 1, ["seule", 2]],
    ]);
  });

  it("shares repeated short texts in a bounded table and writes the others inline, rows encoded ahead or not", async () => {
    const file = join(workspace(), "partage.xlsx");
    const book = new StreamedWorkbook({ maxCount: 2, maxLength: 12 });
    const sheet = book.sheet({ name: "Textes", columns: COLUMNS });
    const early = sheet.encode({ values: ["Territoire A", 1, "un commentaire bien plus long", "k"] });
    await book.write(file, [{ encoder: sheet, rows: [early, { values: ["Territoire A", 2, " espace", "k"] }, { values: ["Territoire B", 3, null, "k"] }] }]);

    const zip = await JSZip.loadAsync(readFileSync(file));
    const table = await zip.file("xl/sharedStrings.xml")!.async("string");
    // Header texts come first; the table stops at two entries, long texts never enter it.
    expect(table).toContain('uniqueCount="2"');
    expect(table).not.toContain("commentaire");
    const rows: unknown[][] = [];
    for await (const { values } of readSheetRows(file)) rows.push(values);
    expect(rows.slice(1)).toEqual([
      ["Territoire A", 1, "un commentaire bien plus long", "k"],
      ["Territoire A", 2, " espace", "k"],
      ["Territoire B", 3, null, "k"],
    ]);
  });

  it("stops at the row limit with a French message and leaves the previous file as it was", async () => {
    const file = join(workspace(), "flux.xlsx");
    writeFileSync(file, "version précédente");
    const rows = Array.from({ length: 10 }, (_, index): SheetRow => ({ values: [`T${index}`, index, null, null] }));
    const writing = writeStreamedWorkbook(file, [{ name: "Statuts", columns: COLUMNS, rows }], { maxRows: 6 });
    await expect(writing).rejects.toThrow(SheetTooLong);
    await expect(writing).rejects.toThrow(/la feuille «\sStatuts\s» dépasserait 6 lignes/);
    expect(readFileSync(file, "utf8")).toBe("version précédente");
  });

  it("keeps memory to a slice whatever the sheet's length: a long sheet is written and read back", async () => {
    const file = join(workspace(), "long.xlsx");
    // Several deflate slices of 1 M characters each.
    const count = 30_000;
    function* many(): Generator<SheetRow> {
      for (let index = 0; index < count; index++) yield { values: [`Territoire ${index % 97}`, index, `texte ${index}`, `k${index}`] };
    }
    await writeStreamedWorkbook(file, [{ name: "Long", columns: COLUMNS, rows: many() }]);
    let last: unknown[] = [];
    let total = 0;
    for await (const { values } of readSheetRows(file)) {
      total++;
      last = values;
    }
    expect(total).toBe(count + 1);
    expect(last).toEqual([`Territoire ${(count - 1) % 97}`, count - 1, `texte ${count - 1}`, `k${count - 1}`]);
  });
});
