/**
 * The Collecte tab in the production bundle of the task pane (headless Chromium, fake Excel host): the quarter's
 * files handed over as one .zip download, then a returned file merged into the open workbook with its report; each
 * screen saved under test-output/taskpane/ and checked with axe-core (no serious or critical violation).
 */
import { mkdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Page } from "playwright-core";
import { allActions } from "../../src/domain/plan";
import { emptyTracking } from "../../src/domain/tracking";
import { samplePlan } from "../../src/samples/sample-plan";
import { readCollectionIdentity } from "../../src/workbook/parse-collection";
import { readReturnedFile } from "../../src/xlsx/collection-file";
import { filledReturn, unzipped } from "../support/collection-returns";
import { paneSession } from "./support/pane-server";
import { screenCheck } from "./support/screens";

const root = resolve(__dirname, "../..");
const shots = join(root, "test-output", "taskpane");

const pane = paneSession();

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
});

function fake<T>(page: Page, script: string): Promise<T> {
  return page.evaluate(script) as Promise<T>;
}

/** The quarter the pane opens on: today's, as the browser's clock says. */
function currentQuarter(): string {
  const today = new Date();
  return `${today.getFullYear()}-T${Math.floor(today.getMonth() / 3) + 1}`;
}

describe("the Collecte tab in Chromium", () => {
  it("downloads the quarter's files as a .zip, merges a returned file with its report, and shows the reporting rate", async () => {
    const page = await pane.open("?vue=collecte");
    await page.getByRole("heading", { name: "Créer le tableau de suivi" }).waitFor();
    await page.getByRole("textbox", { name: /Territoire/ }).fill("Communauté de communes Monts, Rance et Rougier");
    await page.getByRole("button", { name: "Créer le tableau de suivi" }).click();
    const panel = page.getByRole("region", { name: "Collecte auprès des pilotes et partenaires" });
    await panel.waitFor();
    const quarter = currentQuarter();
    await screenCheck(page, shots, "40-collecte");

    // Préparer la collecte: the browser's download receives the archive of one workbook per pilote.
    const download = page.waitForEvent("download");
    await panel.getByRole("button", { name: "Préparer les fichiers (.zip)" }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe(`Collecte ${quarter}.zip`);
    const zipPath = join(shots, `collecte-${quarter}.zip`);
    await file.saveAs(zipPath);
    await panel
      .getByText(new RegExp(`«.Collecte ${quarter}\\.zip.» prêt.: \\d+ fichiers de collecte .*Le fichier est dans votre dossier Téléchargements`))
      .waitFor();
    const files = await unzipped(new Uint8Array(readFileSync(zipPath)));
    const listed = await panel.getByRole("list", { name: "Fichiers préparés" }).getByRole("listitem").allTextContents();
    expect(listed.map((line) => line.split(" — ")[0])).toEqual([...files.keys()]);
    const pilots = new Set(allActions(samplePlan()).flatMap((action) => action.pilots));
    expect(files.size).toBe(pilots.size);
    const scopes = [];
    for (const [name, bytes] of files) {
      const read = await readReturnedFile(bytes, name);
      if ("unreadable" in read) throw new Error(read.unreadable);
      const identity = readCollectionIdentity(read.grids);
      if (!identity.ok) throw new Error(`${name}: ${identity.problem}`);
      expect(identity.scope.quarter).toBe(quarter);
      scopes.push({ name, bytes, scope: identity.scope });
    }
    await screenCheck(page, shots, "41-collecte-preparee");

    // Intégrer les retours: one pilote's file filled in, and a file that is no workbook.
    const returned = scopes.find((item) => item.scope.actionCodes.length > 1) ?? scopes[0];
    const statuses = returned.scope.actionCodes.map((actionCode) => ({ actionCode, quarter, status: "En cours" as const, progress: 40 }));
    const filled = await filledReturn(returned.bytes, returned.name, { ...emptyTracking(samplePlan()), statuses });
    const chooser = page.waitForEvent("filechooser");
    await panel.getByRole("button", { name: "Choisir les fichiers…" }).click();
    await (
      await chooser
    ).setFiles([
      { name: returned.name, mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: Buffer.from(filled) },
      { name: "notes.xlsx", mimeType: "application/octet-stream", buffer: Buffer.from("ceci n'est pas un classeur") },
    ]);
    await panel.getByText("2 fichiers choisis.").waitFor();
    await panel.getByRole("button", { name: "Intégrer 2 fichiers" }).click();
    await panel.getByText(/valeurs intégrées dans le tableau\s; leur origine est notée dans la feuille «.Journal des retours.»/).waitFor();
    const results = panel.getByRole("list", { name: "Résultat par fichier" });
    await results
      .getByRole("list", { name: "Raisons du refus — notes.xlsx" })
      .getByText(/ne peut pas être lu comme un classeur Excel/)
      .waitFor();
    await panel.getByText(`1 sur ${pilots.size} ont renvoyé leur fichier.`).waitFor();
    await screenCheck(page, shots, "42-collecte-integree");

    const written = await fake<{ journal: number; statuses: unknown[] }>(
      page,
      `(() => {
      const suivi = window.__fakeExcel.sheet("Suivi des fiches");
      const codes = ${JSON.stringify(returned.scope.actionCodes)};
      const statuses = [];
      for (let row = 1; suivi.peek(row, 0); row++) if (suivi.peek(row, 0).value === ${JSON.stringify(quarter)} && codes.includes(suivi.peek(row, 2)?.value)) statuses.push([suivi.peek(row, 5)?.value, suivi.peek(row, 6)?.value]);
      return { journal: window.__fakeExcel.sheet("Journal des retours").usedRect().rows, statuses };
    })()`,
    );
    expect(written.statuses).toEqual(returned.scope.actionCodes.map(() => ["En cours", 0.4]));
    expect(written.journal).toBe(1 + 1 + 2 * returned.scope.actionCodes.length);

    // The dashboard tells the quarter's reporting rate from the journal.
    await page.getByRole("tab", { name: "Tableau de bord" }).click();
    await page.getByText(`1 sur ${pilots.size} pilotes ont renvoyé leur fichier`).waitFor();
    await screenCheck(page, shots, "43-tableau-de-bord-retours");
  });
});
