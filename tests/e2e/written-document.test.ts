/**
 * The written bilan opened by independent readers: python-docx (Debian python3-docx) reads its parts back, and
 * LibreOffice Writer lays it out as PDF, then poppler turns pages into PNG under test-output/document/ (look at them).
 * Made at fixed dates through the public command, during and after the convention.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { run } from "../../src/cli/main";
import { computeReport } from "../../src/domain/report";
import { renderBilanDocument } from "../../src/report/bilan-document";
import { fullTracking, syntheticPlan } from "../../src/samples/synthetic-plan";
import { PYTHON } from "./support/readers";
import { convertedPdf, pdfPages, requireTool } from "./support/libreoffice";

const root = resolve(__dirname, "../..");
const outDir = join(root, "test-output", "document");
const PYTHON_DOCX = resolve(__dirname, "support", "python_docx_read.py");

interface ReadBack {
  paragraphs: { style: string; text: string }[];
  tables: string[][][];
  charts: number;
  footers: string[];
  title: string;
}

function pythonDocx(file: string): ReadBack {
  return JSON.parse(execFileSync(PYTHON, [PYTHON_DOCX, file], { encoding: "utf8", timeout: 60_000 })) as ReadBack;
}

const toPdf = (file: string) => convertedPdf(file, outDir);
const pages = pdfPages;

function pngs(pdf: string, prefix: string, last: number): string[] {
  execFileSync("pdftoppm", ["-png", "-r", "60", "-f", "1", "-l", String(last), pdf, join(outDir, prefix)], { stdio: "pipe" });
  return readdirSync(outDir).filter((file) => file.startsWith(`${prefix}-`) && file.endsWith(".png"));
}

/** The command line at a fixed date. */
async function ctgOn(date: string, ...args: string[]): Promise<{ code: number; lines: string[] }> {
  const lines: string[] = [];
  const io = { out: (line: string) => lines.push(line), err: (line: string) => lines.push(line) };
  const code = await run(args, io, { now: () => new Date(date) });
  return { code, lines };
}

describe("the written bilan read by python-docx and laid out by LibreOffice Writer", () => {
  beforeAll(() => {
    requireTool("soffice", "libreoffice-writer-nogui");
    requireTool("pdftoppm", "poppler-utils");
    execFileSync(PYTHON, ["-c", "import docx"], { stdio: "pipe" });
    rmSync(outDir, { recursive: true, force: true });
    mkdirSync(outDir, { recursive: true });
  });

  it("the demo's point d'étape, made after its year: cover, parts, evaluation, charts, on A4 pages", async () => {
    expect((await ctgOn("2026-11-24T10:00:00Z", "demo", "--out", outDir)).code).toBe(0);
    const made = await ctgOn("2027-01-20T10:00:00Z", "bilan", join(outDir, "suivi-ctg-demo.xlsx"), "--kind", "annual", "--year", "2026", "--out", outDir);
    expect(made.code).toBe(0);
    const file = join(outDir, "bilan-annuel-2026.docx");

    const read = pythonDocx(file);
    expect(read.title).toBe("Point d'étape 2026 — Communauté de communes Monts, Rance et Rougier");
    const texts = read.paragraphs.map((paragraph) => paragraph.text);
    expect(texts).toEqual(
      expect.arrayContaining([
        "Point d'étape 2026",
        "Période couverte\u00a0: du 1er trimestre 2026 au 4e trimestre 2026",
        "Chiffres arrêtés au 31/12/2026",
        "Appréciation de l'objectif\u00a0: Atteint",
      ]),
    );
    const headings = read.paragraphs.filter((paragraph) => paragraph.style === "Heading 1").map((paragraph) => paragraph.text);
    expect(headings).toEqual([
      "Synthèse",
      "Axe 1 — Consolider et développer les actions et services aux familles",
      "Axe 2 — Favoriser et développer l'accès aux droits et aux services",
      "Axe 3 — Créer une dynamique territoriale et développer l'attractivité",
      "Difficultés et ajustements",
      "Valeurs à confirmer",
      "Annexes",
    ]);
    // Each axe's fiches in a table whose header python-docx reads as the first row.
    expect(read.tables.some((table) => table[0].join("|") === "Code|Fiche action|Statut|Avancement|Échéance" && table.length > 1)).toBe(true);
    expect(read.charts).toBeGreaterThanOrEqual(2);
    expect(read.footers.every((footer) => footer.startsWith("Chiffres au 31/12/2026 — page "))).toBe(true);

    const pdf = toPdf(file);
    const count = pages(pdf);
    expect(count).toBeGreaterThan(8);
    const text = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" });
    for (const expected of [
      "Point d'étape 2026",
      "Statuts des fiches actions par axe",
      "Part de la cible atteinte",
      "Effets pour les habitants",
      "Annexe 3 — Méthode",
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).toMatch(new RegExp(`page 2 sur ${count}`));
    expect(pngs(pdf, "annuel", 6)).toHaveLength(6);
  });

  it("a 60-fiche final bilan made before its end, provisoire on every page, and its CDSF extract as a schéma", async () => {
    const plan = syntheticPlan({ actions: 60, indicatorsPerAction: 6 });
    const report = computeReport(fullTracking(plan), { kind: "final", today: "2029-06-30", provisional: true });
    const file = join(outDir, "bilan-final-60.docx");
    writeFileSync(file, (await renderBilanDocument(report, { now: new Date("2029-06-30T10:00:00Z") })).bytes);
    const read = pythonDocx(file);
    expect(read.paragraphs.filter((paragraph) => paragraph.style === "Heading 3")).toHaveLength(60);
    expect(read.footers.every((footer) => footer.startsWith("Document provisoire — chiffres au 30/06/2029 — page "))).toBe(true);
    const pdf = toPdf(file);
    const text = execFileSync("pdftotext", [pdf, "-"], { encoding: "utf8" });
    expect(text).toContain("BILAN PROVISOIRE");
    expect(text.match(/Document provisoire — chiffres au 30\/06\/2029/g)?.length).toBe(pages(pdf));
    expect(pngs(pdf, "final-60", 4)).toHaveLength(4);

    const demo = await ctgOn(
      "2026-11-24T10:00:00Z",
      "bilan",
      join(outDir, "suivi-ctg-demo.xlsx"),
      "--kind",
      "midterm",
      "--provisoire",
      "--cdsf",
      "--out",
      outDir,
    );
    expect(demo.code).toBe(0);
    const cdsf = pythonDocx(join(outDir, "bilan-intermediaire-cdsf.docx"));
    expect(cdsf.paragraphs.filter((paragraph) => paragraph.style === "Heading 2").map((paragraph) => paragraph.text)).toEqual(
      expect.arrayContaining([
        "1. État de l'offre et des besoins d'accueil",
        "2. Développement quantitatif prévu",
        "3. Développement qualitatif",
        "4. Calendrier",
        "5. Estimation des coûts",
        "6. Articulation avec le schéma départemental des services aux familles",
      ]),
    );
    expect(pngs(toPdf(join(outDir, "bilan-intermediaire-cdsf.docx")), "cdsf", 3)).toHaveLength(3);
  });
});
