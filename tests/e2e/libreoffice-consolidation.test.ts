/**
 * The CLI's consolidation workbook opened by an independent reader: LibreOffice prints it to PDF (pages under
 * test-output/libreoffice-consolidation/, look at them). The PDF must show the territories in French formats,
 * formula-looking text as text, and never the hidden key column.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { run } from "../../src/cli/main";
import { writeTrackingFile } from "../../src/xlsx/tableau-file";
import { territoryA, territoryB } from "../support/territories";
import { readSheetRows } from "../../src/xlsx/sheet-stream-reader";
import { convertToPdf, requireTool, resaveAsXlsx } from "./support/libreoffice";

const root = resolve(__dirname, "../..");
const outDir = join(root, "test-output", "libreoffice-consolidation");

/** Both test territories' tableaux, written in the output directory. */
async function territoryFiles(): Promise<{ a: string; b: string }> {
  const a = join(outDir, "commune-de-test.xlsx");
  const b = join(outDir, "la-haut.xlsx");
  writeFileSync(a, await writeTrackingFile(territoryA(), "2026-11-01T09:00:00.000Z"));
  writeFileSync(b, await writeTrackingFile(territoryB(), "2026-11-01T09:00:00.000Z"));
  return { a, b };
}

describe("consolidation workbook in LibreOffice", () => {
  beforeAll(() => {
    requireTool("soffice", "libreoffice-calc-nogui");
    requireTool("pdftoppm", "poppler-utils");
    rmSync(outDir, { recursive: true, force: true });
    mkdirSync(outDir, { recursive: true });
  });

  it("prints the syntheses and long tables readably, with text kept as text and the key column hidden", async () => {
    const { a, b } = await territoryFiles();
    const out = join(outDir, "consolidation.xlsx");
    const lines: string[] = [];
    const code = await run(
      ["consolidate", a, b, "--out", out],
      { out: (line) => lines.push(line), err: (line) => lines.push(line) },
      { now: () => new Date("2026-11-24T10:00:00Z") },
    );
    expect(lines.join("\n")).toContain("Consolidation écrite");
    expect(code).toBe(0);

    const pdf = convertToPdf(out, outDir);
    const text = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" });
    for (const expected of [
      "Commune de Test",
      "Commune de Là-Haut",
      "Reportée",
      "petite enfance",
      "Ouvrir une micro-crèche",
      "Accepté avec avertissements",
      "2026-T3",
    ]) {
      expect(text).toContain(expected);
    }
    // Bold headers break between words, never inside one (the header font must be the one the widths assume).
    for (const header of ["Abandonnée", "Complétude", "Trimestre", "Identifiant", "Avancement", "Échéance"]) expect(text).toContain(header);
    // LibreOffice recomputes formulas: this text would print as an error or a number had it been written as one.
    expect(text).toContain("=SOMME(A1) trop cher");
    expect(text).toContain("@RPE : permanence ouverte");
    expect(text).toMatch(/33,3\s%/);
    expect(text).toMatch(/\b01\/01\/2026\b/);
    // A fiche's champs go one per line in their cell (LibreOffice drops the line break of an unshared string).
    expect(text).not.toContain("enfanceparentalité");
    expect(text).not.toContain("Clé territoire");
    expect(text).not.toMatch(/code:12345\|/);

    execFileSync("pdftoppm", ["-png", "-r", "60", pdf, join(outDir, "page")], { stdio: "pipe" });
    expect(readdirSync(outDir).filter((file) => file.startsWith("page") && file.endsWith(".png")).length).toBeGreaterThanOrEqual(5);
  });

  it("adds territories to a consolidation that LibreOffice saved again, keeping the other territories' rows", async () => {
    const { a, b } = await territoryFiles();
    const first = join(outDir, "avant-libreoffice.xlsx");
    const console = { out: () => undefined, err: () => undefined };
    const clock = { now: () => new Date("2026-11-24T10:00:00Z") };
    expect(await run(["consolidate", a, b, "--out", first], console, clock)).toBe(0);
    const resavedDir = join(outDir, "enregistre");
    mkdirSync(resavedDir, { recursive: true });
    // An office suite writes the parts in its own order, with a shared string table after the sheets.
    const resaved = resaveAsXlsx(first, resavedDir);
    const rowsOf = async (file: string, sheet: string) => {
      const rows: unknown[][] = [];
      for await (const row of readSheetRows(file)) if (row.sheet === sheet) rows.push(row.values);
      return rows;
    };
    const statusesBefore = await rowsOf(resaved, "Statuts");
    expect(statusesBefore.length).toBeGreaterThan(1);
    expect(statusesBefore.some((row) => row.includes("=SOMME(A1) trop cher"))).toBe(true);

    const newer = territoryA();
    newer.statuses.push({ actionCode: "2.A.1", quarter: "2026-T3", status: "En cours", progress: 10 });
    const a2 = join(outDir, "commune-de-test-novembre.xlsx");
    // Same creation stamp as the first file: the convention keeps the identifier its template gave it.
    writeFileSync(a2, await writeTrackingFile(newer, "2026-11-01T09:00:00.000Z"));
    const lines: string[] = [];
    const code = await run(["consolidate", a2, "--out", resaved], { out: (line) => lines.push(line), err: (line) => lines.push(line) }, clock);
    expect({ code, lines }).toEqual({ code: 0, lines: expect.arrayContaining([expect.stringMatching(/1 de ce lot, 1 déjà consolidé/)]) });
    const statusesAfter = await rowsOf(resaved, "Statuts");
    const laHaut = (rows: unknown[][]) => rows.filter((row) => row[0] === "Commune de Là-Haut");
    expect(laHaut(statusesAfter)).toEqual(laHaut(statusesBefore));
    expect(statusesAfter.filter((row) => row[0] === "Commune de Test")).toHaveLength(statusesBefore.filter((row) => row[0] === "Commune de Test").length + 1);
  });
});
