/**
 * @jest-environment jsdom
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { fireEvent, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { TEXT_MAX_LENGTH } from "../../../src/domain/entry-rules";
import { App } from "../../../src/taskpane/App";
import { officeGateway } from "../../../src/taskpane/gateway";
import { SHEETS, TEMPLATE_VERSION } from "../../../src/workbook/layout";
import { type FakeExcelHost, createFakeExcel } from "../../fake-excel";
import { smallPlan } from "../../support/small-plan";

// Rendering Fluent UI in jsdom is slow on a loaded two-core machine; these are behaviour tests, not timings.
jest.setTimeout(30_000);

const NOW = new Date("2026-11-24T10:00:00Z");

async function evaluationView(prepare: (host: FakeExcelHost) => void = () => undefined) {
  const host = createFakeExcel();
  const gateway = officeGateway(host.run, () => NOW);
  await gateway.setUp(smallPlan());
  await gateway.writeEntry({
    status: { actionCode: "1.A.1", quarter: "2026-T3", status: "En cours", progress: 60, achievements: "Locaux aménagés" },
    measurements: [],
  });
  prepare(host);
  render(
    <FluentProvider theme={webLightTheme}>
      <App host="excel" gateway={gateway} initialView="evaluation" />
    </FluentProvider>,
  );
  return { host, gateway };
}

/** Rows of a sheet of the fake workbook whose first cells are `year` and then `code` in column `codeCol`. */
function rowOf(host: FakeExcelHost, sheet: string, year: number, code: string, codeCol: number): number {
  const state = host.sheet(sheet);
  for (let row = 1; state.peek(row, 0); row++) if (state.peek(row, 0)?.value === year && state.peek(row, codeCol)?.value === code) return row;
  throw new Error(`No row ${year} ${code} in ${sheet}`);
}

describe("the pane's Évaluation view", () => {
  it("writes a fiche's evaluation of the year in its row of « Évaluation des fiches » only, beside the year's follow-up", async () => {
    const { host, gateway } = await evaluationView();
    const form = await screen.findByRole("form", { name: "Évaluation de l'année" });
    const user = userEvent.setup();
    // What the follow-up already says of the year, to write from.
    expect(within(form).getByText("Suivi de l'année : au 3e trimestre 2026, en cours, 60 %.")).toBeTruthy();
    expect(within(form).getByText("Dernières réalisations : Locaux aménagés")).toBeTruthy();
    fireEvent.change(within(form).getByRole("textbox", { name: /^Effets pour les habitants/ }), { target: { value: "Huit familles gardent leur emploi" } });
    fireEvent.change(within(form).getByRole("textbox", { name: /^Sources et preuves/ }), { target: { value: "Enquête du RPE, octobre 2026" } });
    await user.click(within(form).getByRole("combobox", { name: /Appréciation de l'objectif/ }));
    await user.click(await screen.findByRole("option", { name: "Partiellement atteint" }));
    await user.click(within(form).getByRole("button", { name: "Enregistrer l'évaluation" }));
    expect(
      await within(form).findByText(/^Enregistré\s: 4 cellules de l'évaluation 2026 de la fiche 1\.A\.1 \(feuille «\sÉvaluation des fiches\s», ligne 2\)\.$/),
    ).toBeTruthy();

    const row = rowOf(host, SHEETS.ficheEvaluation, 2026, "1.A.1", 2);
    expect(row).toBe(1);
    const sheet = host.sheet(SHEETS.ficheEvaluation);
    expect([4, 5, 6, 7].map((col) => sheet.peek(row, col)?.value ?? null)).toEqual([
      "Huit familles gardent leur emploi",
      "Enquête du RPE, octobre 2026",
      "Partiellement atteint",
      null,
    ]);
    // The next fiche's row is untouched.
    expect(sheet.peek(row + 1, 4)?.value ?? null).toBeNull();
    const reading = (await gateway.read()).reading!;
    expect(reading.issues.filter((issue) => issue.severity === "error")).toEqual([]);
    expect(reading.tracking?.evaluations?.fiches).toEqual([
      {
        actionCode: "1.A.1",
        year: 2026,
        effects: "Huit familles gardent leur emploi",
        evidence: "Enquête du RPE, octobre 2026",
        appreciation: "Partiellement atteint",
      },
    ]);
  });

  it("writes an axe's synthesis and the COPIL's decisions, and refuses a text over the limit under its field", async () => {
    const { gateway } = await evaluationView();
    const form = await screen.findByRole("form", { name: "Évaluation de l'année" });
    const user = userEvent.setup();
    await user.click(within(form).getByRole("radio", { name: /Un axe/ }));
    const synthesis = within(form).getByRole("textbox", { name: /^Synthèse de l'axe/ });
    fireEvent.change(synthesis, { target: { value: "x".repeat(TEXT_MAX_LENGTH + 1) } });
    expect(await within(form).findByText(/Le texte «.Synthèse de l'axe.» dépasse 4000 caractères \(4001\)/)).toBeTruthy();
    const save = within(form).getByRole("button", { name: "Enregistrer l'évaluation" }) as HTMLButtonElement;
    expect(save.disabled).toBe(true);
    fireEvent.change(synthesis, { target: { value: "L'offre d'accueil a progressé" } });
    fireEvent.change(within(form).getByRole("textbox", { name: /^Décisions du COPIL/ }), { target: { value: "Ouverture le samedi retenue" } });
    expect(save.disabled).toBe(false);
    await user.click(save);
    expect(
      await within(form).findByText(/^Enregistré\s: 2 cellules de l'évaluation 2026 de l'axe 1 \(feuille «\sÉvaluation des axes\s», ligne \d+\)/),
    ).toBeTruthy();
    expect((await gateway.read()).reading?.tracking?.evaluations?.axes).toEqual([
      { axisCode: "1", year: 2026, synthesis: "L'offre d'accueil a progressé", decisions: "Ouverture le samedi retenue" },
    ]);
  });

  it("offers to add the evaluation sheets to a tableau of template 1.3, keeping its entries", async () => {
    const { host, gateway } = await evaluationView((fake) => {
      fake.state.sheets = fake.state.sheets.filter((sheet) => sheet.name !== SHEETS.ficheEvaluation && sheet.name !== SHEETS.axisEvaluation);
      const meta = fake.sheet(SHEETS.meta);
      for (let row = 0; meta.peek(row, 0); row++) if (meta.peek(row, 0)?.value === "version") meta.cell(row, 1).value = "1.3";
    });
    expect(await screen.findByText(/Ce tableau date d'un modèle sans feuilles d'évaluation/)).toBeTruthy();
    const user = userEvent.setup();
    await user.click(screen.getByRole("button", { name: "Ajouter les feuilles d'évaluation" }));
    await screen.findByRole("form", { name: "Évaluation de l'année" });
    expect(host.state.find(SHEETS.ficheEvaluation)).toBeDefined();
    const reading = (await gateway.read()).reading!;
    expect(reading.meta?.values.version).toBe(TEMPLATE_VERSION);
    expect(reading.tracking?.statuses).toContainEqual(expect.objectContaining({ actionCode: "1.A.1", quarter: "2026-T3", achievements: "Locaux aménagés" }));
  });
});
