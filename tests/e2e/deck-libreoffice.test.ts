/**
 * The COPIL decks opened by an independent reader: LibreOffice Impress converts them to PDF, one page per slide,
 * and poppler turns the pages into PNG under test-output/deck/ (look at them).
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { run } from "../../src/cli/main";
import { convertedPdf, pdfPages, requireTool } from "./support/libreoffice";
import { computeReport } from "../../src/domain/report";
import { renderDeck } from "../../src/report/deck";
import { fullTracking, syntheticPlan } from "../../src/samples/synthetic-plan";

/** After the demo and synthetic conventions (2026-2030): every bilan as of the end of its period. */
const AFTER_CONVENTION = "2031-01-15";

const root = resolve(__dirname, "../..");
const outDir = join(root, "test-output", "deck");

const toPdf = (file: string) => convertedPdf(file, outDir);
const pages = pdfPages;

function pngs(pdf: string, prefix: string): string[] {
  execFileSync("pdftoppm", ["-png", "-r", "50", pdf, join(outDir, prefix)], { stdio: "pipe" });
  return readdirSync(outDir).filter((file) => file.startsWith(`${prefix}-`) && file.endsWith(".png"));
}

describe("COPIL deck in LibreOffice Impress", () => {
  beforeAll(() => {
    requireTool("soffice", "libreoffice-impress-nogui");
    requireTool("pdftoppm", "poppler-utils");
    rmSync(outDir, { recursive: true, force: true });
    mkdirSync(outDir, { recursive: true });
  });

  it("renders the demo's point d'étape deck, written by the CLI, one page per slide in French", async () => {
    const lines: string[] = [];
    const io = { out: (line: string) => lines.push(line), err: (line: string) => lines.push(line) };
    // On 24/11/2026: the mid-term period runs to the end of 2028, so its bilan is made as provisoire.
    const clock = { now: () => new Date("2026-11-24T10:00:00Z") };
    expect(await run(["demo", "--out", outDir], io, clock)).toBe(0);
    expect(await run(["bilan", join(outDir, "suivi-ctg-demo.xlsx"), "--kind", "midterm", "--provisoire", "--cdsf", "--out", outDir], io, clock)).toBe(0);
    expect(lines.join("\n")).toContain("copil-intermediaire-cdsf.pptx");

    const annual = toPdf(join(outDir, "copil-annuel-2026.pptx"));
    const text = execFileSync("pdftotext", ["-layout", annual, "-"], { encoding: "utf8" });
    for (const expected of [
      "Point d'étape 2026",
      "Monts, Rance et Rougier",
      "Synthèse",
      "Statuts des fiches actions par axe",
      "Axe 1",
      "Fiches en retard et principales difficultés",
      "Réalisée",
      "En cours",
    ]) {
      expect(text).toContain(expected);
    }
    // One page per slide: the demo has three axes of at most nine fiches, a series slide and a closing slide.
    expect(pages(annual)).toBe(8);
    expect(pngs(annual, "annuel")).toHaveLength(8);

    const cdsf = toPdf(join(outDir, "copil-intermediaire-cdsf.pptx"));
    const cdsfText = execFileSync("pdftotext", [cdsf, "-"], { encoding: "utf8" });
    expect(cdsfText).toContain("extrait petite enfance (CDSF)");
    expect(cdsfText).toContain("provisoire, chiffres au 24/11/2026");
    expect(pngs(cdsf, "cdsf").length).toBe(pages(cdsf));
  });

  it("renders a 40-fiche final bilan with its '(suite)' slides", async () => {
    const plan = syntheticPlan({ actions: 40, indicatorsPerAction: 2 });
    const tracking = fullTracking(plan);
    tracking.statuses = tracking.statuses.map((entry, index) =>
      index % 3 === 0 ? { ...entry, difficulties: `Recrutement difficile sur le poste n° ${index}` } : entry,
    );
    for (const axis of plan.axes) for (const sub of axis.subAxes) for (const action of sub.actions.slice(0, 4)) action.deadline = "2026";
    const report = computeReport(tracking, { kind: "final", today: AFTER_CONVENTION });
    const file = join(outDir, "copil-final.pptx");
    const { bytes, titles } = await renderDeck(report);
    writeFileSync(file, bytes);
    const pdf = toPdf(file);
    expect(pages(pdf)).toBe(titles.length);
    const text = execFileSync("pdftotext", [pdf, "-"], { encoding: "utf8" });
    expect(text).toContain("Bilan final");
    expect(text).toContain("(suite)");
    expect(pngs(pdf, "final")).toHaveLength(titles.length);
  });
});
