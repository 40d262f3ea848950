/**
 * The Caf's consolidation in the production bundle of the task pane (headless Chromium, fake Excel host): files
 * picked in the pane are read in the browser by the same reader as the CLI (DecompressionStream, our XML scanner), each
 * with its verdict; the result goes into the open workbook with native charts; cancelling writes nothing. The
 * workbook answers from the page, or from a worker as in the pane's benchmark.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { Page } from "playwright-core";
import type { Tracking } from "../../src/domain/tracking";
import { writeTrackingFile } from "../../src/xlsx/tableau-file";
import { territoryA, territoryB, territoryNumbered } from "../support/territories";
import { paneSession } from "./support/pane-server";
import { screenCheck } from "./support/screens";

const root = resolve(__dirname, "../..");
const shots = join(root, "test-output", "taskpane");
const files = mkdtempSync(join(tmpdir(), "ctg-pane-conso-"));

const pane = paneSession();

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
});

async function saved(name: string, tracking: Tracking): Promise<string> {
  const path = join(files, name);
  writeFileSync(path, await writeTrackingFile(tracking, "2026-11-01T09:00:00.000Z"));
  return path;
}

/** Picks files the way a user does: the button opens the system's file chooser. */
async function pick(page: Page, paths: string[]): Promise<void> {
  const chooser = page.waitForEvent("filechooser");
  await page.getByRole("button", { name: "Choisir des fichiers…" }).click();
  await (await chooser).setFiles(paths);
}

/** Drops a file on the pane's drop zone, as dragged from the file explorer. */
async function drop(page: Page, name: string, bytes: Uint8Array): Promise<void> {
  const transfer = await page.evaluateHandle(
    ({ fileName, base64 }) => {
      const data = new DataTransfer();
      data.items.add(new File([Uint8Array.from(atob(base64), (char) => char.charCodeAt(0))], fileName));
      return data;
    },
    { fileName: name, base64: Buffer.from(bytes).toString("base64") },
  );
  await page.getByTestId("zone-depot").dispatchEvent("drop", { dataTransfer: transfer });
}

function fake<T>(page: Page, script: string): Promise<T> {
  return page.evaluate(script) as Promise<T>;
}

describe("consolidation in the task pane", () => {
  it("reads picked files in the browser, gives each its verdict, and writes the consolidation with its charts", async () => {
    const page = await pane.open("?vue=consolider");
    const panel = page.getByRole("region", { name: "Consolidation des territoires" });
    await panel.waitFor();
    await pick(page, [await saved("commune-de-test.xlsx", territoryA()), await saved("la-haut.xlsx", territoryB())]);
    await drop(page, "notes.xlsx", new TextEncoder().encode("ceci n'est pas un classeur"));
    await panel.getByRole("list", { name: "Fichiers à consolider" }).getByText("notes.xlsx").waitFor();
    await screenCheck(page, shots, "20-consolidation-fichiers");

    await panel.getByRole("button", { name: "Consolider 3 fichiers" }).click();
    await panel.getByText(/Consolidation écrite\s: 2 territoire\(s\) dans le classeur \(2 de ce lot\), 2 fichier\(s\) accepté\(s\), 1 rejeté\(s\)/).waitFor();
    await panel
      .getByRole("list", { name: "Raisons pour notes.xlsx" })
      .getByText(/ce n'est pas un classeur \.xlsx \(le fichier n'est pas une archive zip\)/)
      .waitFor();
    await screenCheck(page, shots, "21-consolidation-ecrite");

    const sheets = await fake<string[]>(page, `window.__fakeExcel.state.sheets.map((sheet) => sheet.name)`);
    expect(sheets).toEqual(["Synthèse territoires", "Synthèse champs", "Statuts", "Indicateurs", "Rapport d'import", "_ctg_champs", "_ctg_conso"]);
    const territories = await fake<unknown[]>(page, `[1, 2].map((row) => window.__fakeExcel.sheet("Synthèse territoires").peek(row, 0)?.value)`);
    expect(territories).toEqual(["Commune de Test", "Commune de Là-Haut"]);
    const charts = await fake<string[][]>(
      page,
      `["Synthèse territoires", "Synthèse champs"].map((name) => window.__fakeExcel.sheet(name).charts.map((chart) => chart.name + ":" + chart.type))`,
    );
    expect(charts).toEqual([["CTG_StatutsParTerritoire:BarStacked"], ["CTG_StatutsParChamp:BarStacked"]]);
    const difficulty = await fake<unknown>(
      page,
      `(() => { const cell = window.__fakeExcel.sheet("Statuts").peek(1, 10); return [cell.value, cell.numberFormat]; })()`,
    );
    expect(difficulty).toEqual(["=SOMME(A1) trop cher", "@"]);
    const report = await fake<unknown[]>(page, `[1, 2, 3].map((row) => window.__fakeExcel.sheet("Rapport d'import").peek(row, 1)?.value)`);
    expect(report).toEqual(["Accepté", "Accepté avec avertissements", "Rejeté"]);

    // The pane reopened on this workbook goes straight to the consolidation, and a newer file replaces its territory.
    const newer = territoryA();
    newer.statuses = [{ actionCode: "1.A.1", quarter: "2026-T3", status: "Abandonnée", difficulties: "Porteur retiré" }];
    await panel.getByRole("button", { name: "Vider la liste" }).click();
    await pick(page, [await saved("commune-de-test-v2.xlsx", newer)]);
    await panel.getByRole("button", { name: "Consolider" }).click();
    await panel.getByText(/Consolidation écrite\s: 2 territoire\(s\) dans le classeur \(1 de ce lot, 1 déjà consolidé\(s\)\)/).waitFor();
    const after = await fake<unknown[]>(page, `[1, 2].map((row) => window.__fakeExcel.sheet("Synthèse territoires").peek(row, 18)?.value)`);
    expect(after).toEqual(["la-haut.xlsx", "commune-de-test-v2.xlsx"]);
  });

  it("stops at the next file when cancelled and leaves the workbook untouched", async () => {
    const page = await pane.open("?vue=consolider");
    const panel = page.getByRole("region", { name: "Consolidation des territoires" });
    await panel.waitFor();
    const many: string[] = [];
    for (let index = 0; index < 40; index++) many.push(await saved(`commune-${index + 1}.xlsx`, territoryNumbered(index + 1)));
    await pick(page, many);
    await panel.getByRole("button", { name: "Consolider 40 fichiers" }).click();
    await panel.getByText(/Fichier \d+ sur 40/).waitFor();
    await screenCheck(page, shots, "22-consolidation-en-cours");
    await panel.getByRole("button", { name: "Annuler" }).click();
    await panel.getByText("Consolidation annulée : le classeur n'a pas été modifié.", { exact: false }).waitFor();
    const notRead = await panel.getByText("Non lu", { exact: true }).count();
    expect(notRead).toBeGreaterThan(0);
    expect(await fake<number>(page, `window.__fakeExcel.state.sheets.length`)).toBe(0);
    await screenCheck(page, shots, "23-consolidation-annulee");
  });

  it("writes the same batch when the workbook answers from a worker, as the pane's benchmark runs it", async () => {
    const page = await pane.open("?vue=consolider&hote=worker");
    const panel = page.getByRole("region", { name: "Consolidation des territoires" });
    await panel.waitFor();
    await pick(page, [await saved("commune-de-test.xlsx", territoryA()), await saved("la-haut.xlsx", territoryB())]);
    await panel.getByRole("button", { name: "Consolider 2 fichiers" }).click();
    await panel.getByText(/Consolidation écrite\s: 2 territoire\(s\) dans le classeur \(2 de ce lot\), 2 fichier\(s\) accepté\(s\)/).waitFor();
    const host = await fake<{ inWorker: boolean; stats: { syncs: number } }>(page, `window.__fakeExcel`);
    expect(host.inWorker).toBe(true);
    // The pane read the workbook, then wrote its sheets: every request went through the worker.
    expect(host.stats.syncs).toBeGreaterThan(2);
  });

  it("lets a territory's chargé de coopération go from the consolidation to the set-up of a tableau", async () => {
    const page = await pane.open("?vue=consolider");
    await page.getByRole("button", { name: "Créer un tableau de suivi" }).click();
    await page.getByRole("textbox", { name: /Territoire/ }).fill("CC Monts, Rance et Rougier");
    await page.getByRole("button", { name: "Créer le tableau de suivi" }).click();
    await page.getByRole("tab", { name: "Tableau de bord" }).waitFor();
    expect(await page.getByRole("region", { name: "Consolidation des territoires" }).count()).toBe(0);
  });
});
