/**
 * @jest-environment jsdom
 */
/**
 * The pane's rough edges as users found them, each tried the way they tried it: searching a fiche, locking a quarter
 * that is not over, reading and following Vérifier's list, the names a screen reader gives the controls, and a date
 * the calendar does not have. The pane runs on Microsoft's Office.js runtime against the fake Excel host.
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { configure, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App, type View } from "../../../src/taskpane/App";
import { officeGateway } from "../../../src/taskpane/gateway";
import { SHEETS } from "../../../src/workbook/layout";
import { cellWords, rowsWords } from "../../../src/workbook/places";
import { type FakeExcelHost, createFakeExcel } from "../../fake-excel";
import { smallPlan } from "../../support/small-plan";

// Rendering Fluent UI in jsdom is slow on a loaded two-core machine; these are behaviour tests, not timings.
jest.setTimeout(60_000);
// Each step waits for what the pane shows next; Fluent's dialogs open with an animation that a busy machine slows.
configure({ asyncUtilTimeout: 5_000 });

const NOW = new Date("2026-11-24T10:00:00Z");

async function pane(view: View, prepare: (host: FakeExcelHost, gateway: ReturnType<typeof officeGateway>) => Promise<void> | void = () => undefined) {
  const host = createFakeExcel();
  const gateway = officeGateway(host.run, () => NOW);
  await gateway.setUp(smallPlan());
  await prepare(host, gateway);
  render(
    <FluentProvider theme={webLightTheme}>
      <App host="excel" gateway={gateway} initialView={view} />
    </FluentProvider>,
  );
  return { host, gateway };
}

/** The row of « Suivi des fiches » of a fiche and quarter (rows follow docs/format-classeur.md). */
function trackingRow(host: FakeExcelHost, code: string, quarter: string): number {
  const sheet = host.sheet(SHEETS.tracking);
  for (let row = 1; sheet.peek(row, 0); row++) if (sheet.peek(row, 0)?.value === quarter && sheet.peek(row, 2)?.value === code) return row;
  throw new Error(`No row for ${code} ${quarter}`);
}

describe("the fiche search", () => {
  it("filters by the words typed, keeps what was erased erased, and selects with the keyboard", async () => {
    await pane("saisie");
    const user = userEvent.setup();
    const form = await screen.findByRole("form", { name: "Saisie trimestrielle" });
    const search = within(form).getByRole("combobox", { name: /Fiche action/ }) as HTMLInputElement;
    expect(search.value).toBe("1.A.1 Ouvrir une micro-crèche");

    await user.click(search);
    await user.clear(search);
    // Erased, the field stays empty and every fiche is offered.
    expect(search.value).toBe("");
    expect((await screen.findAllByRole("option")).map((option) => option.textContent)).toHaveLength(3);

    await user.type(search, "numé");
    expect(search.value).toBe("numé");
    expect(screen.getAllByRole("option").map((option) => option.textContent)).toEqual(["2.A.1 Faciliter l'accès au numérique"]);
    await user.keyboard("{ArrowDown}{Enter}");
    await waitFor(() => expect(search.value).toBe("2.A.1 Faciliter l'accès au numérique"));
    expect(within(form).getByRole("textbox", { name: /^Nature des ateliers proposés/ })).toBeTruthy();

    // By code, case and accents aside, and several words in any order.
    await user.clear(search);
    await user.type(search, "1.a assistantes");
    expect(screen.getAllByRole("option").map((option) => option.textContent)).toEqual(["1.A.2 Soutenir les assistantes maternelles"]);
    await user.clear(search);
    await user.type(search, "MICRO CRECHE");
    expect(screen.getAllByRole("option").map((option) => option.textContent)).toEqual(["1.A.1 Ouvrir une micro-crèche"]);
    await user.clear(search);
    await user.type(search, "piscine");
    // A click in the text, as to move the cursor, keeps the search too.
    await user.click(search);
    expect(search.value).toBe("piscine");
    await user.click(search);
    expect(screen.getByRole("option", { name: /Aucune fiche ne correspond à «.piscine.»/ }).getAttribute("aria-disabled")).toBe("true");
    // Closing the list keeps the search; leaving the field without choosing gives back the fiche chosen.
    await user.keyboard("{Escape}");
    expect(search.value).toBe("piscine");
    await user.tab();
    await waitFor(() => expect(search.value).toBe("2.A.1 Faciliter l'accès au numérique"));
  });
});

describe("locking a quarter after its COPIL", () => {
  // jsdom lays nothing out: what was asked to come into view is recorded instead.
  const scrolledIntoView: Element[] = [];
  beforeEach(() => {
    scrolledIntoView.length = 0;
    Element.prototype.scrollIntoView = function (this: Element) {
      scrolledIntoView.push(this);
    };
  });

  it("warns before locking a quarter not over with statuses missing, and locks nothing when cancelled", async () => {
    const { gateway } = await pane("tableau");
    const user = userEvent.setup();
    await user.click(await screen.findByRole("button", { name: "Verrouiller le trimestre après le COPIL" }));
    const dialog = await screen.findByRole("dialog", { name: "Verrouiller le 4e trimestre 2026\u00a0?" });
    expect(within(dialog).getByText("Ce trimestre n'est pas terminé : il se termine le 31/12/2026.")).toBeTruthy();
    expect(within(dialog).getByText("3 fiches sur 3 n'ont pas de statut pour ce trimestre.")).toBeTruthy();
    await user.click(within(dialog).getByRole("button", { name: "Annuler" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect((await gateway.read()).reading?.tracking?.lockedQuarters).toEqual([]);
  });

  it("locks once confirmed, and brings the outcome into view and focus", async () => {
    const { gateway } = await pane("tableau");
    const user = userEvent.setup();
    await user.click(await screen.findByRole("button", { name: "Verrouiller le trimestre après le COPIL" }));
    await user.click(within(await screen.findByRole("dialog")).getByRole("button", { name: "Verrouiller quand même" }));
    const said = await screen.findByText("Le 4e trimestre 2026 est verrouillé : ses saisies ne peuvent plus être modifiées.");
    await waitFor(() => expect(document.activeElement?.getAttribute("aria-live")).toBe("polite"));
    expect(document.activeElement?.contains(said)).toBe(true);
    expect(scrolledIntoView).toContain(document.activeElement);
    expect((await gateway.read()).reading?.tracking?.lockedQuarters).toEqual(["2026-T4"]);
  });

  it("locks at once a quarter that is over with every fiche's status", async () => {
    const { gateway } = await pane("tableau", async (_, setup) => {
      for (const actionCode of ["1.A.1", "1.A.2", "2.A.1"])
        await setup.writeEntry({ status: { actionCode, quarter: "2026-T3", status: "En cours", progress: 50 }, measurements: [] });
    });
    const user = userEvent.setup();
    await user.click(await screen.findByRole("combobox", { name: /Trimestre/ }));
    await user.click(await screen.findByRole("option", { name: "3e trimestre 2026" }));
    expect(screen.getByText(/^3 fiche\(s\) sur 3 ont un statut/)).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Verrouiller le trimestre après le COPIL" }));
    expect(await screen.findByText("Le 3e trimestre 2026 est verrouillé : ses saisies ne peuvent plus être modifiées.")).toBeTruthy();
    expect(screen.queryByRole("dialog")).toBeNull();
    expect((await gateway.read()).reading?.tracking?.lockedQuarters).toEqual(["2026-T3"]);
  });
});

describe("Vérifier", () => {
  it("lists errors first, then warnings, each named, placed in words, once per fault, and goes to its cell from the keyboard", async () => {
    const { host } = await pane("verifier", (fake) => {
      const suivi = fake.sheet(SHEETS.tracking);
      const wrong = trackingRow(fake, "1.A.1", "2026-T2");
      suivi.cell(wrong, 5).value = "Terminé";
      suivi.cell(wrong, 6).value = 0.5;
      suivi.cell(wrong, 7).value = "Trois réunions";
      suivi.cell(trackingRow(fake, "1.A.2", "2026-T2"), 5).value = "Reportée";
    });
    const user = userEvent.setup();
    await user.click(await screen.findByRole("button", { name: "Vérifier le tableau" }));
    const summary = await screen.findByText(/^1 erreur et 1 avertissement\./);
    expect(summary.getAttribute("role")).toBe("status");

    const headings = screen.getAllByRole("heading", { level: 2 }).map((heading) => heading.textContent);
    expect(headings.indexOf("Erreurs (1)")).toBeLessThan(headings.indexOf("Avertissements (1)"));
    const errors = within(screen.getByRole("list", { name: "Erreurs (1)" })).getAllByRole("button");
    const warnings = within(screen.getByRole("list", { name: "Avertissements (1)" })).getAllByRole("button");
    const row = trackingRow(host, "1.A.1", "2026-T2") + 1;
    // One fault, one error: the unknown status is not also asked for.
    expect(errors.map((button) => button.getAttribute("aria-label"))).toEqual([
      `Erreur — feuille «\u00a0Suivi des fiches\u00a0», ligne ${row}, colonne «\u00a0Statut\u00a0»\u00a0: statut «\u00a0Terminé\u00a0» inconnu\u00a0: choisissez À lancer, En cours, Réalisée, Reportée, Abandonnée`,
    ]);
    expect(warnings.map((button) => button.getAttribute("aria-label"))).toEqual([
      expect.stringMatching(
        /^Avertissement — feuille «\u00a0Suivi des fiches\u00a0», ligne \d+, colonne «\u00a0Difficultés\u00a0»\u00a0: fiche «\u00a0Reportée\u00a0»/,
      ),
    ]);
    expect(within(errors[0]).getByText("Erreur")).toBeTruthy();
    expect(within(warnings[0]).getByText("Avertissement")).toBeTruthy();
    // Distinct icons and colours: each card carries its severity's own.
    expect(errors[0].querySelector("svg")).not.toBeNull();
    expect(errors[0].className).not.toBe(warnings[0].className);
    expect(screen.queryByText(/indiquez le statut/)).toBeNull();

    errors[0].focus();
    await user.keyboard("{Enter}");
    await waitFor(() => expect(host.state.selection).toEqual({ sheet: SHEETS.tracking, rect: { row: row - 1, col: 5, rows: 1, cols: 1 } }));
  });
});

describe("places in words", () => {
  it("names a sheet, a row and a column header, never an A1 address nor the hidden metadata sheet", () => {
    expect(cellWords(SHEETS.tracking, "F47", ["Trimestre", "Axe", "Code", "Fiche action", "Échéance", "Statut"])).toBe(
      "feuille «\u00a0Suivi des fiches\u00a0», ligne 47, colonne «\u00a0Statut\u00a0»",
    );
    expect(cellWords(SHEETS.tracking, "A1", ["Trimestre"])).toBe("feuille «\u00a0Suivi des fiches\u00a0», ligne 1");
    expect(cellWords(SHEETS.meta, "B3")).toBe("les informations cachées du classeur");
    expect(
      rowsWords([`${SHEETS.tracking}!F5`, `${SHEETS.tracking}!G5`, `${SHEETS.measurements}!G12`, `${SHEETS.measurements}!H12`, `${SHEETS.measurements}!G14`]),
    ).toBe("feuille «\u00a0Suivi des fiches\u00a0», ligne 5\u00a0; feuille «\u00a0Saisies\u00a0», lignes 12 et 14");
  });
});

describe("accessible names", () => {
  it("names in French every part of the list fields that Fluent UI would name in English", async () => {
    await pane("saisie");
    const form = await screen.findByRole("form", { name: "Saisie trimestrielle" });
    expect(within(form).getByRole("button", { name: "Ouvrir la liste «\u00a0Fiche action\u00a0»" })).toBeTruthy();
    const labels = [...document.querySelectorAll("[aria-label]")].map((element) => element.getAttribute("aria-label"));
    expect(labels).toContain("Effacer le choix");
    expect(labels.filter((label) => /\b(Open|Clear|Close|Dismiss|selection)\b/.test(label ?? ""))).toEqual([]);
  });
});

describe("dates of the convention", () => {
  it("names an impossible date as such, and a text that is no date as a bad format", async () => {
    render(
      <FluentProvider theme={webLightTheme}>
        <App host="excel" gateway={officeGateway(createFakeExcel().run, () => NOW)} />
      </FluentProvider>,
    );
    const user = userEvent.setup();
    const start = (await screen.findByRole("textbox", { name: /Début de la convention/ })) as HTMLInputElement;
    await user.clear(start);
    await user.type(start, "31/02/2026");
    expect(await screen.findByText("Le 31/02/2026 n'existe pas : vérifiez le jour et le mois")).toBeTruthy();
    // Asked to create the tableau, the pane lists it the same way, not as the plan file's AAAA-MM-JJ.
    await user.type(screen.getByRole("textbox", { name: /Territoire/ }), "Commune de Test");
    await user.click(screen.getByRole("button", { name: "Créer le tableau de suivi" }));
    expect(await screen.findByText(/^Début de la convention\s: le 31\/02\/2026 n'existe pas/)).toBeTruthy();
    expect(screen.queryByText(/AAAA-MM-JJ/)).toBeNull();
    await user.clear(start);
    await user.type(start, "début 2026");
    expect(await screen.findByText("Date attendue au format jj/mm/aaaa")).toBeTruthy();
    expect(start.closest(".fui-Field")?.textContent).not.toMatch(/n'existe pas/);
  });
});
