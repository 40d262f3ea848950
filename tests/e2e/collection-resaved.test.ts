/**
 * Collection files as partners return them: filled in openpyxl (the library behind many scripts), filled and
 * saved again by LibreOffice Calc (the office suite of many small communes), then merged by `ctg merge`. The
 * values arrive in the tableau, and what LibreOffice prints of a prepared file is kept as pictures to look at.
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { demoTracking } from "../../src/samples/demo-entries";
import { samplePlan } from "../../src/samples/sample-plan";
import { collectionLabels } from "../../src/labels/catalog";
import { readTableauFile, writeTrackingFile } from "../../src/xlsx/tableau-file";
import { ctgAt } from "../support/cli";
import { convertedPdf, pdfPages, requireTool, resaveAsXlsx } from "./support/libreoffice";
import { PYTHON } from "./support/readers";

jest.setTimeout(240_000);

const ctg = ctgAt("2026-11-24T10:00:00Z");
const later = ctgAt("2026-12-02T14:00:00Z");

/** A pilote fills their first fiche's status and the first value of their « Saisies » (whatever its type allows). */
const FILL = `
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb["Suivi des fiches"]
ws["F2"] = "En cours"
ws["G2"] = 0.6
ws["I2"] = "Recrutement en cours"
values = wb["Saisies"]
for row in range(2, values.max_row + 1):
    if values.cell(row, 4).value == "Nombre":
        values.cell(row, 7).value = int(sys.argv[3])
        print(values.cell(row, 2).value)
        break
wb.save(sys.argv[2])
`;

function python(script: string, ...args: string[]): string {
  return execFileSync(PYTHON, ["-c", script, ...args], { encoding: "utf8", timeout: 60_000 }).trim();
}

describe("collection files filled and saved again by the partners' tools", () => {
  let dir: string;
  let tableau: string;
  let collected: string;
  beforeAll(async () => {
    requireTool("soffice", "libreoffice-calc-nogui");
    dir = mkdtempSync(join(tmpdir(), "ctg-collect-resaved-"));
    tableau = join(dir, "suivi.xlsx");
    writeFileSync(tableau, await writeTrackingFile(demoTracking(samplePlan()), "2026-10-01T09:00:00.000Z"));
    collected = join(dir, "collecte");
    const result = await ctg("collect", tableau, "--quarter", "2026-T4", "--out", collected);
    expect(result.code).toBe(0);
  });

  it("merges a file filled by openpyxl and one filled then saved again by LibreOffice Calc", async () => {
    const returns = join(dir, "retours");
    mkdirSync(returns);
    const first = join(collected, collectionLabels.fileName("2026-T4", "Conseillère France Services"));
    const second = join(collected, collectionLabels.fileName("2026-T4", "Relais Petite Enfance – Coordinatrice"));
    const byOpenpyxl = join(returns, "france-services.xlsx");
    const firstIndicator = python(FILL, first, byOpenpyxl, "14");
    // LibreOffice opens the file filled by openpyxl and saves it as .xlsx, as a commune without Excel does.
    const filled = join(dir, "rpe.xlsx");
    const secondIndicator = python(FILL, second, filled, "23");
    const resavedDir = join(dir, "lo");
    mkdirSync(resavedDir);
    const byLibreOffice = resaveAsXlsx(filled, resavedDir);
    copyFileSync(byLibreOffice, join(returns, "rpe.xlsx"));

    const report = join(dir, "rapport.json");
    const merged = await later("merge", tableau, byOpenpyxl, join(returns, "rpe.xlsx"), "--report", report);
    expect(merged.err).toBe("");
    const files = (JSON.parse(readFileSync(report, "utf8")) as { files: { status: string; reasons: string[]; changes: unknown[] }[] }).files;
    expect(files.map((file) => [file.status, file.reasons])).toEqual([
      [expect.stringMatching(/^accepted|warnings$/), []],
      [expect.stringMatching(/^accepted|warnings$/), []],
    ]);
    expect(files.map((file) => file.changes.length)).toEqual([4, 4]);

    const reading = await readTableauFile(new Uint8Array(readFileSync(tableau)), tableau, "2026-12-02");
    expect(reading.issues.filter((issue) => issue.severity === "error")).toEqual([]);
    const values = reading.tracking!.measurements;
    expect(values).toContainEqual(expect.objectContaining({ indicatorId: firstIndicator, quarter: "2026-T4", value: 14 }));
    expect(values).toContainEqual(expect.objectContaining({ indicatorId: secondIndicator, quarter: "2026-T4", value: 23 }));
    expect(reading.tracking!.journal?.filter((entry) => entry.kind === "retour").map((entry) => entry.person)).toEqual([
      "Conseillère France Services",
      "Relais Petite Enfance – Coordinatrice",
    ]);
    // Merged again, after LibreOffice saved them: nothing changes.
    const before = readFileSync(tableau);
    expect((await later("merge", tableau, byOpenpyxl, join(returns, "rpe.xlsx"))).out).toContain("n'est pas modifié");
    expect(readFileSync(tableau).equals(before)).toBe(true);
  });

  it("prints a prepared file on a few pages, kept as pictures under test-output/collection", () => {
    requireTool("pdftoppm", "poppler-utils");
    const file = join(collected, collectionLabels.fileName("2026-T4", "Communauté de communes – Chargée de coopération CTG"));
    const outDir = join(process.cwd(), "test-output", "collection");
    mkdirSync(outDir, { recursive: true });
    const copy = join(outDir, "collecte-chargee.xlsx");
    copyFileSync(file, copy);
    const pdf = convertedPdf(copy, outDir);
    const pages = pdfPages(pdf);
    expect(pages).toBeGreaterThanOrEqual(3);
    expect(pages).toBeLessThanOrEqual(12);
    execFileSync("pdftoppm", ["-png", "-r", "50", "-l", "4", pdf, join(outDir, "collecte-chargee")], { timeout: 60_000 });
    const text = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" });
    expect(text).toContain("Collecte du 4e trimestre 2026");
    expect(text).toContain("Trimestres précédents");
  });
});
