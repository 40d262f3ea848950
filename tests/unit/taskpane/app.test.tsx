/**
 * @jest-environment jsdom
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App } from "../../../src/taskpane/App";
import { FeatureUnavailable } from "../../../src/excel";
import { officeGateway } from "../../../src/taskpane/gateway";
import { SHEETS } from "../../../src/workbook/layout";
import { createFakeExcel, seedWorkbook } from "../../fake-excel";

// Rendering Fluent UI in jsdom is slow on a loaded two-core machine; these are behaviour tests, not timings.
jest.setTimeout(30_000);

function renderPane(host = createFakeExcel(), initialView: "tableau" | "saisie" = "tableau") {
  const gateway = officeGateway(host.run, () => new Date("2026-11-24T10:00:00Z"));
  render(
    <FluentProvider theme={webLightTheme}>
      <App host="excel" gateway={gateway} initialView={initialView} />
    </FluentProvider>,
  );
  return host;
}

describe("task pane", () => {
  it("offers the set-up wizard on an empty workbook and creates the tableau from the sample", async () => {
    const user = userEvent.setup();
    const host = renderPane();
    await screen.findByRole("heading", { name: "Créer le tableau de suivi" });
    await user.click(screen.getByRole("button", { name: "Créer le tableau de suivi" }));
    expect(await screen.findByText(/le territoire ne doit pas être vide/)).toBeTruthy();
    await user.type(screen.getByRole("textbox", { name: /Territoire/ }), "Communauté de communes Monts, Rance et Rougier");
    await user.click(screen.getByRole("button", { name: "Créer le tableau de suivi" }));
    await screen.findByRole("tab", { name: "Tableau de bord" });
    expect(host.sheet(SHEETS.tracking).usedRect()?.rows).toBe(1 + 15 * 20);
    expect(screen.getByText(/Non renseigné\s: 15/)).toBeTruthy();
  });

  it("refuses an invalid indicator value as the user types, then writes a valid entry", async () => {
    const user = userEvent.setup();
    const host = createFakeExcel();
    const setupGateway = officeGateway(host.run, () => new Date("2026-11-24T10:00:00Z"));
    const { samplePlan } = await import("../../../src/samples/sample-plan");
    await setupGateway.setUp(samplePlan());
    renderPane(host, "saisie");
    const form = await screen.findByRole("form", { name: "Saisie trimestrielle" });
    const first = within(form).getByRole("textbox", { name: /Nombre et nature des outils de communication/ });
    await user.type(first, "douze");
    expect(await within(form).findByText(/«.douze.» n'est pas un nombre/)).toBeTruthy();
    expect((within(form).getByRole("button", { name: "Enregistrer" }) as HTMLButtonElement).disabled).toBe(true);
    await user.clear(first);
    await user.type(first, "3");
    await user.click(within(form).getByRole("combobox", { name: /Statut/ }));
    await user.click(await screen.findByRole("option", { name: "En cours" }));
    await user.type(within(form).getByRole("textbox", { name: /Avancement/ }), "40");
    await user.click(within(form).getByRole("button", { name: "Enregistrer" }));
    expect(
      await screen.findByText(
        /Enregistré\s: \d+ cellules de la fiche 1\.A\.1 pour le 4e trimestre 2026 \(feuille «\sSuivi des fiches\s», ligne \d+\s; feuille «\sSaisies\s», lignes [\d, et]+\)\./,
      ),
    ).toBeTruthy();
    const cells = [...host.sheet(SHEETS.tracking).cells.values()].map((cell) => cell.value);
    expect(cells).toContain("En cours");
    expect(cells).toContain(0.4);
  });
});

describe("entry form, every indicator type", () => {
  it.each([
    ["1.A.1", "Nombre de places", "2,5", /entier positif ou nul/],
    ["1.A.1", "Taux d'occupation", "140", /entre 0 et 100/],
    ["1.A.1", "Budget engagé", "12,345", /2 décimales/],
    ["1.A.2", "Guichet unique ouvert", "peut-être", /Oui ou Non/],
    ["1.A.2", "Satisfaction des familles", "7", /de 1 à 5/],
    ["2.A.1", "Nature des ateliers proposés", "x".repeat(4001), /4000 caractères/],
  ])("fiche %s, %s: refuses a bad value with the same rule as the sheets", async (code, label, typed, message) => {
    const user = userEvent.setup();
    const host = createFakeExcel();
    const gateway = officeGateway(host.run, () => new Date("2026-11-24T10:00:00Z"));
    const { smallPlan } = await import("../../support/small-plan");
    await gateway.setUp(smallPlan());
    renderPane(host, "saisie");
    const form = await screen.findByRole("form", { name: "Saisie trimestrielle" });
    if (code !== "1.A.1") {
      await user.click(within(form).getByRole("combobox", { name: /Fiche action/ }));
      await user.click(await screen.findByRole("option", { name: new RegExp(`^${code.replace(/\./g, "\\.")} `) }));
    }
    const input = within(form).getByRole("textbox", { name: new RegExp(`^${label}`) });
    await user.click(input);
    await user.paste(typed);
    expect(await within(form).findByText(message)).toBeTruthy();
    expect((within(form).getByRole("button", { name: "Enregistrer" }) as HTMLButtonElement).disabled).toBe(true);
  });
});

describe("host problems", () => {
  it("names the missing requirement set instead of showing a blank pane", () => {
    render(
      <FluentProvider theme={webLightTheme}>
        <App host={{ refused: new FeatureUnavailable("pane").message }} />
      </FluentProvider>,
    );
    expect(screen.getByText(/Le complément CTG Suivi nécessite ExcelApi 1\.7, que cette version d'Excel ne propose pas/)).toBeTruthy();
  });

  it("tells Office.js failures in French from their code", async () => {
    const { describeError } = await import("../../../src/taskpane/errors");
    expect(describeError({ code: "AccessDenied", message: "x" })).toMatch(/protégée/);
    expect(describeError({ code: "EditModeCannotAcquireLock" })).toMatch(/mode édition/);
    expect(describeError(new Error("boom"))).toMatch(/Une erreur inattendue s'est produite\s: boom/);
    expect(describeError({ code: "ResponsePayloadSizeLimitExceeded" })).toMatch(/volume de données à lire dépasse la limite d'Excel/);
    expect(describeError(new FeatureUnavailable("setup"))).toMatch(/nécessite ExcelApi 1\.8/);
  });

  it("shows a French error when reading the workbook fails", async () => {
    const failing = officeGateway(() => Promise.reject(Object.assign(new Error("busy"), { code: "EditModeCannotAcquireLock" })));
    render(
      <FluentProvider theme={webLightTheme}>
        <App host="excel" gateway={failing} />
      </FluentProvider>,
    );
    expect(await screen.findByText(/Excel est en mode édition/)).toBeTruthy();
  });
});

describe("wizard import step", () => {
  it("imports a pasted répertoire, lets the user retype an indicator, and builds the tableau", async () => {
    const user = userEvent.setup();
    const { readFileSync } = await import("node:fs");
    const { join } = await import("node:path");
    const seed = readFileSync(join(__dirname, "../../../../shared/seeds/003_7db3a68b281f32e6.txt"), "utf8");
    const host = renderPane();
    await screen.findByRole("heading", { name: "Créer le tableau de suivi" });
    await user.click(screen.getByRole("radio", { name: /Importer un répertoire/ }));
    await user.click(screen.getByRole("textbox", { name: /Ou collez le texte du répertoire/ }));
    await user.paste(seed);
    await user.click(screen.getByRole("button", { name: "Analyser le texte collé" }));
    expect(await screen.findByText(/15 fiches actions trouvées/)).toBeTruthy();
    expect(screen.getByText(/2\.B\.1 — liens\s: lien vers la fiche 2\.B\.4/)).toBeTruthy();
    expect((screen.getByRole("textbox", { name: /Territoire/ }) as HTMLInputElement).value).toBe("Communauté de communes Monts, Rance et Rougier");
    const first = screen.getByRole("combobox", { name: /Nombre et nature des outils de communication/ });
    await user.click(first);
    await user.click(await screen.findByRole("option", { name: "Texte" }));
    await user.click(screen.getByRole("button", { name: "Créer le tableau de suivi" }));
    await screen.findByRole("tab", { name: "Tableau de bord" });
    const indicators = [...host.sheet(SHEETS.indicators).cells.entries()].filter(([key]) => key.startsWith("1,")).map(([, cell]) => cell.value);
    expect(indicators).toContain("Texte");
    expect(host.sheet(SHEETS.tracking).usedRect()?.rows).toBe(1 + 15 * 20);
  });
});

describe("bilans tab", () => {
  async function demoHost() {
    const host = createFakeExcel();
    const { applyWorkbookPlan } = await import("../../../src/excel");
    const { buildTableauPlan } = await import("../../../src/workbook/build-tableau");
    const { demoTracking } = await import("../../../src/samples/demo-entries");
    const { samplePlan } = await import("../../../src/samples/sample-plan");
    await applyWorkbookPlan(host.context, buildTableauPlan(demoTracking(samplePlan()), { now: "2026-11-24T10:00:00.000Z" }));
    return host;
  }

  function renderBilans(host: ReturnType<typeof createFakeExcel>, saveFile: (name: string, bytes: Uint8Array) => void, on = "2026-11-24T10:00:00Z") {
    const gateway = officeGateway(host.run, () => new Date(on));
    render(
      <FluentProvider theme={webLightTheme}>
        <App host="excel" gateway={gateway} initialView="bilan" saveFile={saveFile} />
      </FluentProvider>,
    );
  }

  it("writes the year's bilan sheet with its charts, then offers the final bilan's CDSF deck as a download", async () => {
    const user = userEvent.setup();
    const host = await demoHost();
    const saved: { name: string; bytes: Uint8Array }[] = [];
    renderBilans(host, (name, bytes) => saved.push({ name, bytes }));
    const panel = await screen.findByRole("region", { name: "Bilans" });
    expect((within(panel).getByRole("radio", { name: "Point d'étape annuel" }) as HTMLInputElement).checked).toBe(true);
    expect(within(panel).getByRole("combobox", { name: /Année du point d'étape/ }).textContent).toBe("2026");
    await user.click(within(panel).getByRole("button", { name: "Générer le bilan" }));
    expect(await within(panel).findByText(/Feuille «.Bilan 2026.» écrite avec 4 graphiques/)).toBeTruthy();
    expect(
      host
        .sheet("Bilan 2026")
        .charts.map((chart) => chart.name)
        .sort(),
    ).toEqual(["CTG_PourcentageCible", "CTG_SerieIndicateur", "CTG_StatutsEnsemble", "CTG_StatutsParAxe"]);

    await user.click(within(panel).getByRole("radio", { name: "Bilan final" }));
    expect(within(panel).queryByRole("combobox", { name: /Année/ })).toBeNull();
    // The convention runs to 2030: the final bilan is made only as provisoire, once the user says so.
    expect(
      within(panel).getByText(/Le bilan final couvre la période jusqu'au 31\/12\/2030 .* bilan provisoire, avec les chiffres du 24\/11\/2026/),
    ).toBeTruthy();
    expect((within(panel).getByRole("button", { name: /Télécharger la présentation COPIL/ }) as HTMLButtonElement).disabled).toBe(true);
    await user.click(within(panel).getByRole("checkbox", { name: "Bilan provisoire" }));
    await user.click(within(panel).getByRole("checkbox", { name: /Extrait petite enfance/ }));
    await user.click(within(panel).getByRole("button", { name: /Télécharger la présentation COPIL/ }));
    expect(await within(panel).findByText(/Présentation «.copil-final-cdsf\.pptx.» prête \(\d+ diapositives\)/)).toBeTruthy();
    expect(saved).toHaveLength(1);
    expect(saved[0].name).toBe("copil-final-cdsf.pptx");
    const JSZip = (await import("jszip")).default;
    const zip = await JSZip.loadAsync(saved[0].bytes);
    const title = await zip.file("ppt/slides/slide1.xml")!.async("string");
    expect(title).toContain("Bilan final — extrait petite enfance (CDSF)");
    expect(title).toContain("Bilan provisoire\u00a0: chiffres au 24/11/2026");
    // The deck does not write to the workbook.
    expect(host.state.sheets.map((sheet) => sheet.name)).not.toContain("Bilan final CDSF");

    // The written bilan of the same choice, as a Word document: provisoire on its cover, the CDSF's schéma inside.
    await user.click(within(panel).getByRole("button", { name: /Télécharger le bilan écrit \(Word/ }));
    expect(await within(panel).findByText(/Bilan écrit «.bilan-final-cdsf\.docx.» prêt \(1 axe\(s\), 1 fiche\(s\) action\(s\)\)/)).toBeTruthy();
    expect(saved.map((file) => file.name)).toEqual(["copil-final-cdsf.pptx", "bilan-final-cdsf.docx"]);
    const document = await (await JSZip.loadAsync(saved[1].bytes)).file("word/document.xml")!.async("string");
    expect(document).toContain("Bilan final provisoire");
    expect(document).toContain("BILAN PROVISOIRE — établi au 24/11/2026");
    expect(document).toContain("5. Estimation des coûts");
  });

  it("after the convention, makes the final bilan as it stands at the end of its period, not provisional", async () => {
    const user = userEvent.setup();
    const host = await demoHost();
    const saved: { name: string; bytes: Uint8Array }[] = [];
    renderBilans(host, (name, bytes) => saved.push({ name, bytes }), "2031-02-01T10:00:00Z");
    const panel = await screen.findByRole("region", { name: "Bilans" });
    await user.click(within(panel).getByRole("radio", { name: "Bilan final" }));
    expect(within(panel).queryByRole("checkbox", { name: "Bilan provisoire" })).toBeNull();
    await user.click(within(panel).getByRole("button", { name: /Télécharger le bilan écrit \(Word/ }));
    await within(panel).findByText(/Bilan écrit «.bilan-final\.docx.» prêt/);
    const JSZip = (await import("jszip")).default;
    const document = await (await JSZip.loadAsync(saved[0].bytes)).file("word/document.xml")!.async("string");
    expect(document).toContain("Chiffres arrêtés au 31/12/2030");
    expect(document).not.toContain("provisoire");
  });

  it("picks the indicator of the line chart and tells a refusal in French", async () => {
    const user = userEvent.setup();
    const host = await demoHost();
    renderBilans(host, () => undefined);
    const panel = await screen.findByRole("region", { name: "Bilans" });
    await user.click(within(panel).getByRole("combobox", { name: /Indicateur du graphique/ }));
    await user.click(await screen.findByRole("option", { name: /^1\.A\.3 — Taux de participation/ }));
    await user.click(within(panel).getByRole("button", { name: "Générer le bilan" }));
    await within(panel).findByText(/écrite avec 4 graphiques/);
    const series = host.sheet("Bilan 2026").charts.find((chart) => chart.name === "CTG_SerieIndicateur")!;
    expect(String(host.sheet("Bilan 2026").peek(series.source.row, series.source.col + 1)?.value)).toMatch(/^Taux de participation/);

    // A tableau that no longer reads (a header renamed): the bilan is refused with the sheet and cell to fix.
    host.sheet(SHEETS.tracking).cell(0, 0).value = "Période";
    await user.click(within(panel).getByRole("button", { name: "Générer le bilan" }));
    expect(await within(panel).findByText(/erreurs \(feuille «.Suivi des fiches.», cellule A1\s: .*\)\. Corrigez-les dans l'onglet Vérifier/)).toBeTruthy();
  });

  it("opens on the consolidation in a consolidation workbook, and explains why a territory's tableau is never one", async () => {
    const conso = createFakeExcel(
      seedWorkbook([
        {
          name: "_ctg_conso",
          values: [
            ["cle", "valeur"],
            ["format", "ctg-suivi/consolidation"],
          ],
        },
      ]),
    );
    const gateway = officeGateway(conso.run, () => new Date("2026-11-24T10:00:00Z"));
    const { unmount } = render(
      <FluentProvider theme={webLightTheme}>
        <App host="excel" gateway={gateway} initialView="saisie" />
      </FluentProvider>,
    );
    const panel = await screen.findByRole("region", { name: "Consolidation des territoires" });
    expect(within(panel).getByRole("button", { name: "Choisir des fichiers…" })).toBeTruthy();
    expect((within(panel).getByRole("button", { name: "Consolider" }) as HTMLButtonElement).disabled).toBe(true);
    unmount();

    const tableau = createFakeExcel();
    const tableauGateway = officeGateway(tableau.run, () => new Date("2026-11-24T10:00:00Z"));
    const { samplePlan } = await import("../../../src/samples/sample-plan");
    await tableauGateway.setUp(samplePlan());
    render(
      <FluentProvider theme={webLightTheme}>
        <App host="excel" gateway={tableauGateway} initialView="consolider" />
      </FluentProvider>,
    );
    expect(
      await screen.findByText(/Ce classeur est le tableau de suivi d'un territoire\s: la consolidation n'écrit jamais dans le fichier d'un territoire/),
    ).toBeTruthy();
    expect(screen.queryByRole("region", { name: "Consolidation des territoires" })).toBeNull();
    expect(screen.getByRole("tab", { name: "Tableau de bord", selected: true })).toBeTruthy();
  });
});
