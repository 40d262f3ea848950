/**
 * Every kind of file the project writes — a tableau, a tableau updated in place, a bilan with its charts, a
 * consolidation with its charts, a pilote's collection file — read back by three readers that are not ours: openpyxl (cell for cell, and its
 * charts), Gnumeric's ssconvert (stricter than LibreOffice about OOXML: it may say nothing it does not also say of
 * files saved by Excel itself), and LibreOffice, which prints them; the pages are under
 * test-output/written-files/ (look at them).
 */
import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { samplePlan } from "../../src/samples/sample-plan";
import { writeTrackingFile } from "../../src/xlsx/tableau-file";
import { ctgAt } from "../support/cli";
import { territoryA, territoryB } from "../support/territories";
import { convertToPdf, requireTool } from "./support/libreoffice";
import { PYTHON, differences, openpyxlCells, ourCells } from "./support/readers";

jest.setTimeout(240_000);

const root = resolve(__dirname, "../..");
const outDir = join(root, "test-output", "written-files");
const EXCEL = resolve(__dirname, "../corpus/excel");
const ctg = ctgAt("2026-11-24T10:00:00Z");

const files: Record<"tableau" | "updated" | "bilan" | "consolidation" | "collection", string> = {
  tableau: "",
  updated: "",
  bilan: "",
  consolidation: "",
  collection: "",
};

beforeAll(async () => {
  requireTool("soffice", "libreoffice-calc-nogui");
  requireTool("ssconvert", "gnumeric");
  requireTool("pdftotext", "poppler-utils");
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  expect((await ctg("demo", "--out", outDir)).code).toBe(0);
  files.tableau = join(outDir, "suivi-ctg-demo.xlsx");
  files.bilan = join(outDir, "bilan-annuel-2026.xlsx");
  files.updated = join(outDir, "suivi-mis-a-jour.xlsx");
  copyFileSync(files.tableau, files.updated);
  const plan = samplePlan();
  plan.axes[0].subAxes[0].actions[0].title = "Consolider l'offre d'accueil du jeune enfant";
  writeFileSync(join(outDir, "plan.json"), JSON.stringify(plan));
  expect((await ctg("init", "--plan", join(outDir, "plan.json"), "--out", files.updated, "--update")).code).toBe(0);
  const a = join(outDir, "a.xlsx");
  const b = join(outDir, "b.xlsx");
  writeFileSync(a, await writeTrackingFile(territoryA(), "2026-11-01T09:00:00.000Z"));
  writeFileSync(b, await writeTrackingFile(territoryB(), "2026-11-01T09:00:00.000Z"));
  files.consolidation = join(outDir, "consolidation.xlsx");
  expect((await ctg("consolidate", a, b, "--out", files.consolidation)).code).toBe(0);
  // A pilote's collection file, with earlier quarters to read: the demo's tableau has two.
  expect((await ctg("collect", files.tableau, "--quarter", "2026-T4", "--out", join(outDir, "collecte"))).code).toBe(0);
  files.collection = join(outDir, "collecte", readdirSync(join(outDir, "collecte")).sort()[0]);
});

/** Charts per sheet, as openpyxl finds them. */
function openpyxlCharts(file: string): Record<string, number> {
  const script = "import sys, json, openpyxl\nwb = openpyxl.load_workbook(sys.argv[1])\nprint(json.dumps({ws.title: len(ws._charts) for ws in wb.worksheets}))";
  return JSON.parse(execFileSync(PYTHON, ["-c", script, file], { encoding: "utf8", timeout: 60_000 })) as Record<string, number>;
}

/** What ssconvert says on reading a file, each message reduced to its kind (a sheet's name and a cell left out). */
function gnumericComplaints(file: string): Set<string> {
  const run = spawnSync("ssconvert", [file, join(outDir, "gnumeric.csv")], { encoding: "utf8", timeout: 120_000 });
  expect([file, run.status]).toEqual([file, 0]);
  return new Set(
    `${run.stdout}\n${run.stderr}`
      .split("\n")
      .map((line) =>
        line
          .replace(/^\*\* \(ssconvert:\d+\): WARNING \*\*: [\d:.]+: /, "")
          .replace(/^.*: At A1: '.*' Invalid expression$/, "Invalid expression")
          .replace(/^At A1: '.*' Invalid expression$/, "Invalid expression")
          .trim(),
      )
      .filter((line) => line !== "" && line !== "worksheet"),
  );
}

describe("every file written, read by readers that are not ours", () => {
  it("openpyxl reads each one cell for cell as the project's reader does, with its charts", async () => {
    for (const [kind, file] of Object.entries(files)) {
      const theirs = openpyxlCells(file);
      expect([kind, theirs !== undefined]).toEqual([kind, true]);
      expect([kind, differences(await ourCells(file), theirs!)]).toEqual([kind, []]);
    }
    expect(openpyxlCharts(files.bilan)).toEqual({ "Bilan 2026": 4 });
    expect(openpyxlCharts(files.consolidation)).toMatchObject({ "Synthèse territoires": 1, "Synthèse champs": 1, Statuts: 0 });
  });

  it("Gnumeric reads each one and says nothing of it that it does not also say of Excel's own files", () => {
    const excel = new Set(readdirSync(EXCEL).flatMap((name) => [...gnumericComplaints(join(EXCEL, name))]));
    for (const [kind, file] of Object.entries(files)) {
      const unexplained = [...gnumericComplaints(file)].filter((complaint) => !excel.has(complaint));
      expect([kind, unexplained]).toEqual([kind, []]);
    }
  });

  it("LibreOffice prints the bilan with its four charts and the consolidation's syntheses with theirs, in landscape", () => {
    const bilan = convertToPdf(files.bilan, outDir);
    // A chart's title may break over two lines in its frame: words are compared, not lines.
    const text = execFileSync("pdftotext", [bilan, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
    for (const title of ["Statuts des fiches par axe", "Statuts de l'ensemble des fiches (15)", "% de la cible atteint par indicateur", "— par trimestre"])
      expect(text).toContain(title);
    // The charts' data is not printed: the print area stops before it.
    expect(text).not.toContain("Données des graphiques");
    const info = execFileSync("pdfinfo", [bilan], { encoding: "utf8" });
    const [width, height] = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(info)!.slice(1).map(Number);
    expect(width).toBeGreaterThan(height);
    execFileSync("pdftoppm", ["-png", "-r", "60", "-f", "1", "-l", "2", bilan, join(outDir, "bilan")], { stdio: "pipe" });

    const consolidation = convertToPdf(files.consolidation, outDir);
    const first = execFileSync("pdftotext", ["-layout", "-f", "1", "-l", "2", consolidation, "-"], { encoding: "utf8" });
    expect(first).toContain("Statuts des fiches actions par territoire");
    expect(first).toContain("Statuts des fiches actions par champ");
    // The synthesis prints the columns a reader compares territories by, at a readable size: not the file's name.
    expect(first).toContain("Complétude");
    expect(first).not.toContain("a.xlsx");
    execFileSync("pdftoppm", ["-png", "-r", "60", "-f", "1", "-l", "2", consolidation, join(outDir, "consolidation")], { stdio: "pipe" });
    expect(readdirSync(outDir).filter((name) => name.endsWith(".png")).length).toBeGreaterThanOrEqual(4);
  });
});
