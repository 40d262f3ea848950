/**
 * The demo workbook opened by an independent reader: LibreOffice converts it to PDF, poppler turns the pages into
 * PNG under test-output/ (look at them), and the PDF text must show the French content of the tableau.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { run } from "../../src/cli/main";
import { convertToPdf, requireTool } from "./support/libreoffice";

const root = resolve(__dirname, "../..");
const outDir = join(root, "test-output", "libreoffice-demo");

describe("demo workbook in LibreOffice", () => {
  beforeAll(() => {
    requireTool("soffice", "libreoffice-calc-nogui");
    requireTool("pdftoppm", "poppler-utils");
    rmSync(outDir, { recursive: true, force: true });
    mkdirSync(outDir, { recursive: true });
  });

  it("converts to a readable PDF in French", async () => {
    const lines: string[] = [];
    const code = await run(["demo", "--out", outDir], { out: (line) => lines.push(line), err: (line) => lines.push(line) });
    expect(lines.join("\n")).toMatch(/0 erreur/);
    expect(code).toBe(0);
    const workbook = join(outDir, "suivi-ctg-demo.xlsx");
    const pdf = convertToPdf(workbook, outDir);
    expect(existsSync(pdf)).toBe(true);
    const text = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" });
    for (const expected of ["Monts, Rance et Rougier", "Fiche action", "En cours", "Réalisée", "Indicateur", "2026-T1"]) {
      expect(text).toContain(expected);
    }
    // French formats: a rate with a decimal comma, dates as jj/mm/aaaa.
    expect(text).toMatch(/\b\d{1,3},\d\s%/);
    expect(text).toContain("01/01/2026");
    execFileSync("pdftoppm", ["-png", "-r", "60", "-f", "1", "-l", "8", pdf, join(outDir, "page")], { stdio: "pipe" });
    expect(readdirSync(outDir).filter((file) => file.startsWith("page") && file.endsWith(".png")).length).toBeGreaterThan(2);
  });
});
