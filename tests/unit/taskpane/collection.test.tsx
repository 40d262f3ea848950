/**
 * @jest-environment jsdom
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { DecompressionStream, ReadableStream } from "node:stream/web";
import type { Tracking } from "../../../src/domain/tracking";
import { App } from "../../../src/taskpane/App";
import { officeGateway } from "../../../src/taskpane/gateway";
import { SHEETS } from "../../../src/workbook/layout";
import { readCollectionIdentity } from "../../../src/workbook/parse-collection";
import { JOURNAL_SPEC } from "../../../src/workbook/tableau-columns";
import { readReturnedFile } from "../../../src/xlsx/collection-file";
import { type FakeExcelHost, createFakeExcel } from "../../fake-excel";
import { filledReturn, unzipped } from "../../support/collection-returns";
import { smallPlan } from "../../support/small-plan";

// Rendering Fluent UI in jsdom is slow on a loaded two-core machine; these are behaviour tests, not timings.
jest.setTimeout(60_000);

// The pane reads returned files as the browser does, through web streams: jsdom has none, Node's are the same API.
Object.assign(globalThis, { ReadableStream, DecompressionStream });

const NOW = new Date("2026-11-24T10:00:00Z");

async function tableauHost(territory?: string): Promise<{ host: FakeExcelHost; gateway: ReturnType<typeof officeGateway> }> {
  const host = createFakeExcel();
  host.state.name = "suivi-ctg.xlsx";
  const gateway = officeGateway(host.run, () => NOW);
  const plan = smallPlan();
  if (territory) plan.convention.territory = territory;
  await gateway.setUp(plan);
  // The tableau already says 1.A.1 is « En cours » this quarter: the pilote's « Reportée » will be a conflict.
  await gateway.writeEntry({ status: { actionCode: "1.A.1", quarter: "2026-T4", status: "En cours" }, measurements: [] });
  return { host, gateway };
}

function renderPane(gateway: ReturnType<typeof officeGateway>, view: "collecte" | "tableau" = "collecte") {
  const saved: { fileName: string; bytes: Uint8Array }[] = [];
  render(
    <FluentProvider theme={webLightTheme}>
      <App host="excel" gateway={gateway} initialView={view} saveFile={(fileName, bytes) => saved.push({ fileName, bytes })} />
    </FluentProvider>,
  );
  return saved;
}

/** A file as the pane receives it; jsdom's File cannot give its bytes, the browser's can. */
function fileOf(name: string, bytes: Uint8Array): File {
  const copy = new Uint8Array(bytes);
  return Object.assign(new File([copy], name), { arrayBuffer: async () => copy.buffer });
}

function snapshot(host: FakeExcelHost): Map<string, unknown> {
  const all = new Map<string, unknown>();
  for (const sheet of host.state.sheets) for (const [key, cell] of sheet.cells) all.set(`${sheet.name}|${key}`, cell.value);
  return all;
}

function changedKeys(before: Map<string, unknown>, after: Map<string, unknown>): string[] {
  return [...new Set([...before.keys(), ...after.keys()])].filter((key) => before.get(key) !== after.get(key)).sort();
}

/** What the pilotes typed in their files for 2026-T4. */
function typedIn(tracking: Tracking): Tracking {
  return {
    ...tracking,
    statuses: [
      { actionCode: "1.A.1", quarter: "2026-T4", status: "Reportée", progress: 80, achievements: "Micro-crèche ouverte en octobre" },
      { actionCode: "1.A.2", quarter: "2026-T4", status: "En cours", progress: 50 },
    ],
    measurements: [
      { indicatorId: "1.A.1-I1", quarter: "2026-T4", value: 10 },
      { indicatorId: "1.A.2-I1", quarter: "2026-T4", value: true },
    ],
  };
}

async function prepareInPane(user: ReturnType<typeof userEvent.setup>, saved: { fileName: string; bytes: Uint8Array }[]): Promise<Map<string, Uint8Array>> {
  const panel = await screen.findByRole("region", { name: "Collecte auprès des pilotes et partenaires" });
  await user.click(within(panel).getByRole("button", { name: "Préparer les fichiers (.zip)" }));
  await within(panel).findByText(
    /«.Collecte 2026-T4\.zip.» prêt.: 3 fichiers de collecte pour le 4e trimestre 2026\. Le fichier est dans votre dossier Téléchargements/,
  );
  return unzipped(saved[saved.length - 1].bytes);
}

describe("the pane's Collecte view", () => {
  it("prepares one workbook per pilote of the quarter in a .zip handed to the download, and lists them", async () => {
    const user = userEvent.setup();
    const { host, gateway } = await tableauHost();
    const before = snapshot(host);
    const saved = renderPane(gateway);
    const panel = await screen.findByRole("region", { name: "Collecte auprès des pilotes et partenaires" });
    // The current quarter is chosen; it is what the files are for.
    expect(within(panel).getByRole("combobox", { name: /Trimestre/ }).textContent).toContain("4e trimestre 2026");
    const files = await prepareInPane(user, saved);
    expect(saved.map((file) => file.fileName)).toEqual(["Collecte 2026-T4.zip"]);
    const listed = within(panel).getByRole("list", { name: "Fichiers préparés" });
    expect(
      within(listed)
        .getAllByRole("listitem")
        .map((item) => item.textContent),
    ).toEqual([
      "Collecte 2026-T4 - Commune.xlsx — Commune\u00a0: fiche 1.A.1",
      "Collecte 2026-T4 - RPE.xlsx — RPE\u00a0: fiche 1.A.2",
      "Collecte 2026-T4 - CC.xlsx — CC\u00a0: fiche 2.A.1",
    ]);
    const people: string[] = [];
    for (const [name, bytes] of files) {
      const read = await readReturnedFile(bytes, name);
      if ("unreadable" in read) throw new Error(read.unreadable);
      const identity = readCollectionIdentity(read.grids);
      if (!identity.ok) throw new Error(identity.problem);
      expect(identity.scope.quarter).toBe("2026-T4");
      expect(identity.tableauName).toBe("suivi-ctg.xlsx");
      people.push(`${identity.scope.person}:${identity.scope.actionCodes.join(",")}`);
    }
    expect(people).toEqual(["Commune:1.A.1", "RPE:1.A.2", "CC:2.A.1"]);

    // By partner: the partners' files; the workbook itself is never written by a preparation.
    await user.click(within(panel).getByRole("radio", { name: "partenaire" }));
    await user.click(within(panel).getByRole("button", { name: "Préparer les fichiers (.zip)" }));
    await within(panel).findByText(/3 fichiers de collecte/);
    expect([...(await unzipped(saved[1].bytes)).keys()]).toEqual([
      "Collecte 2026-T4 - Caf.xlsx",
      "Collecte 2026-T4 - PMI.xlsx",
      "Collecte 2026-T4 - France Services.xlsx",
    ]);
    expect(changedKeys(before, snapshot(host))).toEqual([]);
  });

  it("merges returned files: only their cells change, the journal appears, a conflict is shown and kept, a foreign file is refused", async () => {
    const user = userEvent.setup();
    const { host, gateway } = await tableauHost();
    const other = await tableauHost("Commune voisine");
    const saved = renderPane(gateway);
    const files = await prepareInPane(user, saved);
    const state = await gateway.read();
    const filled = typedIn(state.reading!.tracking!);
    const returned = await Promise.all(
      ["Commune", "RPE"].map(async (person) => {
        const name = `Collecte 2026-T4 - ${person}.xlsx`;
        return fileOf(name, await filledReturn(files.get(name)!, name, filled));
      }),
    );
    const foreignName = "Collecte 2026-T4 - Commune.xlsx";
    const foreign = fileOf(
      "voisine.xlsx",
      (await unzipped((await other.gateway.collectionPackage({ quarter: "2026-T4", by: "pilote" })).bytes)).get(foreignName)!,
    );

    const panel = screen.getByRole("region", { name: "Collecte auprès des pilotes et partenaires" });
    await user.upload(within(panel).getByLabelText("Fichiers de collecte retournés (.xlsx)"), [...returned, foreign]);
    expect(within(panel).getByText("3 fichiers choisis.")).toBeTruthy();
    const before = snapshot(host);
    await user.click(within(panel).getByRole("button", { name: "Intégrer 3 fichiers" }));
    await within(panel).findByText(/valeurs intégrées dans le tableau\s; leur origine est notée dans la feuille «\sJournal des retours\s»/);

    const results = within(panel).getByRole("list", { name: "Résultat par fichier" });
    expect(within(results).getByText("Collecte 2026-T4 - Commune.xlsx (Commune)")).toBeTruthy();
    const conflicts = within(results).getByRole("list", { name: "1 conflit à trancher — Collecte 2026-T4 - Commune.xlsx" });
    expect(conflicts.textContent).toBe(
      "fiche 1.A.1, 4e trimestre 2026, statut\u00a0: le tableau contient «\u00a0En cours\u00a0», le fichier «\u00a0Reportée\u00a0».",
    );
    expect(within(results).getByText(/Rien n'est remplacé\. Pour garder la valeur du fichier, videz la cellule du tableau/)).toBeTruthy();
    const written = within(results).getByRole("list", { name: /valeurs intégrées — Collecte 2026-T4 - Commune\.xlsx/ });
    expect(within(written).getByText("fiche 1.A.1, 4e trimestre 2026, avancement : (vide) → 80 %")).toBeTruthy();
    const refused = within(results).getByRole("list", { name: "Raisons du refus — voisine.xlsx" });
    expect(refused.textContent).toMatch(/a été préparé pour un autre tableau de suivi \(Commune voisine\)\s: il n'est pas intégré/);
    expect(within(results).getAllByText("Refusé")).toHaveLength(1);
    expect(within(panel).getByText("2 sur 3 ont renvoyé leur fichier.")).toBeTruthy();
    expect(within(panel).getByText("Pas encore de retour pour le 4e trimestre 2026 : CC.")).toBeTruthy();

    // Only the cells of the values written changed outside the new journal; the tableau kept « En cours ».
    const changed = changedKeys(before, snapshot(host));
    const outsideJournal = changed.filter((key) => !key.startsWith(`${SHEETS.journal}|`));
    expect(outsideJournal).toHaveLength(6);
    expect(outsideJournal.every((key) => key.startsWith(`${SHEETS.tracking}|`) || key.startsWith(`${SHEETS.measurements}|`))).toBe(true);
    const statuses = [...host.sheet(SHEETS.tracking).cells.values()].map((cell) => cell.value);
    expect(statuses).not.toContain("Reportée");
    const journal = host.sheet(SHEETS.journal);
    expect(JOURNAL_SPEC.columns.map((_, col) => journal.peek(0, col)?.value)).toEqual(JOURNAL_SPEC.columns.map((column) => column.header));
    expect(journal.usedRect()!.rows).toBe(1 + 2 + 6);
    expect(journal.peek(1, 3)?.value).toBe("Retour");
    expect(journal.peek(1, 2)?.value).toBe("Collecte 2026-T4 - Commune.xlsx");

    // The same files again: nothing new, and the workbook does not change at all.
    const afterFirst = snapshot(host);
    await user.upload(within(panel).getByLabelText("Fichiers de collecte retournés (.xlsx)"), returned);
    await user.click(within(panel).getByRole("button", { name: "Intégrer 2 fichiers" }));
    await within(panel).findByText("Aucune valeur nouvelle : le tableau n'a pas été modifié.", { exact: false });
    expect(changedKeys(afterFirst, snapshot(host))).toEqual([]);

    // The dashboard tells the quarter's reporting rate from the journal.
    await user.click(screen.getByRole("tab", { name: "Tableau de bord" }));
    expect(await screen.findByText("2 sur 3 pilotes ont renvoyé leur fichier")).toBeTruthy();
    expect(screen.getByText("En attente : CC")).toBeTruthy();
  });

  it("tells a tableau with errors before preparing anything", async () => {
    const user = userEvent.setup();
    const { host, gateway } = await tableauHost();
    // A status that is not one of the list, typed straight into the sheet.
    const tracking = host.sheet(SHEETS.tracking);
    tracking.cell(1, 5).value = "Presque fini";
    const saved = renderPane(gateway);
    const panel = await screen.findByRole("region", { name: "Collecte auprès des pilotes et partenaires" });
    await user.click(within(panel).getByRole("button", { name: "Préparer les fichiers (.zip)" }));
    expect(await within(panel).findByText(/Le tableau de suivi contient 1 erreur\s: corrigez-la dans l'onglet Vérifier/)).toBeTruthy();
    expect(saved).toEqual([]);
  });
});
