import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import JSZip from "jszip";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SMALL_PLAN_JSON } from "../support/small-plan";
import { ctgAt } from "../support/cli";
import { XlsxFile, cellsOf, editFile, plainWorkbook } from "../support/xlsx-package";

const ctg = ctgAt("2026-11-24T10:00:00Z");

function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), "ctg-cli-"));
  writeFileSync(join(dir, "plan.json"), JSON.stringify(SMALL_PLAN_JSON));
  return dir;
}

async function editCell(file: string, sheet: string, cell: string, value: string | number): Promise<void> {
  await editFile(file, (workbook) => workbook.setCell(sheet, cell, value));
}

describe("ctg init and check", () => {
  it("creates a tableau that checks clean, and refuses to overwrite it", async () => {
    const dir = workspace();
    const file = join(dir, "suivi.xlsx");
    const init = await ctg("init", "--plan", join(dir, "plan.json"), "--out", file);
    expect(init).toMatchObject({ code: 0 });
    expect(init.out).toMatch(/3 fiches actions, 6 indicateurs/);
    const check = await ctg("check", file, "--json");
    expect(check.code).toBe(0);
    expect(JSON.parse(check.out)).toEqual({ ok: true, issues: [] });
    const again = await ctg("init", "--plan", join(dir, "plan.json"), "--out", file);
    expect(again.code).toBe(2);
    expect(again.err).toMatch(/existe déjà.*--update/);
  });

  it("reports typed errors with sheet, cell and exit code 1", async () => {
    const dir = workspace();
    const file = join(dir, "suivi.xlsx");
    await ctg("init", "--plan", join(dir, "plan.json"), "--out", file);
    await editCell(file, "Suivi des fiches", "F5", "Terminée");
    await editCell(file, "Saisies", "G2", 12.5);
    const check = await ctg("check", file, "--json");
    expect(check.code).toBe(1);
    const report = JSON.parse(check.out);
    expect(report.ok).toBe(false);
    expect(report.issues).toEqual(
      expect.arrayContaining([
        { sheet: "Suivi des fiches", cell: "F5", severity: "error", message: expect.stringMatching(/statut «\sTerminée\s» inconnu/) },
        { sheet: "Saisies", cell: "G2", severity: "error", message: expect.stringMatching(/entier positif ou nul/) },
      ]),
    );
    const human = await ctg("check", file);
    expect(human.out).toMatch(/Suivi des fiches!F5 — erreur\s: statut «\sTerminée\s» inconnu/);
    expect(human.out).toMatch(/tableau à corriger — 2 erreurs, 0 avertissement/);
  });

  it("exits 2 with a French message for unreadable files, never a stack trace", async () => {
    const dir = workspace();
    const notZip = join(dir, "notes.xlsx");
    writeFileSync(notZip, "ceci n'est pas un classeur");
    for (const args of [
      ["check", notZip],
      ["check", join(dir, "absent.xlsx")],
      ["check", dir],
    ]) {
      const result = await ctg(...args);
      expect(result.code).toBe(2);
      expect(result.err).toMatch(/«\s.*\s»/);
      expect(result.err).not.toMatch(/at .*\.(js|ts):\d+/);
    }
  });

  it("gives exit 1 for an xlsx that is not a tableau", async () => {
    const dir = workspace();
    const other = join(dir, "autre.xlsx");
    await plainWorkbook(other, "Budget", [[12]]);
    const result = await ctg("check", other, "--json");
    expect(result.code).toBe(1);
    expect(JSON.parse(result.out).issues[0].message).toMatch(/n'est pas un tableau de suivi CTG/);
  });

  it("updates a filled tableau, keeps entries and a backup", async () => {
    const dir = workspace();
    const file = join(dir, "suivi.xlsx");
    await ctg("init", "--plan", join(dir, "plan.json"), "--out", file);
    await editCell(file, "Suivi des fiches", "F2", "En cours");
    await editCell(file, "Suivi des fiches", "H2", "Comité de pilotage tenu");
    const plan = structuredClone(SMALL_PLAN_JSON);
    plan.axes[0].subAxes[0].actions[0].title = "Ouvrir deux micro-crèches";
    writeFileSync(join(dir, "plan2.json"), JSON.stringify(plan));
    const update = await ctg("init", "--plan", join(dir, "plan2.json"), "--out", file, "--update");
    expect(update.code).toBe(0);
    expect(update.out).toMatch(/Saisies conservées\s: 1 suivis de fiche/);
    const backups = () => readdirSync(dir).filter((name) => /^suivi\.sauvegarde-\d{8}-\d{6}(-\d+)?\.xlsx$/.test(name));
    expect(backups()).toHaveLength(1);
    expect(update.out).toContain(`Copie de l'ancien fichier\u00a0: ${join(dir, backups()[0])}`);
    // A second update keeps the first backup and writes one of its own.
    const again = await ctg("init", "--plan", join(dir, "plan2.json"), "--out", file, "--update");
    expect(again.code).toBe(0);
    expect(backups()).toHaveLength(2);
    const cells = await cellsOf(file, "Suivi des fiches");
    expect(cells.get("D2")).toBe("Ouvrir deux micro-crèches");
    expect(cells.get("H2")).toBe("Comité de pilotage tenu");
  });

  it("refuses an invalid plan with JSON paths, and bad usage with exit 2", async () => {
    const dir = workspace();
    writeFileSync(
      join(dir, "bad.json"),
      JSON.stringify({
        convention: { territory: "X", start: "2026-01-01", end: "2030-12-31" },
        axes: [
          {
            code: "1",
            title: "A",
            subAxes: [{ code: "1.A", title: "B", actions: [{ code: "1.A.1", title: "C", indicators: [{ label: "L", type: "pct" }] }] }],
          },
        ],
      }),
    );
    const bad = await ctg("init", "--plan", join(dir, "bad.json"), "--out", join(dir, "x.xlsx"));
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/axes\[0\]\.subAxes\[0\]\.actions\[0\]\.indicators\[0\]\.type\s: le type d'indicateur «\spct\s» inconnu/);
    expect((await ctg("init", "--plan", join(dir, "bad.json"))).code).toBe(2);
    expect((await ctg("frobnicate")).code).toBe(2);
    expect((await ctg("check", "--bogus")).code).toBe(2);
  });

  it("writes the sample plan, which init accepts as it is", async () => {
    const dir = workspace();
    const planFile = join(dir, "exemple.json");
    expect((await ctg("sample-plan", "--out", planFile)).code).toBe(0);
    expect(JSON.parse(readFileSync(planFile, "utf8")).convention.territory).toMatch(/Monts, Rance et Rougier/);
    expect((await ctg("init", "--plan", planFile, "--out", join(dir, "t.xlsx"))).code).toBe(0);
  });
});

describe("ctg import", () => {
  it("turns the seed répertoire into a plan that ctg init accepts, with a report", async () => {
    const dir = workspace();
    const seed = join(__dirname, "../../../shared/seeds/003_7db3a68b281f32e6.txt");
    const result = await ctg("import", seed, "--out", join(dir, "plan.json"), "--report", join(dir, "rapport.json"));
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/15 fiches actions, 66 indicateurs/);
    const report = JSON.parse(readFileSync(join(dir, "rapport.json"), "utf8"));
    expect(report.warnings).toEqual(expect.arrayContaining([{ code: "2.B.1", section: "liens", message: expect.stringMatching(/2\.B\.4/) }]));
    expect((await ctg("init", "--plan", join(dir, "plan.json"), "--out", join(dir, "suivi.xlsx"))).code).toBe(0);
  });

  it("exits 2 with a French message on a file that is not a répertoire or not text", async () => {
    const dir = workspace();
    writeFileSync(join(dir, "notes.txt"), "Compte rendu du COPIL");
    const notRepertoire = await ctg("import", join(dir, "notes.txt"), "--out", join(dir, "p.json"));
    expect(notRepertoire.code).toBe(2);
    expect(notRepertoire.err).toMatch(/aucune fiche action trouvée/);
    writeFileSync(join(dir, "binaire.txt"), Buffer.from([0, 1, 2, 3]));
    expect((await ctg("import", join(dir, "binaire.txt"), "--out", join(dir, "p.json"))).err).toMatch(/n'est pas un fichier texte/);
  });
});

describe("ctg import of a Word document", () => {
  it("reads a .docx répertoire through mammoth", async () => {
    const { makeDocx } = await import("../support/docx");
    const dir = workspace();
    const lines = readFileSync(join(__dirname, "../../../shared/seeds/003_7db3a68b281f32e6.txt"), "utf8").split("\n");
    writeFileSync(join(dir, "repertoire.docx"), await makeDocx(lines));
    const result = await ctg("import", join(dir, "repertoire.docx"), "--out", join(dir, "plan.json"));
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/15 fiches actions, 66 indicateurs/);
    writeFileSync(join(dir, "faux.docx"), "pas un zip");
    const bad = await ctg("import", join(dir, "faux.docx"), "--out", join(dir, "p.json"));
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/n'est pas un document Word/);
  });
});

describe("ctg bilan --json", () => {
  it("prints the computed bilan of a filled tableau, and its CDSF extract", async () => {
    const dir = workspace();
    await ctg("demo", "--out", dir);
    const file = join(dir, "suivi-ctg-demo.xlsx");
    const annual = await ctg("bilan", file, "--kind", "annual", "--year", "2026", "--json");
    expect(annual.code).toBe(0);
    const report = JSON.parse(annual.out);
    expect(report.title).toBe("Point d'étape 2026");
    expect(report.period).toEqual({ first: "2026-T1", last: "2026-T4" });
    expect(Object.values(report.statuses.overall as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(15);
    expect(report.indicators).toHaveLength(66);
    // On 24/11/2026, the point d'étape 2026 is as of that day; 2026-T4 is not over: its blanks are not missing.
    expect(report).toMatchObject({ asOf: "2026-11-24", provisional: false });
    expect(report.completeness).toMatchObject({ statusesExpected: 15 * 3 });
    // The final bilan covers 2026-2030: refused without --provisoire, with the reason and the way out.
    const refused = await ctg("bilan", file, "--kind", "final", "--cdsf", "--json");
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/Bilan impossible\s: le bilan final couvre la période jusqu'au 31\/12\/2030\s.*--provisoire/);
    const cdsf = JSON.parse((await ctg("bilan", file, "--kind", "final", "--cdsf", "--provisoire", "--json")).out);
    expect(cdsf).toMatchObject({ asOf: "2026-11-24", provisional: true });
    // Nothing is late before its échéance has passed: the demo's fiches are due from 2026 on.
    expect(cdsf.lateActions).toEqual([]);
    expect(cdsf.statuses.perAxis.map((axis: { axis: string }) => axis.axis)).toEqual(["1"]);
    expect(cdsf.indicators.every((indicator: { actionCode: string }) => indicator.actionCode === "1.A.1")).toBe(true);
  });

  it("refuses a year outside the convention and a missing kind, in French", async () => {
    const dir = workspace();
    await ctg("demo", "--out", dir);
    const file = join(dir, "suivi-ctg-demo.xlsx");
    const outside = await ctg("bilan", file, "--kind", "annual", "--year", "2035", "--json");
    expect(outside.code).toBe(2);
    expect(outside.err).toMatch(/l'année 2035 est hors de la période/);
    expect((await ctg("bilan", file, "--json")).code).toBe(2);
  });
});

describe("ctg bilan --out", () => {
  it("writes the bilan sheet as a workbook with its tables", async () => {
    const dir = workspace();
    await ctg("demo", "--out", dir);
    const result = await ctg("bilan", join(dir, "suivi-ctg-demo.xlsx"), "--kind", "midterm", "--provisoire", "--out", join(dir, "bilans"));
    expect(result.code).toBe(0);
    expect(result.out).toContain("Bilan provisoire\u00a0: ses chiffres sont ceux du 24/11/2026, avant la fin de sa période.");
    const bilan = join(dir, "bilans", "bilan-intermediaire.xlsx");
    const cells = await cellsOf(bilan, "Bilan intermédiaire");
    // The title row, repeated on every printed page, says provisoire and its date.
    expect(String(cells.get("A1"))).toMatch(/^Bilan intermédiaire provisoire au 24\/11\/2026 — Communauté de communes Monts, Rance et Rougier/);
    expect(String(cells.get("A2"))).toMatch(/^Période couverte\s: du 1er trimestre 2026 au 4e trimestre 2028\s; chiffres au 24\/11\/2026\./);
    const texts = [...cells].filter(([address]) => /^A\d+$/.test(address)).map(([, value]) => String(value));
    expect(texts).toEqual(expect.arrayContaining(["Statuts des fiches actions à la fin de la période", "Indicateurs d'évaluation"]));
    const workbook = await XlsxFile.open(bilan);
    // One page wide (the default width of a fit to pages, left unwritten as Excel does), as many tall as needed.
    expect(await workbook.attributesOf("Bilan intermédiaire", "pageSetup")).toEqual({ paperSize: "9", fitToHeight: "0", orientation: "landscape" });
    expect(await workbook.attributesOf("Bilan intermédiaire", "pageSetUpPr")).toEqual({ fitToPage: "1" });
    expect((await ctg("bilan", join(dir, "suivi-ctg-demo.xlsx"), "--kind", "final")).code).toBe(2);
  });

  it("writes the written bilan beside it, a Word document whose cover says provisoire", async () => {
    const dir = workspace();
    await ctg("demo", "--out", dir);
    const result = await ctg("bilan", join(dir, "suivi-ctg-demo.xlsx"), "--kind", "midterm", "--provisoire", "--cdsf", "--out", join(dir, "bilans"));
    expect(result.code).toBe(0);
    const document = join(dir, "bilans", "bilan-intermediaire-cdsf.docx");
    expect(result.out).toContain(`Bilan écrit (Word, à présenter au COPIL)\u00a0: ${document} (1 axe(s), 1 fiche(s) action(s)).`);
    const xml = await (await JSZip.loadAsync(readFileSync(document))).file("word/document.xml")!.async("string");
    expect(xml).toContain("Bilan intermédiaire provisoire");
    expect(xml).toContain("Schéma pluriannuel de maintien et de développement de l&apos;offre d&apos;accueil du jeune enfant");
    // The demo's own run writes its point d'étape as a document too.
    expect(readdirSync(dir)).toContain("bilan-annuel-2026.docx");
  });
});
