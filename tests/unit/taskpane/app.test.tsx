/**
 * @jest-environment jsdom
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App } from "../../../src/taskpane/App";
import { officeGateway } from "../../../src/taskpane/gateway";
import { SHEETS } from "../../../src/workbook/layout";
import { createFakeExcel } from "../../fake-excel";

// Rendering Fluent UI in jsdom is slow on a loaded two-core machine; these are behaviour tests, not timings.
jest.setTimeout(30_000);

function renderPane(host = createFakeExcel(), initialView: "tableau" | "saisie" = "tableau") {
  const gateway = officeGateway((work) => work(host.context), () => new Date("2026-11-24T10:00:00Z"));
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
    expect(screen.getByText(/Non renseigné : 15/)).toBeTruthy();
  });

  it("refuses an invalid indicator value as the user types, then writes a valid entry", async () => {
    const user = userEvent.setup();
    const host = createFakeExcel();
    const setupGateway = officeGateway((work) => work(host.context), () => new Date("2026-11-24T10:00:00Z"));
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
    expect(await screen.findByText(/Enregistré : \d+ cellule\(s\) de la fiche 1\.A\.1 pour 2026-T4/)).toBeTruthy();
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
    const gateway = officeGateway((work) => work(host.context), () => new Date("2026-11-24T10:00:00Z"));
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
        <App host={{ missing: ["ExcelApi 1.9"] }} />
      </FluentProvider>,
    );
    expect(screen.getByText(/ne propose pas ExcelApi 1\.9/)).toBeTruthy();
  });

  it("tells Office.js failures in French from their code", async () => {
    const { describeError, missingRequirements } = await import("../../../src/taskpane/errors");
    expect(describeError({ code: "AccessDenied", message: "x" })).toMatch(/protégée/);
    expect(describeError({ code: "EditModeCannotAcquireLock" })).toMatch(/mode édition/);
    expect(describeError(new Error("boom"))).toMatch(/Une erreur inattendue s'est produite : boom/);
    expect(missingRequirements((name, version) => version !== "1.9")).toEqual(["ExcelApi 1.9"]);
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
    expect(screen.getByText(/2\.B\.1 — liens : lien vers la fiche 2\.B\.4/)).toBeTruthy();
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
