import JSZip from "jszip";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Tracking } from "../../src/domain/tracking";
import { writeTrackingFile } from "../../src/xlsx/tableau-file";
import { INTAKE_LIMITS, receiveTableau } from "../../src/xlsx/tableau-intake";
import { TEMPLATE_VERSION } from "../../src/workbook/layout";
import { territoryA, territoryB } from "../support/territories";
import { zipWith } from "../support/zips";
import { ctgAt } from "../support/cli";
import { consolidateCommand } from "../../src/cli/consolidate";
import { XlsxFile, cellsOf, plainWorkbook, sheetsOf } from "../support/xlsx-package";

const NOW = new Date("2026-11-24T10:00:00Z");

const ctg = ctgAt(NOW.toISOString());

async function save(dir: string, name: string, tracking: Tracking, edit?: (workbook: XlsxFile) => Promise<void>): Promise<string> {
  const file = join(dir, name);
  const bytes = await writeTrackingFile(tracking, "2026-11-01T09:00:00.000Z");
  if (!edit) {
    writeFileSync(file, bytes);
    return file;
  }
  const workbook = await XlsxFile.open(bytes);
  await edit(workbook);
  await workbook.save(file);
  return file;
}

function workspace(): string {
  return mkdtempSync(join(tmpdir(), "ctg-conso-"));
}

/** A written workbook: its sheets in order, and each sheet's rows as objects keyed by its header. */
async function open(file: string): Promise<{ names: string[]; rows(name: string): Record<string, unknown>[]; file: XlsxFile }> {
  const sheets = await sheetsOf(file);
  return {
    names: sheets.map(([name]) => name),
    rows: (name) => {
      const grid = sheets.find(([sheet]) => sheet === name)![1];
      const header = (grid[0] ?? []).map(String);
      return grid.slice(1).map((row) => Object.fromEntries(header.map((key, index) => [key, row[index] ?? null])));
    },
    file: await XlsxFile.open(file),
  };
}

const sha = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

/** A zip with one entry whose header says `declared` bytes while it inflates to `actual` bytes of zeros. */
/** Territories A and B saved in October and consolidated into `conso.xlsx`. */
async function consolidatedPair(): Promise<{ dir: string; out: string; a: string; b: string }> {
  const dir = workspace();
  const out = join(dir, "conso.xlsx");
  const a = await save(dir, "a.xlsx", territoryA(), (workbook) => workbook.setModified(new Date("2026-10-01T08:00:00Z")));
  const b = await save(dir, "b.xlsx", territoryB(), (workbook) => workbook.setModified(new Date("2026-10-01T08:00:00Z")));
  expect((await ctg("consolidate", a, b, "--out", out)).code).toBe(0);
  return { dir, out, a, b };
}

/** Territory A's file saved again in November with one more fiche followed. */
async function newerFileOfA(dir: string): Promise<{ newer: Tracking; a2: string }> {
  const newer = territoryA();
  newer.statuses.push({ actionCode: "2.A.1", quarter: "2026-T3", status: "En cours", progress: 10 });
  const a2 = await save(dir, "a-novembre.xlsx", newer, (workbook) => workbook.setModified(new Date("2026-11-20T08:00:00Z")));
  return { newer, a2 };
}

describe("ctg consolidate", () => {
  it("merges two territories value by value, with syntheses per territory and per champ, a report, and sources untouched", async () => {
    const dir = workspace();
    const a = await save(dir, "commune-de-test.xlsx", territoryA());
    const b = await save(dir, "la-haut.xlsx", territoryB());
    const before = [sha(a), sha(b)];
    const out = join(dir, "conso.xlsx");
    const result = await ctg("consolidate", a, b, "--out", out, "--report", join(dir, "rapport.json"));
    expect(result.err).toBe("");
    expect(result.code).toBe(0);
    expect(result.out).toContain("Consolidation écrite");
    expect([sha(a), sha(b)]).toEqual(before);
    expect(JSON.parse(readFileSync(join(dir, "rapport.json"), "utf8"))).toEqual({
      files: [
        { file: a, status: "accepted", territory: "Commune de Test", reasons: [] },
        {
          file: b,
          status: "warnings",
          territory: "Commune de Là-Haut",
          reasons: [expect.stringMatching(/^avertissement — feuille «\sSuivi des fiches\s», ligne \d+\s: /)],
        },
      ],
    });

    const workbook = await open(out);
    expect(workbook.names).toEqual(["Synthèse territoires", "Synthèse champs", "Statuts", "Indicateurs", "Rapport d'import", "_ctg_champs", "_ctg_conso"]);
    // Reference quarter on 24/11/2026: 2026-T3, the last ended.
    const [first, second] = workbook.rows("Synthèse territoires");
    expect(first).toMatchObject({
      Territoire: "Commune de Test",
      "Code INSEE / SIREN": "12345",
      "Trimestre de référence": "2026-T3",
      Fiches: 3,
      "À lancer": 0,
      // En cours in 2026-T2, nothing in 2026-T3 (the reference quarter): not counted as that quarter's.
      "En cours": 0,
      Réalisée: 1,
      Reportée: 0,
      Abandonnée: 0,
      "Non renseigné": 2,
      "En retard": 0,
      "Fiches suivies au trimestre": 1,
      "Valeurs saisies au trimestre": 3,
      "Valeurs attendues au trimestre": 5,
      Fichier: "commune-de-test.xlsx",
      Modèle: TEMPLATE_VERSION,
    });
    expect(first["% Réalisée"]).toBeCloseTo(1 / 3, 10);
    expect(first["Complétude du trimestre"]).toBeCloseTo(3 / 5, 10);
    expect(second).toMatchObject({
      Territoire: "Commune de Là-Haut",
      // Nothing entered in 2026-T3, the reference quarter: every fiche « non renseigné » there.
      "À lancer": 0,
      "Non renseigné": 3,
      Reportée: 0,
      Réalisée: 0,
      "% Réalisée": 0,
      "Fiches suivies au trimestre": 0,
    });

    const fields = Object.fromEntries(workbook.rows("Synthèse champs").map((row) => [row["Champ d'intervention"], row]));
    expect(fields["petite enfance"]).toMatchObject({ Territoires: 2, Fiches: 4, Réalisée: 1, "En cours": 0, "À lancer": 0, "Non renseigné": 3 });
    expect(fields["parentalité"]).toMatchObject({ Territoires: 2, Fiches: 2, "En cours": 0, "Non renseigné": 2 });
    expect(fields["inclusion numérique"]).toMatchObject({ Territoires: 2, Fiches: 2, Reportée: 0, "Non renseigné": 2 });

    const statuses = workbook.rows("Statuts");
    expect(statuses).toHaveLength(5);
    expect(statuses[0]).toMatchObject({
      Territoire: "Commune de Test",
      Trimestre: "2026-T1",
      Axe: "1",
      Code: "1.A.1",
      "Fiche action": "Ouvrir une micro-crèche",
      Statut: "En cours",
      Avancement: 0.2,
      Difficultés: "=SOMME(A1) trop cher",
    });
    expect(statuses[1]).toMatchObject({
      Code: "1.A.2",
      Statut: "En cours",
      Réalisations: "@RPE : permanence ouverte",
      "Champs d'intervention": "petite enfance\nparentalité",
    });
    expect(statuses[4]).toMatchObject({
      Territoire: "Commune de Là-Haut",
      Trimestre: "2026-T2",
      Code: "2.A.1",
      Statut: "Reportée",
      Difficultés: null,
      Ajustements: "Reprise en 2027",
    });

    const values = workbook.rows("Indicateurs");
    expect(values.map((row) => [row.Territoire, row.Identifiant, row.Trimestre, row.Valeur])).toEqual([
      ["Commune de Test", "1.A.1-I1", "2026-T3", 12],
      ["Commune de Test", "1.A.1-I2", "2026-T3", 0.855],
      ["Commune de Test", "1.A.1-I3", "2026-T3", 18500],
      ["Commune de Test", "2.A.1-I1", "2026-T2", "-10 % de participants"],
      ["Commune de Là-Haut", "1.A.2-I1", "2026-T2", "Oui"],
    ]);
    expect(values[1]).toMatchObject({ Type: "Taux (%)", Cible: 0.9 });
    expect(values[3].Commentaire).toBe("+ ateliers le samedi");
    expect((await workbook.file.cell("Indicateurs", "J3"))?.style.numFmt).toBe("0.0 %");

    // Text that looks like a formula stays text: no <f> element anywhere in the sheets.
    const zip = await JSZip.loadAsync(readFileSync(out));
    for (const name of Object.keys(zip.files).filter((entry) => entry.startsWith("xl/worksheets/sheet"))) {
      expect(await zip.file(name)!.async("string")).not.toContain("<f>");
    }
    expect(["s", "inlineStr"]).toContain((await workbook.file.cell("Statuts", "K2"))?.type);
    // The syntheses' charts say the day they were counted at.
    const chartTitles = await Promise.all(
      Object.keys(zip.files)
        .filter((entry) => entry.startsWith("xl/charts/chart"))
        .map((name) => zip.file(name)!.async("string")),
    );
    expect(chartTitles.join("")).toContain("par territoire au dernier trimestre terminé (consolidation du 24/11/2026)");
    expect(chartTitles.join("")).toContain("par champ d'intervention (consolidation du 24/11/2026)");

    expect(workbook.rows("Rapport d'import").map((row) => [row.Fichier, row.Statut])).toEqual([
      ["commune-de-test.xlsx", "Accepté"],
      ["la-haut.xlsx", "Accepté avec avertissements"],
    ]);
  });

  it("rejects each bad file with its reason while the others still merge", async () => {
    const dir = workspace();
    const good = await save(dir, "bon.xlsx", territoryA());
    const notZip = join(dir, "pas-un-zip.xlsx");
    writeFileSync(notZip, "Ceci n'est pas un classeur");
    const corrupt = join(dir, "tronque.xlsx");
    writeFileSync(corrupt, readFileSync(good).subarray(0, 4000));
    const foreign = join(dir, "autre-origine.xlsx");
    await plainWorkbook(foreign, "Budget", [["Dépenses"]]);
    const missingSheet = await save(dir, "sans-saisies.xlsx", territoryB(), (workbook) => workbook.removeSheet("Saisies"));
    const renamedHeader = await save(dir, "entete-renomme.xlsx", territoryB(), (workbook) => workbook.setCell("Suivi des fiches", "F1", "État"));
    const wrongType = await save(dir, "mauvais-type.xlsx", territoryB(), async (workbook) => {
      await workbook.setCell("Saisies", "G2", "douze");
    });
    const bomb = join(dir, "bombe.xlsx");
    writeFileSync(bomb, zipWith("xl/worksheets/sheet1.xml", 40 * 1024 * 1024));
    const liar = join(dir, "menteur.xlsx");
    // The lying part is one the reader needs (the workbook), so that it is inflated, and stopped.
    writeFileSync(liar, zipWith("xl/workbook.xml", 512 * 1024, 1000));
    const files = [notZip, corrupt, foreign, missingSheet, renamedHeader, wrongType, bomb, liar, good];
    const before = files.map(sha);

    const out = join(dir, "conso.xlsx");
    const result = await ctg("consolidate", ...files, "--out", out, "--report", join(dir, "rapport.json"));
    expect(result.code).toBe(0);
    expect(files.map(sha)).toEqual(before);
    const report = JSON.parse(readFileSync(join(dir, "rapport.json"), "utf8")).files as { file: string; status: string; reasons: string[] }[];
    const reason = (file: string) => {
      const entry = report.find((item) => item.file === file)!;
      expect(entry.status).toBe("rejected");
      return entry.reasons.join(" | ");
    };
    expect(reason(notZip)).toMatch(/n'est pas une archive zip/);
    expect(reason(corrupt)).toMatch(/archive zip (corrompue|tronquée)/);
    expect(reason(foreign)).toMatch(/n'est pas un tableau de suivi CTG/);
    expect(reason(missingSheet)).toMatch(/Saisies/);
    expect(reason(renamedHeader)).toMatch(/feuille «\sSuivi des fiches\s», ligne 1\s: .*Statut/);
    expect(reason(wrongType)).toMatch(/feuille «\sSaisies\s», ligne 2\s: .*«.douze.»/);
    expect(reason(bomb)).toMatch(/bombe de décompression/);
    expect(reason(liar)).toMatch(/plus volumineux que la taille qu'il déclare/);
    expect(report.find((item) => item.file === good)!.status).toBe("accepted");
    expect((await open(out)).rows("Synthèse territoires").map((row) => row.Territoire)).toEqual(["Commune de Test"]);
    expect((await open(out)).rows("Rapport d'import")).toHaveLength(files.length);
  });

  it("applies its size and cell limits, and reads an older template with a warning", async () => {
    const dir = workspace();
    const bytes = new Uint8Array(readFileSync(await save(dir, "a.xlsx", territoryA())));
    const tooBig = await receiveTableau(bytes, "a.xlsx", { today: "2026-11-24", limits: { ...INTAKE_LIMITS, maxFileBytes: 1000 } });
    expect(tooBig).toMatchObject({ status: "rejected", reasons: [expect.stringMatching(/fichier trop volumineux/)] });
    const tooManyCells = await receiveTableau(bytes, "a.xlsx", { today: "2026-11-24", limits: { ...INTAKE_LIMITS, maxCells: 100 } });
    expect(tooManyCells).toMatchObject({ status: "rejected", reasons: [expect.stringMatching(/trop de cellules remplies \(plus de 100\)/)] });

    const old = await save(dir, "ancien.xlsx", territoryA(), async (workbook) => {
      for (const [address, value] of await cellsOf(await workbook.bytes(), "_ctg_meta")) {
        if (value === "version") await workbook.setCell("_ctg_meta", `B${address.slice(1)}`, "1.0");
        if (value === "identifiant_convention") await workbook.setCell("_ctg_meta", `B${address.slice(1)}`, null);
      }
    });
    const received = await receiveTableau(new Uint8Array(readFileSync(old)), "ancien.xlsx", { today: "2026-11-24" });
    expect(received.status).toBe("warnings");
    expect(received.reasons[0]).toMatch(/modèle 1\.0, plus ancien que le modèle actuel 1\.4/);
    expect(received.tableau?.conventionId).toBeUndefined();
    expect(received.tableau?.tracking.statuses).toHaveLength(3);
  });

  it("replaces a territory's rows with its newer file, keeps the others, and flags two files of one territory", async () => {
    const { dir, out, a, b } = await consolidatedPair();

    const { newer, a2 } = await newerFileOfA(dir);
    const again = await ctg("consolidate", a2, "--out", out);
    expect(again.err).toBe("");
    expect(again.code).toBe(0);
    expect(again.out).toMatch(/2 territoire\(s\)\s: 1 de ce lot, 1 déjà consolidé/);
    let workbook = await open(out);
    expect(workbook.rows("Synthèse territoires").map((row) => [row.Territoire, row["En cours"], row.Fichier])).toEqual([
      ["Commune de Là-Haut", 0, "b.xlsx"],
      ["Commune de Test", 1, "a-novembre.xlsx"],
    ]);
    const statuses = workbook.rows("Statuts");
    expect(statuses.filter((row) => row.Territoire === "Commune de Test")).toHaveLength(4);
    expect(statuses.filter((row) => row.Territoire === "Commune de Là-Haut")).toHaveLength(2);
    expect(workbook.rows("Indicateurs")).toHaveLength(5);
    // The newer file gives 2.A.1 a 2026-T3 status; the other territory's Reportée is of 2026-T2, not the reference quarter.
    expect(workbook.rows("Synthèse champs").find((row) => row["Champ d'intervention"] === "inclusion numérique")).toMatchObject({
      "En cours": 1,
      Reportée: 0,
      "Non renseigné": 1,
    });

    // The older file again: refused, the consolidation keeps the newer one.
    const older = await ctg("consolidate", a, "--out", out, "--report", join(dir, "r.json"));
    // Code and message together: a failure then says why.
    expect({ code: older.code, err: older.err }).toEqual({ code: 1, err: expect.stringContaining("Aucun fichier accepté sur 1") });
    expect(JSON.parse(readFileSync(join(dir, "r.json"), "utf8")).files[0].reasons[0]).toMatch(/plus ancien .* que celui déjà consolidé/);
    workbook = await open(out);
    expect(workbook.rows("Synthèse territoires").find((row) => row.Territoire === "Commune de Test")!.Fichier).toBe("a-novembre.xlsx");

    // Two files of one territory and period in one batch: both flagged, neither merged, the other file merges.
    // A copy saved the next day, so that it is not refused as older than the consolidated file.
    const twin = await save(dir, "a-copie.xlsx", newer, (workbook) => workbook.setModified(new Date("2026-11-21T08:00:00Z")));
    const batch = await ctg("consolidate", a2, twin, b, "--out", out, "--report", join(dir, "r2.json"));
    expect(batch.code).toBe(0);
    const verdicts = JSON.parse(readFileSync(join(dir, "r2.json"), "utf8")).files;
    expect(verdicts.map((item: { status: string }) => item.status)).toEqual(["rejected", "rejected", "warnings"]);
    expect(verdicts[0].reasons[0]).toContain("«\u00a0" + twin + "\u00a0»");
    workbook = await open(out);
    expect(workbook.rows("Statuts").filter((row) => row.Territoire === "Commune de Test")).toHaveLength(4);
  });

  it("never overwrites a file that is not a consolidation, nor an input", async () => {
    const dir = workspace();
    const a = await save(dir, "a.xlsx", territoryA());
    const foreign = join(dir, "budget.xlsx");
    await plainWorkbook(foreign, "Budget", [["Dépenses"]]);
    const before = sha(foreign);
    const refused = await ctg("consolidate", a, "--out", foreign);
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(
      /existe déjà et n'est pas une consolidation écrite par «\sctg consolidate\s»\s: c'est un document d'une autre origine. Rien n'a été écrit/,
    );
    expect(sha(foreign)).toBe(before);
    expect((await ctg("consolidate", a, "--out", a)).err).toMatch(/est aussi un fichier à consolider/);
    const none = await ctg("consolidate", join(dir, "absent.xlsx"), "--out", join(dir, "vide.xlsx"));
    expect(none.code).toBe(1);
    expect(existsSync(join(dir, "vide.xlsx"))).toBe(false);
  });
});

describe("ctg consolidate past Excel's row limit", () => {
  const silent = { out: () => undefined, err: () => undefined };
  const clock = { now: () => NOW };
  it("goes on in sheets of the same header, « Indicateurs (2) »…, without losing a row, and reads them back to add territories", async () => {
    const dir = workspace();
    const files = [await save(dir, "a.xlsx", territoryA()), await save(dir, "b.xlsx", territoryB())];
    for (let index = 1; index <= 4; index++) {
      const numbered = territoryA();
      numbered.plan.convention.territory = `Commune n° ${index}`;
      numbered.plan.convention.inseeOrSiren = String(50_000 + index);
      files.push(await save(dir, `n${index}.xlsx`, numbered));
    }
    const whole = join(dir, "entier.xlsx");
    const split = join(dir, "coupe.xlsx");
    expect(await consolidateCommand({ files, out: whole }, silent, clock)).toBe(0);
    // Seven data rows per sheet of a long table.
    expect(await consolidateCommand({ files, out: split, longTableRows: 8 }, silent, clock)).toBe(0);

    const reference = new Map(await sheetsOf(whole));
    const parts = await sheetsOf(split);
    const names = parts.map(([name]) => name);
    for (const table of ["Statuts", "Indicateurs"]) {
      const sheets = Math.ceil((reference.get(table)!.length - 1) / 7);
      expect(sheets).toBeGreaterThan(2);
      expect(names).toEqual(expect.arrayContaining([table, `${table} (2)`, `${table} (${sheets})`]));
      expect(names).not.toContain(`${table} (${sheets + 1})`);
      const own = parts.filter(([name]) => name === table || name.startsWith(`${table} (`));
      for (const [, rows] of own) {
        expect(rows[0]).toEqual(reference.get(table)![0]);
        expect(rows.length).toBeLessThanOrEqual(8);
      }
      expect(own.flatMap(([, rows]) => rows.slice(1))).toEqual(reference.get(table)!.slice(1));
    }

    // Adding a territory to the split consolidation reads every part back: nothing of the others is lost.
    const more = territoryB();
    more.plan.convention.territory = "Commune en plus";
    more.plan.convention.inseeOrSiren = "77777";
    const extra = await save(dir, "plus.xlsx", more);
    expect(await consolidateCommand({ files: [extra], out: split, longTableRows: 8 }, silent, clock)).toBe(0);
    expect(await consolidateCommand({ files: [extra], out: whole }, silent, clock)).toBe(0);
    const again = await sheetsOf(split);
    const wholeAgain = new Map(await sheetsOf(whole));
    for (const table of ["Statuts", "Indicateurs"]) {
      const rows = again.filter(([name]) => name === table || name.startsWith(`${table} (`)).flatMap(([, sheetRows]) => sheetRows.slice(1));
      expect(rows).toEqual(wholeAgain.get(table)!.slice(1));
    }
  });
});
