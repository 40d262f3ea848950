/**
 * Every screen of the task pane at 350 pixels wide, the narrowest Excel opens it at, in the production bundle on the
 * fake Excel host (headless Chromium): each saved as a PNG under test-output/taskpane/ (look at them) and checked
 * with axe-core (no serious or critical violation) and for controls named in English. Then what users found rough,
 * tried in the browser where the layout is real: a visible keyboard focus, « Enregistrer » always in view, the
 * lock's outcome brought into view and focus.
 */
import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Locator, Page } from "playwright-core";
import { paneSession } from "./support/pane-server";
import { screenCheck } from "./support/screens";

const root = resolve(__dirname, "../..");
const shots = join(root, "test-output", "taskpane");
const WIDTH = 350;
const HEIGHT = 900;

const pane = paneSession();

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
});

function fake<T>(page: Page, script: string): Promise<T> {
  return page.evaluate(script) as Promise<T>;
}

/**
 * A screen: its PNG and axe-core's verdict (screens.ts), no control named in English (Fluent UI's defaults are), and
 * nothing wider than the pane (a horizontal scroll bar at 350 pixels).
 */
async function screen(page: Page, name: string, fullPage = true): Promise<void> {
  // Fluent UI animates dialogs and message bars in: the picture is taken once they are still.
  await page.waitForFunction(() => document.getAnimations().every((animation) => animation.playState !== "running"));
  await screenCheck(page, shots, `350-${name}`, fullPage);
  const tree = await page.locator("body").ariaSnapshot();
  expect({ screen: name, english: tree.match(/\b(Open|Close|Clear selection|Dismiss|Increment|Decrement|Overflow)\b/g) ?? [] }).toEqual({
    screen: name,
    english: [],
  });
  // A modal dialog hides the scroll bar, which makes the page wider than its content: only a positive gap is overflow.
  const overflow = await page.evaluate(() => Math.max(0, document.documentElement.scrollWidth - document.documentElement.clientWidth));
  expect({ screen: name, overflow }).toEqual({ screen: name, overflow: 0 });
}

async function open(query = ""): Promise<Page> {
  return pane.open(query, { width: WIDTH, height: HEIGHT });
}

async function createFromSample(page: Page): Promise<void> {
  await page.getByRole("heading", { name: "Créer le tableau de suivi" }).waitFor();
  await page.getByRole("textbox", { name: /Territoire/ }).fill("Communauté de communes Monts, Rance et Rougier");
  await page.getByRole("button", { name: "Créer le tableau de suivi" }).click();
  await page.getByRole("tab", { name: "Tableau de bord" }).waitFor();
}

/** The quarter the pane opens on: today's, as the browser's clock says. */
function currentQuarter(): string {
  const today = new Date();
  return `${today.getFullYear()}-T${Math.floor(today.getMonth() / 3) + 1}`;
}

/** Statuses typed straight in « Suivi des fiches » for some fiches of the current quarter (rows: docs/format-classeur.md). */
async function someStatuses(page: Page): Promise<void> {
  await fake(
    page,
    `(() => {
      const suivi = window.__fakeExcel.sheet("Suivi des fiches");
      let done = 0;
      for (let row = 1; suivi.peek(row, 0); row++) {
        if (suivi.peek(row, 0).value !== ${JSON.stringify(currentQuarter())} || done >= 6) continue;
        suivi.cell(row, 5).value = done % 3 === 0 ? "Réalisée" : "En cours";
        suivi.cell(row, 6).value = done % 3 === 0 ? 1 : 0.4;
        done++;
      }
    })()`,
  );
}

/** Whether an element lies wholly inside the viewport. */
function inView(locator: Locator): Promise<boolean> {
  return locator.evaluate((element) => {
    const box = element.getBoundingClientRect();
    return box.top >= 0 && box.bottom <= window.innerHeight && box.height > 0;
  });
}

describe("every screen of the pane at 350 pixels", () => {
  it("the set-up wizard, its refusals, and an impossible date named as such", async () => {
    const page = await open();
    await page.getByRole("heading", { name: "Créer le tableau de suivi" }).waitFor();
    await screen(page, "01-assistant");
    const start = page.getByRole("textbox", { name: /Début de la convention/ });
    await start.fill("31/02/2026");
    await page.getByText(/Le 31\/02\/2026 n'existe pas\s: vérifiez le jour et le mois/).waitFor();
    await page.getByRole("button", { name: "Créer le tableau de suivi" }).click();
    await page.getByText(/Territoire\s: le territoire ne doit pas être vide/).waitFor();
    await screen(page, "02-assistant-erreurs");
    await page.getByRole("radio", { name: /Importer un répertoire/ }).check();
    await screen(page, "03-assistant-import");
    await page.close();
  });

  it("the dashboard, the lock's warning and its outcome in view, the entry form, the evaluation, Vérifier, the bilans and the collection", async () => {
    const page = await open();
    await createFromSample(page);
    await someStatuses(page);
    await page.getByRole("tab", { name: "Saisie" }).click();
    await page.getByRole("tab", { name: "Tableau de bord" }).click();
    await page.getByText(/^Trimestre en cours\s: 6 fiche\(s\) sur 15/).waitFor();
    await screen(page, "10-tableau-de-bord");

    // « Verrouiller » at the foot of the view: a quarter not over, 9 fiches without a status, so the pane asks first.
    await page.getByRole("button", { name: "Verrouiller le trimestre après le COPIL" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByText(/Ce trimestre n'est pas terminé\s: il se termine le 31\/12\/\d{4}\./).waitFor();
    await dialog.getByText("9 fiches sur 15 n'ont pas de statut pour ce trimestre.").waitFor();
    await screen(page, "11-verrouillage-avertissement", false);
    await dialog.getByRole("button", { name: "Verrouiller quand même" }).click();
    const locked = page.getByText(/^Le \d+e trimestre \d{4} est verrouillé\s: ses saisies ne peuvent plus être modifiées\.$/);
    await locked.waitFor();
    // Once the dialog has gone (it holds the page still while it closes), the outcome is on screen and has the focus.
    await page.waitForFunction(
      () => {
        const focused = document.activeElement;
        const box = focused?.getBoundingClientRect();
        return !!box && !!focused?.textContent?.includes("est verrouillé") && box.top >= 0 && box.bottom <= window.innerHeight;
      },
      undefined,
      { timeout: 5_000 },
    );
    expect(await inView(locked)).toBe(true);
    await screen(page, "12-verrouillage-confirme", false);
    await page.getByRole("button", { name: "Déverrouiller le trimestre" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Déverrouiller" }).waitFor();
    await screen(page, "13-deverrouillage", false);
    await page.getByRole("dialog").getByRole("button", { name: "Déverrouiller" }).click();
    await page.getByText(/est déverrouillé\.$/).waitFor();

    await page.getByRole("tab", { name: "Saisie" }).click();
    const form = page.getByRole("form", { name: "Saisie trimestrielle" });
    await form.waitFor();
    // The form's foot stays in the window: pictures of the window at the top and at the end of the form.
    await screen(page, "20-saisie-haut", false);
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await screen(page, "20-saisie-bas", false);
    await page.evaluate(() => window.scrollTo(0, 0));
    const search = form.getByRole("combobox", { name: /Fiche action/ });
    await search.fill("");
    await search.pressSequentially("numé");
    await page
      .getByRole("option", { name: /numérique/ })
      .first()
      .waitFor();
    expect(await search.inputValue()).toBe("numé");
    await screen(page, "21-saisie-recherche-fiche", false);
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    expect(await search.inputValue()).toMatch(/^\d\.[A-Z]\.\d .*numérique/i);

    await page.getByRole("tab", { name: "Évaluation" }).click();
    const evaluation = page.getByRole("form", { name: "Évaluation de l'année" });
    await evaluation.waitFor();
    await screen(page, "30-evaluation-fiche", false);
    await evaluation.getByRole("radio", { name: /Un axe/ }).check();
    await screen(page, "31-evaluation-axe");

    await fake(
      page,
      `(() => {
        const suivi = window.__fakeExcel.sheet("Suivi des fiches");
        suivi.cell(3, 5).value = "Terminé";
        suivi.cell(3, 6).value = 0.5;
        suivi.cell(4, 5).value = "Reportée";
        window.__fakeExcel.sheet("Saisies").cell(1, 6).value = "douze";
      })()`,
    );
    await page.getByRole("tab", { name: "Vérifier" }).click();
    await page.getByRole("button", { name: "Vérifier le tableau" }).click();
    await page.getByRole("heading", { name: /^Erreurs \(\d+\)$/ }).waitFor();
    await page.getByRole("heading", { name: /^Avertissements \(\d+\)$/ }).waitFor();
    await screen(page, "40-verifier");
    // The first problem is an error; each item is a button, reached and pressed with the keyboard.
    const first = page
      .getByRole("list", { name: /^Erreurs/ })
      .getByRole("button")
      .first();
    expect(await first.getAttribute("aria-label")).toMatch(/^Erreur — feuille «.Suivi des fiches.», ligne 4, colonne «.Statut.»\s: statut «.Terminé.» inconnu/);
    await first.focus();
    await page.keyboard.press("Enter");
    await page.waitForFunction(`window.__fakeExcel.state.selection?.sheet === "Suivi des fiches"`);
    expect(await fake(page, `window.__fakeExcel.state.selection.rect`)).toEqual({ row: 3, col: 5, rows: 1, cols: 1 });

    await page.getByRole("tab", { name: "Bilans" }).click();
    const bilans = page.getByRole("region", { name: "Bilans" });
    await bilans.waitFor();
    await screen(page, "50-bilans");
    await bilans.getByRole("radio", { name: "Bilan intermédiaire" }).check();
    await bilans.getByRole("combobox", { name: /Dernier trimestre couvert/ }).waitFor();
    await screen(page, "51-bilan-intermediaire");

    await page.getByRole("tab", { name: "Collecte" }).click();
    await page.getByRole("region", { name: "Collecte auprès des pilotes et partenaires" }).waitFor();
    await screen(page, "60-collecte");
    await page.close();
  });

  it("the consolidation of territories, offered in an empty workbook", async () => {
    const page = await open();
    await page.getByRole("heading", { name: "Créer le tableau de suivi" }).waitFor();
    await page.getByRole("button", { name: "Consolider des tableaux de territoires" }).click();
    await page.getByRole("region", { name: "Consolidation des territoires" }).waitFor();
    await screen(page, "70-consolidation");
    await page.close();
  });
});

describe("what users found rough, in the browser", () => {
  it("shows a clear focus indicator on every control reached with Tab (RGAA 10.7)", async () => {
    const page = await open("?vue=saisie");
    await createFromSample(page);
    await page.getByRole("form", { name: "Saisie trimestrielle" }).waitFor();

    // A field of each kind: the whole box gets a 2-pixel outline in the focus colour, not only Fluent's underline.
    const outlineOf = async (field: Locator, box: string) => {
      await field.focus();
      return field.evaluate((element, selector) => {
        const style = getComputedStyle(element.closest(selector)!);
        return { style: style.outlineStyle, width: style.outlineWidth, color: style.outlineColor };
      }, box);
    };
    const expected = { style: "solid", width: "2px", color: "rgb(0, 0, 0)" };
    expect(await outlineOf(page.getByRole("textbox", { name: /^Avancement/ }), ".fui-Input")).toEqual(expected);
    expect(await outlineOf(page.getByRole("textbox", { name: /^Réalisations/ }), ".fui-Textarea")).toEqual(expected);
    expect(await outlineOf(page.getByRole("combobox", { name: /Fiche action/ }), ".fui-Combobox")).toEqual(expected);
    expect(await outlineOf(page.getByRole("combobox", { name: /Statut/ }), ".fui-Dropdown")).toEqual(expected);

    // Every control in the tab order, from the top of the pane: an outline, a ring or a border drawn around it.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.mouse.click(5, 5);
    const seen: string[] = [];
    const missing: string[] = [];
    for (let step = 0; step < 40; step++) {
      await page.keyboard.press("Tab");
      const focus = await page.evaluate(() => {
        const element = document.activeElement as HTMLElement | null;
        if (!element || element === document.body) return undefined;
        // A colour that shows: not transparent.
        const shows = (color: string) => !/^rgba\(.*,\s*0\)$/.test(color) && color !== "transparent";
        const drawn = (style: CSSStyleDeclaration) =>
          (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2 && shows(style.outlineColor)) ||
          (style.content !== "none" && style.borderTopStyle !== "none" && parseFloat(style.borderTopWidth) >= 1 && shows(style.borderTopColor)) ||
          /rgb\([^)]*\) 0px 0px 0px [2-9]px/.test(style.boxShadow);
        const around = [element, element.parentElement, element.parentElement?.parentElement].filter((node): node is HTMLElement => !!node);
        const visible = around.some(
          (node) => drawn(getComputedStyle(node)) || drawn(getComputedStyle(node, "::after")) || drawn(getComputedStyle(node, "::before")),
        );
        const name = `${element.tagName.toLowerCase()}[${element.getAttribute("role") ?? ""}] ${(element.getAttribute("aria-label") ?? element.textContent ?? "").trim().slice(0, 50)}`;
        return { name, visible };
      });
      if (!focus) continue;
      seen.push(focus.name);
      if (!focus.visible) missing.push(focus.name);
    }
    expect(seen.length).toBeGreaterThan(15);
    expect(missing).toEqual([]);
    await page.close();
  });

  it("keeps « Enregistrer » in view with the form at its top, and the last field above it at its end", async () => {
    const page = await open("?vue=saisie");
    await createFromSample(page);
    const form = page.getByRole("form", { name: "Saisie trimestrielle" });
    await form.waitFor();
    const save = form.getByRole("button", { name: "Enregistrer" });
    await page.evaluate(() => window.scrollTo(0, 0));
    // The form is much longer than the pane: without the sticky footer, the button would be far below.
    expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeGreaterThan(HEIGHT * 1.5);
    expect(await inView(save)).toBe(true);
    await page.screenshot({ path: join(shots, "350-22-saisie-enregistrer-visible.png") });

    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    const footerTop = await save.evaluate((button) => button.parentElement!.getBoundingClientRect().top);
    const last = form.getByRole("textbox").last();
    expect(await last.evaluate((input) => input.getBoundingClientRect().bottom)).toBeLessThanOrEqual(footerTop);
    expect(await inView(save)).toBe(true);

    // A field reached with the keyboard is scrolled above the footer, not under it.
    await page.evaluate(() => window.scrollTo(0, 0));
    const fields = form.getByRole("textbox");
    const middle = fields.nth(Math.floor((await fields.count()) / 2));
    await middle.focus();
    const under = await page.evaluate(() => {
      const focused = document.activeElement!.getBoundingClientRect();
      const footer = [...document.querySelectorAll("button")].find((button) => button.textContent === "Enregistrer")!.parentElement!.getBoundingClientRect();
      return focused.bottom > footer.top;
    });
    expect(under).toBe(false);

    // The evaluation's form has its button in view too.
    await page.getByRole("tab", { name: "Évaluation" }).click();
    const evaluation = page.getByRole("form", { name: "Évaluation de l'année" });
    await evaluation.waitFor();
    await page.evaluate(() => window.scrollTo(0, 0));
    expect(await inView(evaluation.getByRole("button", { name: "Enregistrer l'évaluation" }))).toBe(true);
    await page.close();
  });
});
