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
import { convertToPdf, requireTool } from "./support/libreoffice";

const root = resolve(__dirname, "../..");
const outDir = join(root, "test-output", "libreoffice-consolidation");

describe("consolidation workbook in LibreOffice", () => {
  beforeAll(() => {
    requireTool("soffice", "libreoffice-calc-nogui");
    requireTool("pdftoppm", "poppler-utils");
    rmSync(outDir, { recursive: true, force: true });
    mkdirSync(outDir, { recursive: true });
  });

  it("prints the syntheses and long tables readably, with text kept as text and the key column hidden", async () => {
    const a = join(outDir, "commune-de-test.xlsx");
    const b = join(outDir, "la-haut.xlsx");
    writeFileSync(a, await writeTrackingFile(territoryA(), "2026-11-01T09:00:00.000Z"));
    writeFileSync(b, await writeTrackingFile(territoryB(), "2026-11-01T09:00:00.000Z"));
    const out = join(outDir, "consolidation.xlsx");
    const lines: string[] = [];
    const code = await run(["consolidate", a, b, "--out", out], { out: (line) => lines.push(line), err: (line) => lines.push(line) }, { now: () => new Date("2026-11-24T10:00:00Z") });
    expect(lines.join("\n")).toContain("Consolidation écrite");
    expect(code).toBe(0);

    const pdf = convertToPdf(out, outDir);
    const text = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" });
    for (const expected of ["Commune de Test", "Commune de Là-Haut", "Reportée", "petite enfance", "Ouvrir une micro-crèche", "Accepté avec avertissements", "2026-T3"]) {
      expect(text).toContain(expected);
    }
    // Bold headers break between words, never inside one (the header font must be the one the widths assume).
    for (const header of ["Abandonnée", "Complétude", "Trimestre", "Identifiant", "Avancement", "Échéance"]) expect(text).toContain(header);
    // LibreOffice recomputes formulas: this text would print as an error or a number had it been written as one.
    expect(text).toContain("=SOMME(A1) trop cher");
    expect(text).toContain("@RPE : permanence ouverte");
    expect(text).toMatch(/33,3 %/);
    expect(text).toMatch(/\b01\/01\/2026\b/);
    // A fiche's champs go one per line in their cell (LibreOffice drops the line break of an unshared string).
    expect(text).not.toContain("enfanceparentalité");
    expect(text).not.toContain("Clé territoire");
    expect(text).not.toMatch(/code:12345\|/);

    execFileSync("pdftoppm", ["-png", "-r", "60", pdf, join(outDir, "page")], { stdio: "pipe" });
    expect(readdirSync(outDir).filter((file) => file.startsWith("page") && file.endsWith(".png")).length).toBeGreaterThanOrEqual(5);
  });
});
