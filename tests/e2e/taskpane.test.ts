/**
 * The production bundle of the task pane in headless Chromium, on the fake Excel host: each screen is saved as a
 * PNG under test-output/taskpane/ (look at them) and checked with axe-core (no serious or critical violation, as
 * RGAA / WCAG 2.1 AA requires).
 */
import { mkdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Page } from "playwright-core";
import { paneSession } from "./support/pane-server";
import { screenCheck } from "./support/screens";

const root = resolve(__dirname, "../..");
const shots = join(root, "test-output", "taskpane");

const screen = (page: Page, name: string) => screenCheck(page, shots, name);
const pane = paneSession();

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
});

function fake<T>(page: Page, script: string): Promise<T> {
  return page.evaluate(script) as Promise<T>;
}

async function createFromSample(page: Page): Promise<void> {
  await page.getByRole("heading", { name: "Créer le tableau de suivi" }).waitFor();
  await page.getByRole("textbox", { name: /Territoire/ }).fill("Communauté de communes Monts, Rance et Rougier");
  await page.getByRole("button", { name: "Créer le tableau de suivi" }).click();
  await page.getByRole("tab", { name: "Tableau de bord" }).waitFor();
}

describe("task pane in Chromium", () => {
  it("runs on Microsoft's Office.js runtime, whose serialised requests reach the fake host", async () => {
    const page = await pane.open();
    await createFromSample(page);
    // excel-web-16.00.js from @microsoft/office-js defines these; the fake host only answers its requests.
    expect(await fake<string[]>(page, `[typeof OfficeExtension.ClientRequestContext, typeof Excel.RequestContext, typeof Excel.run]`)).toEqual([
      "function",
      "function",
      "function",
    ]);
    const stats = await fake<{ syncs: number; requestBytes: number[]; responseBytes: number[] }>(page, `window.__fakeExcel.stats`);
    expect(stats.syncs).toBeGreaterThan(3);
    expect(Math.max(...stats.requestBytes)).toBeLessThan(4_000_000);
    expect(Math.max(...stats.responseBytes)).toBeGreaterThan(0);
  });

  it("on Excel 2019 (ExcelApi 1.7), says in French that the set-up needs ExcelApi 1.8 and writes nothing", async () => {
    const page = await pane.open("?excelApi=1.7");
    await page.getByRole("heading", { name: "Créer le tableau de suivi" }).waitFor();
    await page.getByRole("textbox", { name: /Territoire/ }).fill("Communauté de communes Monts, Rance et Rougier");
    await page.getByRole("button", { name: "Créer le tableau de suivi" }).click();
    await page.getByText(/La mise en place ou la mise à jour du tableau .*nécessite ExcelApi 1\.8/).waitFor();
    expect(await fake<number>(page, `window.__fakeExcel.state.sheets.length`)).toBe(0);
    await screen(page, "00-excel-2019-mise-en-place");
  });

  it("creates the tableau from the sample with the keyboard only", async () => {
    const page = await pane.open();
    await page.getByRole("heading", { name: "Créer le tableau de suivi" }).waitFor();
    await screen(page, "01-assistant");
    await page.getByRole("button", { name: "Créer le tableau de suivi" }).focus();
    await page.keyboard.press("Enter");
    await page.getByText(/Territoire\s: le territoire ne doit pas être vide/).waitFor();
    await screen(page, "02-assistant-erreur");
    await page.getByRole("textbox", { name: /Territoire/ }).focus();
    await page.keyboard.type("CC Monts, Rance et Rougier");
    await page.keyboard.press("Enter");
    await page.getByRole("tab", { name: "Tableau de bord" }).waitFor();
    expect(await fake<number>(page, `window.__fakeExcel.sheet("Suivi des fiches").usedRect().rows`)).toBe(301);
    await screen(page, "03-tableau-de-bord");
  });

  it("refuses an invalid value, saves a valid entry, and respects a locked quarter", async () => {
    const page = await pane.open();
    await createFromSample(page);
    await page.getByRole("tab", { name: "Saisie" }).click();
    const value = page.getByRole("textbox", { name: /Nombre et nature des outils de communication/ });
    await value.fill("12,5");
    await page.getByText(/La valeur 12,5 doit être un nombre entier positif ou nul/).waitFor();
    expect(await page.getByRole("button", { name: "Enregistrer" }).isDisabled()).toBe(true);
    await screen(page, "04-saisie-refusee");
    await value.fill("3");
    await page.getByRole("combobox", { name: /Statut/ }).click();
    await page.getByRole("option", { name: "En cours" }).click();
    await page.getByRole("textbox", { name: /Avancement/ }).fill("40");
    await page.getByRole("button", { name: "Enregistrer" }).click();
    await page.getByText(/Enregistré\s: \d+ cellules de la fiche 1\.A\.1/).waitFor();
    await screen(page, "05-saisie-enregistree");
    const stored = await fake<unknown[]>(page, `[...window.__fakeExcel.sheet("Suivi des fiches").cells.values()].map((cell) => cell.value)`);
    expect(stored).toContain(0.4);

    await page.getByRole("tab", { name: "Tableau de bord" }).click();
    await page.getByRole("button", { name: "Verrouiller le trimestre après le COPIL" }).click();
    // The quarter is not over and most fiches have no status: the pane asks first.
    await page.getByRole("dialog").getByRole("button", { name: "Verrouiller quand même" }).click();
    await page.getByText(/est verrouillé\s: ses saisies ne peuvent plus être modifiées/).waitFor();
    await page.getByRole("dialog").waitFor({ state: "detached" });
    await screen(page, "06-trimestre-verrouille");
    await page.getByRole("tab", { name: "Saisie" }).click();
    await page.getByText(/^Le \d(er|e) trimestre \d{4} est verrouillé depuis son COPIL/).waitFor();
    expect(await page.getByRole("button", { name: "Enregistrer" }).isDisabled()).toBe(true);
    await screen(page, "07-saisie-verrouillee");
  });

  it("warns of a status that goes back, with the reason, saves it anyway, and keeps the mark of verification", async () => {
    const page = await pane.open("?vue=saisie");
    await createFromSample(page);
    // Fiche 1.A.1 was « Réalisée » the quarter before the one the form opens on.
    const quarter = await fake<string>(
      page,
      `(() => {
      const suivi = window.__fakeExcel.sheet("Suivi des fiches");
      const quarters = [];
      for (let row = 1; suivi.peek(row, 0); row++) if (suivi.peek(row, 2)?.value === "1.A.1") quarters.push([row, suivi.peek(row, 0).value]);
      const today = new Date();
      const current = today.getFullYear() + "-T" + (Math.floor(today.getMonth() / 3) + 1);
      const index = quarters.findIndex(([, quarter]) => quarter === current);
      suivi.cell(quarters[index - 1][0], 5).value = "Réalisée";
      suivi.cell(quarters[index - 1][0], 6).value = 1;
      return current;
    })()`,
    );
    await page.getByRole("tab", { name: "Tableau de bord" }).click();
    await page.getByRole("tab", { name: "Saisie" }).click();
    await page.getByRole("combobox", { name: /Statut/ }).click();
    await page.getByRole("option", { name: "En cours" }).click();
    await page.getByText(/La fiche 1\.A\.1 repasse de .+Réalisée.+ à .+En cours.+ expliquez ce retour dans .+Ajustements/).waitFor();
    const save = page.getByRole("button", { name: "Enregistrer" });
    expect(await save.isDisabled()).toBe(false);
    await page.getByRole("checkbox", { name: "J'ai vérifié ce statut : il est juste" }).check();
    await screen(page, "10-saisie-a-confirmer");
    await save.click();
    await page.getByText(/Enregistré\s: \d+ cellules de la fiche 1\.A\.1/).waitFor();
    const mark = await fake<unknown>(
      page,
      `(() => {
      const suivi = window.__fakeExcel.sheet("Suivi des fiches");
      let col = 0;
      while (suivi.peek(0, col)?.value !== "Vérifié") col++;
      for (let row = 1; suivi.peek(row, 0); row++) if (suivi.peek(row, 2)?.value === "1.A.1" && suivi.peek(row, 0).value === ${JSON.stringify(quarter)}) return suivi.peek(row, col)?.value;
    })()`,
    );
    expect(mark).toBe("Oui");
    // Marked, Vérifier does not raise it.
    await page.getByRole("tab", { name: "Vérifier" }).click();
    await page.getByRole("button", { name: "Vérifier le tableau" }).click();
    await page.getByText(/Aucun problème|erreur\(s\) et/).waitFor();
    expect(await page.getByText(/repasse de .Réalisée./).count()).toBe(0);
  });

  it("writes a fiche's evaluation of the year from the Évaluation tab, in its row of « Évaluation des fiches »", async () => {
    const page = await pane.open("?vue=evaluation");
    await createFromSample(page);
    await page.getByRole("tab", { name: "Évaluation" }).click();
    const form = page.getByRole("form", { name: "Évaluation de l'année" });
    await form.getByRole("textbox", { name: /^Effets pour les habitants/ }).fill("Douze familles ont trouvé une place près de chez elles.");
    await form.getByRole("textbox", { name: /^Sources et preuves/ }).fill("Liste d'attente du RPE");
    await form.getByRole("combobox", { name: /Appréciation de l'objectif/ }).click();
    await page.getByRole("option", { name: "Partiellement atteint" }).click();
    await screen(page, "11-evaluation");
    await form.getByRole("button", { name: "Enregistrer l'évaluation" }).click();
    await form.getByText(/Enregistré\s: 4 cellules de l'évaluation \d{4} de la fiche 1\.A\.1/).waitFor();
    const row = await fake<unknown[]>(
      page,
      `(() => {
      const sheet = window.__fakeExcel.sheet("Évaluation des fiches");
      for (let row = 1; sheet.peek(row, 0); row++) if (sheet.peek(row, 2)?.value === "1.A.1" && sheet.peek(row, 0).value === new Date().getFullYear()) return [4, 5, 6].map((col) => sheet.peek(row, col)?.value ?? null);
    })()`,
    );
    expect(row).toEqual(["Douze familles ont trouvé une place près de chez elles.", "Liste d'attente du RPE", "Partiellement atteint"]);
  });

  it("imports a pasted répertoire and shows its fiches and inferred types for review", async () => {
    const page = await pane.open();
    await page.getByRole("heading", { name: "Créer le tableau de suivi" }).waitFor();
    await page.getByRole("radio", { name: /Importer un répertoire/ }).check();
    const seed = readFileSync(resolve(root, "../shared/seeds/003_7db3a68b281f32e6.txt"), "utf8");
    await page.getByRole("textbox", { name: /Ou collez le texte du répertoire/ }).fill(seed);
    await page.getByRole("button", { name: "Analyser le texte collé" }).click();
    await page.getByText(/15 fiches actions trouvées/).waitFor();
    await screen(page, "09-import-repertoire");
    await page.getByRole("button", { name: "Créer le tableau de suivi" }).click();
    await page.getByRole("tab", { name: "Tableau de bord" }).waitFor();
    expect(await fake<number>(page, `window.__fakeExcel.sheet("Saisies").usedRect().rows`)).toBeGreaterThan(600);
  });

  it("lists the errors typed directly in the cells and goes to the cell on click", async () => {
    const page = await pane.open("?vue=saisie");
    await createFromSample(page);
    await fake(
      page,
      `(() => {
      const suivi = window.__fakeExcel.sheet("Suivi des fiches");
      suivi.cell(3, 5).value = "Terminé";
      const saisies = window.__fakeExcel.sheet("Saisies");
      saisies.cell(1, 6).value = "douze";
    })()`,
    );
    await page.getByRole("tab", { name: "Vérifier" }).click();
    await page.getByRole("button", { name: "Vérifier le tableau" }).click();
    const statusIssue = page.getByRole("button", { name: /^Erreur — feuille «.Suivi des fiches.», ligne 4, colonne «.Statut.»\s: statut «.Terminé.» inconnu/ });
    await statusIssue.waitFor();
    await page.getByRole("button", { name: /^Erreur — feuille «.Saisies.», ligne 2, colonne «.Valeur.»\s: .*«.douze.» n'est pas un nombre/ }).waitFor();
    await page.getByText(/^Vérifié au \d{2}\/\d{2}\/\d{4}\s: un trimestre qui n'a pas encore commencé/).waitFor();
    await screen(page, "08-verifier");
    await statusIssue.click();
    await page.waitForFunction(`window.__fakeExcel.state.selection?.sheet === "Suivi des fiches"`);
    expect(await fake(page, `window.__fakeExcel.state.selection.rect`)).toEqual({ row: 3, col: 5, rows: 1, cols: 1 });
  });

  it("generates the bilan sheet with its charts from the ribbon's Bilans view, and downloads the COPIL deck", async () => {
    const page = await pane.open("?vue=bilan");
    await createFromSample(page);
    // Statuses and values typed straight in the sheets for 2026-T1 and T2 (rows follow docs/format-classeur.md).
    await fake(
      page,
      `(() => {
      const suivi = window.__fakeExcel.sheet("Suivi des fiches");
      for (let row = 1; row <= 30; row++) {
        suivi.cell(row, 5).value = row % 4 === 0 ? "Réalisée" : row % 5 === 0 ? "Reportée" : "En cours";
        suivi.cell(row, 6).value = row % 4 === 0 ? 1 : 0.5;
      }
      suivi.cell(3, 8).value = "Poste de coordination vacant";
      const saisies = window.__fakeExcel.sheet("Saisies");
      const first = saisies.cell(1, 1).value;
      for (let row = 1; row < 2000; row++) if (saisies.cell(row, 1).value === first && String(saisies.cell(row, 5).value).startsWith("2026")) saisies.cell(row, 6).value = 2 + row % 7;
    })()`,
    );
    await page.getByRole("tab", { name: "Bilans" }).click();
    const panel = page.getByRole("region", { name: "Bilans" });
    await panel.getByRole("button", { name: "Générer le bilan" }).click();
    await panel.getByText(/Feuille «.Bilan 2026.» écrite avec \d graphiques/).waitFor();
    const charts = await fake<{ name: string; type: string }[]>(
      page,
      `window.__fakeExcel.sheet("Bilan 2026").charts.map((chart) => ({ name: chart.name, type: chart.type }))`,
    );
    expect(charts).toEqual(
      expect.arrayContaining([
        { name: "CTG_StatutsParAxe", type: "BarStacked" },
        { name: "CTG_StatutsEnsemble", type: "Doughnut" },
        { name: "CTG_SerieIndicateur", type: "Line" },
      ]),
    );
    await screen(page, "10-bilan-genere");

    await panel.getByRole("radio", { name: "Bilan intermédiaire" }).check();
    await panel.getByRole("combobox", { name: /Dernier trimestre couvert/ }).waitFor();
    const download = page.waitForEvent("download");
    await panel.getByRole("button", { name: /Télécharger la présentation COPIL/ }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe("copil-intermediaire.pptx");
    const saved = join(shots, "copil-intermediaire.pptx");
    await file.saveAs(saved);
    await panel.getByText(/Présentation «.copil-intermediaire\.pptx.» prête \(\d+ diapositives\)/).waitFor();
    await screen(page, "11-bilan-presentation");
    const JSZip = (await import("jszip")).default;
    const zip = await JSZip.loadAsync(readFileSync(saved));
    expect(Object.keys(zip.files).filter((name) => /^ppt\/charts\/chart\d+\.xml$/.test(name)).length).toBeGreaterThanOrEqual(3);
    expect(await zip.file("ppt/slides/slide1.xml")!.async("string")).toContain("Bilan intermédiaire");
  });
});
