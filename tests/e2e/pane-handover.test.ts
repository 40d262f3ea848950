/**
 * How the files the pane produces reach the user, host by host, in the production bundle (headless Chromium, fake
 * Excel host, `?plateforme=` for the platform Office reports): on Excel for Windows and on the web, the browser's
 * download receives the COPIL deck, the Word bilan and the collection's archive, and the pane says where they went;
 * on Excel for Mac, and where the download is blocked, nothing is downloaded and the pane says so in French, with
 * Excel on the web and the `ctg` command as the alternatives. Screens under test-output/taskpane/, checked with axe.
 */
import { mkdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Download, Page } from "playwright-core";
import { unzipped } from "../support/collection-returns";
import { paneSession } from "./support/pane-server";
import { screenCheck } from "./support/screens";

const root = resolve(__dirname, "../..");
const shots = join(root, "test-output", "taskpane");

const pane = paneSession();

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
});

/** The year and quarter the pane opens on: today's, as the browser's clock says. */
const today = new Date();
const YEAR = today.getFullYear();
const QUARTER = `${YEAR}-T${Math.floor(today.getMonth() / 3) + 1}`;

/** The pane on a fresh tableau of the sample plan, every download it triggers recorded. */
async function paneWithTableau(query: string): Promise<{ page: Page; downloads: Download[] }> {
  const page = await pane.open(query);
  const downloads: Download[] = [];
  page.on("download", (download) => downloads.push(download));
  await page.getByRole("heading", { name: "Créer le tableau de suivi" }).waitFor();
  await page.getByRole("textbox", { name: /Territoire/ }).fill("Communauté de communes Monts, Rance et Rougier");
  await page.getByRole("button", { name: "Créer le tableau de suivi" }).click();
  await page.getByRole("tab", { name: "Tableau de bord" }).waitFor();
  return { page, downloads };
}

/** The bytes of a download, saved under test-output/taskpane/. */
async function savedBytes(download: Download, name: string): Promise<Uint8Array> {
  const path = join(shots, name);
  await download.saveAs(path);
  return new Uint8Array(readFileSync(path));
}

async function partText(bytes: Uint8Array, part: string): Promise<string> {
  const JSZip = (await import("jszip")).default;
  const file = (await JSZip.loadAsync(bytes)).file(part);
  if (!file) throw new Error(`No ${part} in the file`);
  return file.async("string");
}

/** A space in the pane's text, breaking or not (French typography puts non-breaking ones before « : » and inside « »). */
const S = "[\\s\\u00a0\\u202f]";
const words = (text: string) => new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/ /g, S));

describe("files handed over in Chromium", () => {
  it("on Excel for Windows, downloads the deck, the Word bilan and the collection's archive, and points to the pane's download box", async () => {
    const { page, downloads } = await paneWithTableau("?plateforme=PC&vue=bilan");
    await page.getByRole("tab", { name: "Bilans" }).click();
    const panel = page.getByRole("region", { name: "Bilans" });
    const whereOnWindows = words(
      "Le fichier est dans votre dossier Téléchargements : ouvrez-le depuis le petit encadré de téléchargement affiché dans le volet",
    );

    const deckDownload = page.waitForEvent("download");
    await panel.getByRole("button", { name: /Télécharger la présentation COPIL/ }).click();
    const deck = await deckDownload;
    expect(deck.suggestedFilename()).toBe(`copil-annuel-${YEAR}.pptx`);
    expect(await partText(await savedBytes(deck, `remise-copil-annuel-${YEAR}.pptx`), "ppt/slides/slide1.xml")).toContain(`Point d&apos;étape ${YEAR}`);
    await panel.getByText(whereOnWindows).waitFor();
    await panel.getByText(new RegExp(`Présentation${S}«${S}copil-annuel-${YEAR}\\.pptx${S}»${S}prête`)).waitFor();

    const documentDownload = page.waitForEvent("download");
    await panel.getByRole("button", { name: /Télécharger le bilan écrit \(Word/ }).click();
    const document = await documentDownload;
    expect(document.suggestedFilename()).toBe(`bilan-annuel-${YEAR}.docx`);
    expect(await partText(await savedBytes(document, `remise-bilan-annuel-${YEAR}.docx`), "word/document.xml")).toContain(
      "Communauté de communes Monts, Rance et Rougier",
    );
    await panel.getByText(new RegExp(`Bilan écrit${S}«${S}bilan-annuel-${YEAR}\\.docx${S}»${S}prêt`)).waitFor();
    await screenCheck(page, shots, "60-remise-windows");

    await page.getByRole("tab", { name: "Collecte" }).click();
    const collecte = page.getByRole("region", { name: "Collecte auprès des pilotes et partenaires" });
    const zipDownload = page.waitForEvent("download");
    await collecte.getByRole("button", { name: "Préparer les fichiers (.zip)" }).click();
    const zip = await zipDownload;
    expect(zip.suggestedFilename()).toBe(`Collecte ${QUARTER}.zip`);
    const files = await unzipped(await savedBytes(zip, `remise-collecte-${QUARTER}.zip`));
    expect(files.size).toBeGreaterThan(1);
    for (const name of files.keys()) expect(name).toMatch(new RegExp(`^Collecte ${QUARTER} - .+\\.xlsx$`));
    await collecte.getByText(whereOnWindows).waitFor();
    await collecte.getByText(words("Décompressez-le, puis envoyez à chaque personne son fichier par courriel.")).waitFor();
    expect(downloads.map((download) => download.suggestedFilename())).toEqual([
      `copil-annuel-${YEAR}.pptx`,
      `bilan-annuel-${YEAR}.docx`,
      `Collecte ${QUARTER}.zip`,
    ]);
    await page.close();
  });

  it("on Excel on the web, downloads the Word bilan and says it is in the browser's Downloads folder", async () => {
    const { page, downloads } = await paneWithTableau("?vue=bilan");
    await page.getByRole("tab", { name: "Bilans" }).click();
    const panel = page.getByRole("region", { name: "Bilans" });
    const documentDownload = page.waitForEvent("download");
    await panel.getByRole("button", { name: /Télécharger le bilan écrit \(Word/ }).click();
    const document = await documentDownload;
    expect(document.suggestedFilename()).toBe(`bilan-annuel-${YEAR}.docx`);
    expect(await partText(await savedBytes(document, `remise-web-bilan-annuel-${YEAR}.docx`), "word/document.xml")).toContain(`${YEAR}`);
    await panel.getByText(words("Le fichier est dans votre dossier Téléchargements (ou à l'endroit que votre navigateur vous a demandé de choisir)")).waitFor();
    expect(downloads).toHaveLength(1);
    await page.close();
  });

  it("on Excel for Mac, downloads nothing and says so, with Excel on the web and the ctg command for each file", async () => {
    const { page, downloads } = await paneWithTableau("?plateforme=Mac&vue=bilan");
    // Office says Mac to the pane, as Excel for Mac would.
    expect(await page.evaluate(`Office.context.diagnostics.platform`)).toBe("Mac");
    await page.getByRole("tab", { name: "Bilans" }).click();
    const panel = page.getByRole("region", { name: "Bilans" });
    const onMac = words("Excel pour Mac ne permet pas à un complément d'enregistrer un fichier sur l'ordinateur : rien n'a été téléchargé.");
    const onTheWeb = words("ouvrez ce classeur dans Excel pour le web");

    await panel.getByRole("button", { name: /Télécharger la présentation COPIL/ }).click();
    await panel.getByText(onMac).waitFor();
    await panel.getByText(new RegExp(`Présentation${S}«${S}copil-annuel-${YEAR}\\.pptx${S}»${S}prête`)).waitFor();
    await panel.getByText(onTheWeb).waitFor();
    await panel.getByText(words(`ctg bilan TABLEAU.xlsx --kind annual --year ${YEAR} --out DOSSIER`)).waitFor();
    await screenCheck(page, shots, "61-remise-mac");

    // The convention runs to 2030: the final bilan is made as provisoire, and the command says so too.
    await panel.getByRole("radio", { name: "Bilan final" }).check();
    await panel.getByRole("checkbox", { name: "Bilan provisoire" }).check();
    await panel.getByRole("button", { name: /Télécharger le bilan écrit \(Word/ }).click();
    await panel.getByText(new RegExp(`Bilan écrit${S}«${S}bilan-final\\.docx${S}»${S}prêt`)).waitFor();
    await panel.getByText(onMac).waitFor();
    await panel.getByText(words("ctg bilan TABLEAU.xlsx --kind final --provisoire --out DOSSIER")).waitFor();

    await page.getByRole("tab", { name: "Collecte" }).click();
    const collecte = page.getByRole("region", { name: "Collecte auprès des pilotes et partenaires" });
    await collecte.getByRole("button", { name: "Préparer les fichiers (.zip)" }).click();
    await collecte.getByText(onMac).waitFor();
    await collecte.getByText(words(`ctg collect TABLEAU.xlsx --quarter ${QUARTER} --out DOSSIER`)).waitFor();
    expect(await collecte.getByText(words("Décompressez-le")).count()).toBe(0);
    // A download would have started on the click, before the message: none did.
    expect(downloads).toHaveLength(0);
    await page.close();
  });

  it("where the web view blocks the download, falls back to the message and downloads nothing", async () => {
    const { page, downloads } = await paneWithTableau("?plateforme=PC&vue=bilan");
    // A web view that refuses blob URLs, as some do: the pane's download throws.
    await page.evaluate(`URL.createObjectURL = () => { throw new DOMException("Blob URLs are blocked", "SecurityError"); }`);
    await page.getByRole("tab", { name: "Bilans" }).click();
    const panel = page.getByRole("region", { name: "Bilans" });
    await panel.getByRole("button", { name: /Télécharger le bilan écrit \(Word/ }).click();
    await panel.getByText(words("Le téléchargement a été bloqué dans ce volet : rien n'a été enregistré.")).waitFor();
    await panel.getByText(words(`ctg bilan TABLEAU.xlsx --kind annual --year ${YEAR} --out DOSSIER`)).waitFor();
    await screenCheck(page, shots, "62-remise-bloquee");
    expect(downloads).toHaveLength(0);
    await page.close();
  });
});
