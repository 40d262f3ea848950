/**
 * Every text a user sees comes from the catalogue (src/labels): a French sentence written in product code
 * elsewhere fails this test, with its file and line. The detector itself is checked on known cases first.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { allowedLiterals } from "../../scripts/allowed-literals";
import { frenchLiterals, frenchLiteralsIn, looksFrench } from "../../scripts/french-literals";
import * as catalog from "../../src/labels/catalog";

const root = join(__dirname, "..", "..");

describe("the French catalogue", () => {
  it("recognises French sentences and lets code strings through", () => {
    expect(looksFrench("la feuille « Saisies » est absente")).toBe(true);
    expect(looksFrench("Enregistrer la saisie")).toBe(true);
    expect(looksFrench("Échelle 1 à 5")).toBe(true);
    expect(looksFrench("ctg-suivi/tableau-de-suivi")).toBe(false);
    expect(looksFrench('#,##0.00 "€"')).toBe(false);
    expect(looksFrench("Unknown column of sheet")).toBe(false);
    expect(looksFrench("AND(ISNUMBER(G2),G2>=0)")).toBe(false);
  });

  it("finds sentences in strings, templates, JSX text and text attributes, not in imports", () => {
    const source = [
      'import { x } from "./une fiche de la convention";',
      "const a = `la fiche ${code} n'existe pas`;",
      'const b = <Button title="Aller à la cellule">Enregistrer</Button>;',
      'const c = "À lancer";',
      'const d = "Unknown column";',
    ].join("\n");
    const found = frenchLiteralsIn("src/probe.tsx", source, new Set(["À lancer"]));
    expect(found.map((literal) => [literal.line, literal.text])).toEqual([
      [2, "la fiche  X  n'existe pas"],
      [3, "Aller à la cellule"],
      [3, "Enregistrer"],
    ]);
  });

  it("holds every French text of the product code", () => {
    const found = frenchLiterals(root, allowedLiterals()).map((literal) => `${literal.file}:${literal.line}  ${literal.text}`);
    expect(found).toEqual([]);
  });

  it("depends on nothing outside src/labels", () => {
    const files = [
      "catalog",
      "compose",
      "vocabulary",
      "rules",
      "entries",
      "plausibility",
      "sheets",
      "bilans",
      "deck",
      "files",
      "cli",
      "office",
      "pane",
      "errors",
    ];
    for (const file of files) {
      const source = readFileSync(join(root, "src", "labels", `${file}.ts`), "utf8");
      const imports = [...source.matchAll(/from "([^"]+)"/g)].map((match) => match[1]);
      expect(imports.filter((specifier) => !/^\.\/[a-z-]+$/.test(specifier))).toEqual([]);
    }
    // Each section is reachable from the one entry point.
    expect(Object.keys(catalog)).toEqual(
      expect.arrayContaining([
        "vocabularyLabels",
        "ruleLabels",
        "entryLabels",
        "sheetLabels",
        "bilanLabels",
        "deckLabels",
        "fileLabels",
        "cliLabels",
        "officeLabels",
        "paneLabels",
        "errorLabels",
      ]),
    );
  });
});
