/**
 * Consolidation in the open workbook (the add-in's path) on the fake Excel host, with real .xlsx bytes read by the
 * same reader as the CLI: sheets and native charts, hidden key column, text never a formula, re-consolidation,
 * refusals that leave the workbook as it was, cancellation, and reading back a large consolidation in slices.
 */
import type { Tracking } from "../../src/domain/tracking";
import { ConsolidationRefused, applyWorkbookPlan, readConsolidation } from "../../src/excel";
import { officeGateway, type ConsolidationProgress } from "../../src/taskpane/gateway";
import { TERRITORY_COLUMNS, keyColumn } from "../../src/workbook/build-consolidation";
import { buildTableauPlan } from "../../src/workbook/build-tableau";
import { samplePlan } from "../../src/samples/sample-plan";
import { writeTrackingFile } from "../../src/xlsx/tableau-file";
import type { BatchFile } from "../../src/domain/consolidation-batch";
import { SheetState, createFakeExcel, seedWorkbook, type FakeExcelHost } from "../fake-excel";
import { territoryA, territoryB } from "../support/territories";
import { XlsxFile } from "../support/xlsx-package";

const NOW = new Date("2026-11-24T10:00:00Z");

function gatewayOn(host: FakeExcelHost, now = NOW) {
  return officeGateway(host.run, () => now);
}

async function file(name: string, tracking: Tracking, savedAt?: string): Promise<BatchFile> {
  let bytes = await writeTrackingFile(tracking, "2026-11-01T09:00:00.000Z");
  if (savedAt) {
    const workbook = await XlsxFile.open(bytes);
    await workbook.setModified(new Date(savedAt));
    bytes = await workbook.bytes();
  }
  const copy = bytes.slice();
  return { name, read: async () => copy.slice() };
}

/** A sheet's rows as objects keyed by its header row. */
function rows(host: FakeExcelHost, sheet: string): Record<string, unknown>[] {
  const state = host.sheet(sheet);
  const rect = state.usedRect()!;
  const header: string[] = [];
  for (let col = 0; col < rect.cols; col++) header.push(String(state.peek(0, col)?.value ?? ""));
  const result: Record<string, unknown>[] = [];
  for (let row = 1; row < rect.rows; row++) {
    const entry: Record<string, unknown> = {};
    header.forEach((name, col) => {
      if (name) entry[name] = state.peek(row, col)?.value ?? null;
    });
    result.push(entry);
  }
  return result;
}

function snapshot(host: FakeExcelHost): string {
  return JSON.stringify(
    host.state.sheets.map((sheet) => [
      sheet.name,
      sheet.visibility,
      [...sheet.cells].map(([key, cell]) => [key, cell.value, cell.numberFormat]),
      sheet.charts.map((chart) => chart.name),
    ]),
  );
}

describe("consolidation in the open workbook", () => {
  it("writes the merged tables, the syntheses with their native charts and the import report, value by value", async () => {
    const host = createFakeExcel();
    const progress: ConsolidationProgress[] = [];
    const outcome = await gatewayOn(host).consolidate([await file("commune-de-test.xlsx", territoryA()), await file("la-haut.xlsx", territoryB())], {
      onProgress: (step) => progress.push(step),
    });

    expect(outcome).toMatchObject({ written: true, territories: 2, kept: 0, charts: 2 });
    expect(outcome.verdicts.map((verdict) => [verdict.file, verdict.status, verdict.territory])).toEqual([
      ["commune-de-test.xlsx", "accepted", "Commune de Test"],
      ["la-haut.xlsx", "warnings", "Commune de Là-Haut"],
    ]);
    expect(progress.map((step) => [step.index, step.total, step.file, step.verdict?.status])).toEqual([
      [0, 2, "commune-de-test.xlsx", undefined],
      [1, 2, "commune-de-test.xlsx", "accepted"],
      [1, 2, "la-haut.xlsx", undefined],
      [2, 2, "la-haut.xlsx", "warnings"],
    ]);
    expect(host.state.sheets.map((sheet) => [sheet.name, sheet.visibility])).toEqual([
      ["Synthèse territoires", "Visible"],
      ["Synthèse champs", "Visible"],
      ["Statuts", "Visible"],
      ["Indicateurs", "Visible"],
      ["Rapport d'import", "Visible"],
      ["_ctg_champs", "Hidden"],
      ["_ctg_conso", "VeryHidden"],
    ]);

    const [first, second] = rows(host, "Synthèse territoires");
    expect(first).toMatchObject({
      Territoire: "Commune de Test",
      "Trimestre de référence": "2026-T3",
      Fiches: 3,
      // En cours in 2026-T2, nothing in 2026-T3 (the reference quarter): not counted as that quarter's.
      "En cours": 0,
      Réalisée: 1,
      "Non renseigné": 2,
      "Valeurs saisies au trimestre": 3,
      "Valeurs attendues au trimestre": 5,
      Fichier: "commune-de-test.xlsx",
    });
    expect(first["% Réalisée"]).toBeCloseTo(1 / 3, 10);
    // Nothing entered in 2026-T3, the reference quarter: every fiche « non renseigné » there.
    expect(second).toMatchObject({ Territoire: "Commune de Là-Haut", "À lancer": 0, Reportée: 0, "Non renseigné": 3 });
    const fields = Object.fromEntries(rows(host, "Synthèse champs").map((row) => [row["Champ d'intervention"], row]));
    expect(fields["petite enfance"]).toMatchObject({ Territoires: 2, Fiches: 4, Réalisée: 1, "En cours": 0, "À lancer": 0, "Non renseigné": 3 });

    const statuses = rows(host, "Statuts");
    expect(statuses).toHaveLength(5);
    expect(statuses[0]).toMatchObject({
      Territoire: "Commune de Test",
      Trimestre: "2026-T1",
      Code: "1.A.1",
      Statut: "En cours",
      Avancement: 0.2,
      Difficultés: "=SOMME(A1) trop cher",
    });
    // Text that looks like a formula is stored as text (format "@" before the value), never as a formula.
    const difficulty = host.cell("Statuts", "K2")!;
    expect(difficulty).toMatchObject({ value: "=SOMME(A1) trop cher", numberFormat: "@" });
    expect(host.cell("Statuts", "J3")).toMatchObject({ value: "@RPE : permanence ouverte", numberFormat: "@" });
    expect(rows(host, "Indicateurs").map((row) => [row.Territoire, row.Identifiant, row.Trimestre, row.Valeur])).toEqual([
      ["Commune de Test", "1.A.1-I1", "2026-T3", 12],
      ["Commune de Test", "1.A.1-I2", "2026-T3", 0.855],
      ["Commune de Test", "1.A.1-I3", "2026-T3", 18500],
      ["Commune de Test", "2.A.1-I1", "2026-T2", "-10 % de participants"],
      ["Commune de Là-Haut", "1.A.2-I1", "2026-T2", "Oui"],
    ]);
    expect(host.cell("Indicateurs", "J5")).toMatchObject({ value: "-10 % de participants", numberFormat: "@" });
    expect(host.cell("Indicateurs", "J3")!.numberFormat).toBe("0.0 %");
    expect(rows(host, "Rapport d'import").map((row) => [row.Fichier, row.Statut])).toEqual([
      ["commune-de-test.xlsx", "Accepté"],
      ["la-haut.xlsx", "Accepté avec avertissements"],
    ]);

    // The key that makes re-consolidation possible is there for readers and hidden from people.
    const keyCol = keyColumn(TERRITORY_COLUMNS);
    expect(keyCol).toBe(21);
    expect(host.sheet("Synthèse territoires").peek(0, keyCol)?.value).toBe("Clé territoire");
    expect([...host.sheet("Synthèse territoires").hiddenColumns]).toEqual([keyCol]);
    expect([...host.sheet("Statuts").hiddenColumns]).toEqual([12]);

    const territoryChart = host.sheet("Synthèse territoires").charts[0];
    expect(territoryChart).toMatchObject({ name: "CTG_StatutsParTerritoire", type: "BarStacked" });
    expect(host.sheet("Synthèse champs").charts.map((chart) => [chart.name, chart.type])).toEqual([["CTG_StatutsParChamp", "BarStacked"]]);
    expect(host.state.activeSheet).toBe("Synthèse territoires");
  });

  it("replaces a territory's rows with its newer file, keeps the others, and refuses an older file", async () => {
    const host = createFakeExcel();
    await gatewayOn(host).consolidate([await file("a.xlsx", territoryA(), "2026-10-01T08:00:00Z"), await file("b.xlsx", territoryB(), "2026-10-01T08:00:00Z")]);
    // A user's own sheet and chart next to the consolidation survive the next batch.
    const notes = new SheetState("Mes notes");
    notes.cell(0, 0).value = "à garder";
    host.state.sheets.push(notes);

    const newer = territoryA();
    newer.statuses = [{ actionCode: "1.A.1", quarter: "2026-T3", status: "Abandonnée", difficulties: "Porteur retiré" }];
    newer.measurements = [{ indicatorId: "1.A.1-I1", quarter: "2026-T3", value: 30 }];
    const later = await gatewayOn(host, new Date("2026-11-25T10:00:00Z")).consolidate([await file("a-novembre.xlsx", newer, "2026-11-20T08:00:00Z")]);
    expect(later).toMatchObject({ written: true, territories: 2, kept: 1 });

    expect(rows(host, "Synthèse territoires").map((row) => [row.Territoire, row.Fichier, row.Abandonnée])).toEqual([
      ["Commune de Là-Haut", "b.xlsx", 0],
      ["Commune de Test", "a-novembre.xlsx", 1],
    ]);
    expect(rows(host, "Statuts").map((row) => [row.Territoire, row.Code, row.Statut])).toEqual([
      ["Commune de Là-Haut", "1.A.1", "À lancer"],
      ["Commune de Là-Haut", "2.A.1", "Reportée"],
      ["Commune de Test", "1.A.1", "Abandonnée"],
    ]);
    expect(rows(host, "Indicateurs").map((row) => [row.Territoire, row.Identifiant, row.Valeur])).toEqual([
      ["Commune de Là-Haut", "1.A.2-I1", "Oui"],
      ["Commune de Test", "1.A.1-I1", 30],
    ]);
    const fields = Object.fromEntries(rows(host, "Synthèse champs").map((row) => [row["Champ d'intervention"], row]));
    expect(fields["petite enfance"]).toMatchObject({ Territoires: 2, Fiches: 4, Abandonnée: 1, Réalisée: 0 });
    expect(rows(host, "Rapport d'import").map((row) => row.Fichier)).toEqual(["a-novembre.xlsx"]);
    expect(host.cell("Mes notes", "A1")?.value).toBe("à garder");

    const before = snapshot(host);
    const older = await gatewayOn(host).consolidate([await file("a-ancien.xlsx", territoryA(), "2026-09-01T08:00:00Z")]);
    expect(older.written).toBe(false);
    expect(older.verdicts[0]).toMatchObject({ status: "rejected", reasons: [expect.stringContaining("plus ancien")] });
    expect(snapshot(host)).toBe(before);
  });

  it("flags two files of one territory and period in a batch and still merges the others", async () => {
    const host = createFakeExcel();
    const outcome = await gatewayOn(host).consolidate([
      await file("a.xlsx", territoryA()),
      await file("a-copie.xlsx", territoryA()),
      await file("b.xlsx", territoryB()),
    ]);
    expect(outcome.verdicts.map((verdict) => verdict.status)).toEqual(["rejected", "rejected", "warnings"]);
    expect(outcome.verdicts[0].reasons[0]).toContain("«\u00a0a-copie.xlsx\u00a0»");
    expect(rows(host, "Synthèse territoires").map((row) => row.Territoire)).toEqual(["Commune de Là-Haut"]);
    expect(rows(host, "Statuts").every((row) => row.Territoire === "Commune de Là-Haut")).toBe(true);
  });

  it("never writes into a territory's tableau or over sheets of another origin, and leaves them as they were", async () => {
    const tableau = createFakeExcel();
    await applyWorkbookPlan(
      tableau.context,
      buildTableauPlan({ plan: samplePlan(), statuses: [], measurements: [], lockedQuarters: [], archive: [] }, { now: NOW.toISOString() }),
    );
    const before = snapshot(tableau);
    const files = [await file("a.xlsx", territoryA())];
    let read = 0;
    const counted = files.map((item) => ({ name: item.name, read: () => ((read += 1), item.read()) }));
    await expect(gatewayOn(tableau).consolidate(counted)).rejects.toThrow(/tableau de suivi d'un territoire.*Ouvrez un nouveau classeur vide/);
    expect(read).toBe(0);
    expect(snapshot(tableau)).toBe(before);

    const foreign = createFakeExcel(seedWorkbook([{ name: "Statuts", values: [["Mes statuts"]] }]));
    await expect(gatewayOn(foreign).consolidate(files)).rejects.toThrow(/une feuille «\sStatuts\s» qui ne vient pas d'une consolidation CTG Suivi/);
    expect(foreign.cell("Statuts", "A1")?.value).toBe("Mes statuts");

    const edited = createFakeExcel();
    await gatewayOn(edited).consolidate(files);
    edited.sheet("Statuts").cell(0, 3).value = "Fiche";
    await expect(gatewayOn(edited).consolidate([await file("b.xlsx", territoryB())])).rejects.toThrow(ConsolidationRefused);
    await expect(readConsolidation(edited.context)).rejects.toThrow(/«\sStatuts\s» .*colonne 4\s: «\sFiche\s» au lieu de «\sCode\s»/);

    // A national consolidation the command line split past Excel's row limit: adding to its first sheet would drop the others.
    const national = createFakeExcel();
    await gatewayOn(national).consolidate(files);
    const values = national.sheet("Indicateurs");
    national.state.sheets.push(new (values.constructor as new (name: string) => SheetState)("Indicateurs (2)"));
    const nationalBefore = snapshot(national);
    await expect(gatewayOn(national).consolidate([await file("b.xlsx", territoryB())])).rejects.toThrow(
      /continue sur la feuille «\sIndicateurs \(2\)\s»\s.*ligne de commande \(ctg consolidate\).*Le classeur n'a pas été modifié/,
    );
    expect(snapshot(national)).toBe(nationalBefore);
  });

  it("stops between files when cancelled, and writes nothing", async () => {
    const host = createFakeExcel();
    const controller = new AbortController();
    const files = [await file("a.xlsx", territoryA()), await file("b.xlsx", territoryB())];
    const seen: string[] = [];
    await expect(
      gatewayOn(host).consolidate(files, {
        signal: controller.signal,
        onProgress: (step) => {
          if (step.verdict) {
            seen.push(step.file);
            controller.abort();
          }
        },
      }),
    ).rejects.toThrow("Consolidation annulée\u00a0: le classeur n'a pas été modifié.");
    expect(seen).toEqual(["a.xlsx"]);
    expect(host.state.sheets).toHaveLength(0);
  });

  it("reads a large earlier consolidation back in slices and loses none of its rows", async () => {
    const host = createFakeExcel();
    const big = territoryA();
    big.statuses = [];
    for (const quarter of ["2026-T1", "2026-T2", "2026-T3"])
      for (const code of ["1.A.1", "1.A.2", "2.A.1"])
        big.statuses.push({ actionCode: code, quarter, status: "En cours", progress: 10, difficulties: `${code} ${quarter}` });
    await gatewayOn(host).consolidate([await file("a.xlsx", big), await file("b.xlsx", territoryB())]);
    const syncsBefore = host.stats.syncs;
    const stored = await readConsolidation(host.context, { maxResponseBytes: 2_000 });
    // Eleven status rows of 13 cells, a few per sync of 2 kB: many slices, every row kept in order.
    expect(host.stats.syncs - syncsBefore).toBeGreaterThan(5);
    expect(stored.statuses.map((item) => item.row.values[10])).toEqual([
      ...["2026-T1", "2026-T2", "2026-T3"].flatMap((quarter) => ["1.A.1", "1.A.2", "2.A.1"].map((code) => `${code} ${quarter}`)),
      null,
      null,
    ]);
    expect([...stored.byKey.values()].map((item) => item.territory)).toEqual(["Commune de Test", "Commune de Là-Haut"]);
    expect(stored.tallies.length).toBeGreaterThan(0);
  });
});

describe("consolidation payloads", () => {
  it("slices every request and response of a first batch and of a second batch on top to the planned size", async () => {
    const { syntheticTerritory } = await import("../../src/samples/synthetic-territories");
    const files: BatchFile[] = [];
    for (let index = 0; index < 6; index++) {
      const bytes = await writeTrackingFile(syntheticTerritory({ index, seed: 7 }), "2026-01-05T09:00:00.000Z");
      files.push({ name: `territoire-${index + 1}.xlsx`, read: async () => bytes.slice() });
    }
    const host = createFakeExcel();
    const limits = { maxRequestBytes: 150_000, maxResponseBytes: 100_000 };
    const later = new Date("2031-03-01T10:00:00Z");
    const first = await officeGateway(host.run, () => later, undefined, limits).consolidate(files);
    expect(first.territories).toBe(6);
    expect(Math.max(...host.stats.requestBytes)).toBeLessThanOrEqual(limits.maxRequestBytes);
    expect(host.stats.syncs).toBeGreaterThan(10);
    host.resetStats();
    const second = await officeGateway(host.run, () => new Date("2031-03-02T10:00:00Z"), undefined, limits).consolidate(files.slice(0, 2));
    expect(second.territories).toBe(6);
    expect(second.kept).toBe(4);
    expect(Math.max(...host.stats.requestBytes)).toBeLessThanOrEqual(limits.maxRequestBytes);
    // A read plans from the densest rows seen so far: a slice may pass its plan a little, never twice over.
    expect(Math.max(...host.stats.responseBytes)).toBeLessThan(2 * limits.maxResponseBytes);
    const stored = await readConsolidation(host.context);
    expect(new Set(stored.statuses.map((row) => row.key.split("\u0000")[0])).size).toBeGreaterThan(0);
    expect(stored.territories).toHaveLength(6);
  }, 120_000);
});
