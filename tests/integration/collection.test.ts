/**
 * The partners' round trip through the public commands: `ctg collect` writes one workbook per pilote for a
 * quarter, pilotes fill them, `ctg merge` brings their entries back into the tableau with nothing overwritten in
 * silence, a journal of where each value came from, and every file it should not take refused with its reason.
 */
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Tracking } from "../../src/domain/tracking";
import { collectionLabels } from "../../src/labels/catalog";
import { SHEETS } from "../../src/workbook/layout";
import { readTableauFile, writeTrackingFile } from "../../src/xlsx/tableau-file";
import { ctgAt } from "../support/cli";
import { SMALL_PLAN_JSON, TODAY, smallPlan } from "../support/small-plan";
import { XlsxFile, cellsOf, editFile, plainWorkbook, rowsOf } from "../support/xlsx-package";

const ctg = ctgAt("2026-11-24T10:00:00Z");
const later = ctgAt("2026-12-01T09:30:00Z");

interface JsonReport {
  written: number;
  files: {
    file: string;
    status: string;
    person?: string;
    reasons: string[];
    changes: { kind: string; code: string; period: string; field: string; before: unknown; after: unknown }[];
    conflicts: { code: string; field: string; inTableau: unknown; returned: unknown }[];
    outOfScope: { kind: string; code: string; period: string }[];
    warnings: string[];
  }[];
  reporting: { quarter: string; expected: string[]; returned: string[]; missing: string[] }[];
}

function reportOf(path: string): JsonReport {
  return JSON.parse(readFileSync(path, "utf8")) as JsonReport;
}

async function tableauWith(dir: string, tracking: Partial<Tracking> = {}): Promise<string> {
  const file = join(dir, "tableau.xlsx");
  const full: Tracking = { plan: smallPlan(), statuses: [], measurements: [], lockedQuarters: [], archive: [], ...tracking };
  writeFileSync(file, await writeTrackingFile(full, "2026-10-01T09:00:00.000Z"));
  return file;
}

const fileOf = (person: string) => collectionLabels.fileName("2026-T4", person);

async function trackingOf(file: string): Promise<Tracking> {
  const reading = await readTableauFile(new Uint8Array(readFileSync(file)), file, TODAY);
  expect(reading.issues.filter((issue) => issue.severity === "error")).toEqual([]);
  return reading.tracking!;
}

/** The commune fills its file: the status of 1.A.1 and two of its indicators. */
async function fillCommune(path: string): Promise<void> {
  await editFile(path, async (file) => {
    await file.setCell(SHEETS.tracking, "F2", "En cours");
    await file.setCell(SHEETS.tracking, "G2", 0.4);
    await file.setCell(SHEETS.tracking, "H2", "Permis de construire déposé");
    await file.setCell(SHEETS.measurements, "G2", 10);
    await file.setCell(SHEETS.measurements, "G3", 0.85);
  });
}

describe("collecting a quarter from the pilotes", () => {
  it("writes one workbook per pilote holding only their fiches' rows of the quarter, with earlier quarters to read", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ctg-collect-"));
    const tableau = await tableauWith(dir, {
      statuses: [{ actionCode: "1.A.1", quarter: "2026-T3", status: "En cours", progress: 20 }],
      measurements: [{ indicatorId: "1.A.1-I1", quarter: "2026-T3", value: 8 }],
    });
    const out = join(dir, "collecte");
    const result = await ctg("collect", tableau, "--quarter", "2026-T4", "--out", out);
    expect(result.code).toBe(0);
    expect(result.out).toContain("3 fichiers de collecte écrits");
    expect(readdirSync(out).sort()).toEqual([fileOf("CC"), fileOf("Commune"), fileOf("RPE")].sort());

    const commune = join(out, fileOf("Commune"));
    const file = await XlsxFile.open(commune);
    expect((await file.sheets()).map(({ name, state }) => [name, state])).toEqual([
      [SHEETS.guide, "visible"],
      [SHEETS.tracking, "visible"],
      [SHEETS.measurements, "visible"],
      [SHEETS.ficheEvaluation, "visible"],
      [collectionLabels.names.context, "visible"],
      [collectionLabels.names.meta, "veryHidden"],
    ]);
    const tracking = await rowsOf(commune, SHEETS.tracking);
    expect(tracking.map((row) => [row.Trimestre, row.Code])).toEqual([["2026-T4", "1.A.1"]]);
    const values = await rowsOf(commune, SHEETS.measurements);
    expect(values.map((row) => [row.Identifiant, row.Trimestre])).toEqual([
      ["1.A.1-I1", "2026-T4"],
      ["1.A.1-I2", "2026-T4"],
      ["1.A.1-I3", "2026-T4"],
    ]);
    const evaluation = await rowsOf(commune, SHEETS.ficheEvaluation);
    expect(evaluation.map((row) => [row["Année"], row.Code])).toEqual([[2026, "1.A.1"]]);
    const context = await rowsOf(commune, collectionLabels.names.context);
    expect(context.map((row) => Object.values(row))).toEqual([
      ["2026-T3", "1.A.1", "Ouvrir une micro-crèche", "En cours", 0.2],
      ["2026-T3", "1.A.1", "Nombre de places (Nombre, places)", 8, null],
    ]);
    // The tableau's guards: protected sheets, the status list and the value rules on the entry cells.
    const sheetXml = await file.text(await partOf(file, SHEETS.tracking));
    expect(sheetXml).toContain("<sheetProtection");
    expect(sheetXml).toMatch(/<dataValidation [^>]*type="list"[^>]*sqref="F2"/);
    const valuesXml = await file.text(await partOf(file, SHEETS.measurements));
    expect(valuesXml).toMatch(/<dataValidation [^>]*type="decimal"[^>]*sqref="G3"/);
    // The RPE's file: its annual indicator has a row in T4, its yes / no indicator too.
    const rpe = await rowsOf(join(out, fileOf("RPE")), SHEETS.measurements);
    expect(rpe.map((row) => row.Identifiant)).toEqual(["1.A.2-I1", "1.A.2-I2"]);
  });

  it("prepares one file per partner with --by partenaire, a fiche in each of its partners' files", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ctg-collect-partners-"));
    const tableau = await tableauWith(dir);
    const out = join(dir, "partenaires");
    const result = await ctg("collect", tableau, "--quarter", "2026-T4", "--out", out, "--by", "partenaire");
    expect(result.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual([fileOf("Caf"), fileOf("France Services"), fileOf("PMI")].sort());
    expect((await rowsOf(join(out, fileOf("PMI")), SHEETS.tracking)).map((row) => row.Code)).toEqual(["1.A.1"]);
    expect((await rowsOf(join(out, fileOf("France Services")), SHEETS.tracking)).map((row) => row.Code)).toEqual(["2.A.1"]);
    expect((await cellsOf(join(out, fileOf("Caf")), SHEETS.guide)).get("A2")).toBe("Fichier préparé pour Caf (partenaire)\u00a0: 1 fiche action.");
  });

  it("refuses a quarter locked after its COPIL, one not begun, and one outside the convention, writing nothing", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ctg-collect-refused-"));
    const tableau = await tableauWith(dir, { lockedQuarters: ["2026-T3"] });
    const out = join(dir, "collecte");
    const locked = await ctg("collect", tableau, "--quarter", "2026-T3", "--out", out);
    expect(locked.code).toBe(2);
    expect(locked.err).toContain("3e trimestre 2026 est verrouillé");
    const future = await ctg("collect", tableau, "--quarter", "2027-T1", "--out", out);
    expect(future.err).toContain("1er trimestre 2027 n'a pas commencé");
    const outside = await ctg("collect", tableau, "--quarter", "2030-T1", "--out", out);
    expect(outside.err).toContain("n'est pas un trimestre de la convention");
    const badBy = await ctg("collect", tableau, "--quarter", "2026-T4", "--out", out, "--by", "maire");
    expect(badBy.err).toContain("«\u00a0pilote\u00a0» ou «\u00a0partenaire\u00a0»");
    expect(() => readdirSync(out)).toThrow();
  });

  it("prepares again over its own untouched files, never over a file someone saved since", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ctg-collect-again-"));
    const tableau = await tableauWith(dir);
    const out = join(dir, "collecte");
    expect((await ctg("collect", tableau, "--quarter", "2026-T4", "--out", out)).code).toBe(0);
    expect((await later("collect", tableau, "--quarter", "2026-T4", "--out", out)).code).toBe(0);
    await fillCommune(join(out, fileOf("Commune")));
    // The filled file's modification date is no longer its preparation's (as when Excel or LibreOffice saves it).
    await editFile(join(out, fileOf("Commune")), (file) => file.setModified(new Date("2026-12-03T08:00:00Z")));
    const again = await later("collect", tableau, "--quarter", "2026-T4", "--out", out);
    expect(again.code).toBe(2);
    expect(again.err).toContain("déjà enregistré depuis sa préparation");
    expect((await rowsOf(join(out, fileOf("Commune")), SHEETS.tracking))[0].Statut).toBe("En cours");
  });
});

describe("merging the returned files", () => {
  let dir: string;
  let tableau: string;
  let out: string;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), "ctg-merge-"));
    tableau = await tableauWith(dir, { measurements: [{ indicatorId: "1.A.1-I3", quarter: "2026-T4", value: 5000 }] });
    out = join(dir, "collecte");
    expect((await ctg("collect", tableau, "--quarter", "2026-T4", "--out", out)).code).toBe(0);
  });

  it("writes a filled file's values into empty cells, keeps a journal of them, and changes nothing when merged again", async () => {
    const commune = join(out, fileOf("Commune"));
    await fillCommune(commune);
    const report = join(dir, "rapport.json");
    const merged = await later("merge", tableau, commune, "--report", report);
    expect(merged.code).toBe(0);
    expect(merged.out).toContain(`✔ «\u00a0${fileOf("Commune")}\u00a0» (Commune)\u00a0: accepté, 5 valeurs intégrées.`);
    expect(merged.out).toContain("fiche 1.A.1, 4e trimestre 2026, avancement\u00a0: (vide) → 40\u00a0%");
    expect(merged.out).toContain("Taux de retour\u00a0: 1 sur 3.");
    expect(merged.out).toContain("Pas encore de retour pour le 4e trimestre 2026\u00a0: RPE, CC.");
    const json = reportOf(report);
    expect(json.files[0]).toMatchObject({ status: "accepted", person: "Commune", conflicts: [], outOfScope: [] });
    expect(json.files[0].changes.map((change) => [change.code, change.field, change.before, change.after])).toEqual([
      ["1.A.1", "status", null, "En cours"],
      ["1.A.1", "progress", null, 40],
      ["1.A.1", "achievements", null, "Permis de construire déposé"],
      ["1.A.1-I1", "value", null, 10],
      ["1.A.1-I2", "value", null, 85],
    ]);
    expect(json.reporting).toEqual([{ quarter: "2026-T4", expected: ["Commune", "RPE", "CC"], returned: ["Commune"], missing: ["RPE", "CC"] }]);

    const tracking = await trackingOf(tableau);
    expect(tracking.statuses).toContainEqual({
      actionCode: "1.A.1",
      quarter: "2026-T4",
      status: "En cours",
      progress: 40,
      achievements: "Permis de construire déposé",
    });
    expect(tracking.measurements).toContainEqual({ indicatorId: "1.A.1-I2", quarter: "2026-T4", value: 85 });
    const journal = await rowsOf(tableau, SHEETS.journal);
    expect(journal.map((row) => [row["Pilote ou partenaire"], row.Nature, row.Code, row.Champ, row["Valeur intégrée"]])).toEqual([
      ["Commune", "Retour", null, null, 5],
      ["Commune", "Suivi de fiche", "1.A.1", "statut", "En cours"],
      ["Commune", "Suivi de fiche", "1.A.1", "avancement", 40],
      ["Commune", "Suivi de fiche", "1.A.1", "réalisations", "Permis de construire déposé"],
      ["Commune", "Saisie d'indicateur", "1.A.1-I1", "valeur", 10],
      ["Commune", "Saisie d'indicateur", "1.A.1-I2", "valeur", 85],
    ]);
    expect(journal.every((row) => row["Intégré le"] === "2026-12-01T09:30:00.000Z" && row.Fichier === fileOf("Commune"))).toBe(true);
    // A backup of the tableau as it was lies beside it.
    expect(readdirSync(dir).filter((name) => name.includes("sauvegarde"))).toHaveLength(1);

    // The bilan of the year says where its entries came from.
    const bilan = await later("bilan", tableau, "--kind", "annual", "--year", "2026", "--json");
    expect((JSON.parse(bilan.out) as { provenance: unknown[] }).provenance).toEqual([
      { mergedAt: "2026-12-01T09:30:00.000Z", person: "Commune", file: fileOf("Commune"), quarter: "2026-T4", values: 5 },
    ]);

    const before = readFileSync(tableau);
    const again = await later("merge", tableau, commune);
    expect(again.code).toBe(0);
    expect(again.out).toContain("aucune valeur nouvelle pour le tableau");
    expect(again.out).toContain("n'est pas modifié");
    expect(readFileSync(tableau).equals(before)).toBe(true);
  });

  it("accepts with a warning a value far from the indicator's history, and says which", async () => {
    const history = mkdtempSync(join(tmpdir(), "ctg-merge-plausible-"));
    const withHistory = await tableauWith(history, {
      measurements: ["2026-T1", "2026-T2", "2026-T3"].map((quarter, index) => ({ indicatorId: "1.A.1-I1", quarter, value: 10 + index })),
    });
    const files = join(history, "c");
    expect((await ctg("collect", withHistory, "--quarter", "2026-T4", "--out", files)).code).toBe(0);
    await editFile(join(files, fileOf("Commune")), (file) => file.setCell(SHEETS.measurements, "G2", 110));
    const report = join(history, "rapport.json");
    const merged = await later("merge", withHistory, join(files, fileOf("Commune")), "--report", report);
    expect(merged.code).toBe(0);
    expect(merged.out).toContain("accepté avec 1 avertissement, 1 valeur intégrée");
    const [file] = reportOf(report).files;
    expect(file.status).toBe("warnings");
    expect(file.warnings[0]).toMatch(/^Valeur 110 de 1\.A\.1-I1 au moins 5 fois la médiane/);
  });

  it("leaves a cell the tableau already holds as it is, showing both values, and refuses entries the file was not prepared for", async () => {
    const commune = join(out, fileOf("Commune"));
    await editFile(commune, async (file) => {
      await file.setCell(SHEETS.measurements, "G4", 6200);
      // A row typed for a fiche that is the CC's, not the commune's.
      await file.setCell(SHEETS.tracking, "A3", "2026-T4");
      await file.setCell(SHEETS.tracking, "C3", "2.A.1");
      await file.setCell(SHEETS.tracking, "F3", "Réalisée");
    });
    const report = join(dir, "rapport.json");
    const merged = await later("merge", tableau, commune, "--report", report);
    expect(merged.code).toBe(1);
    expect(merged.out).toContain(
      "CONFLIT indicateur 1.A.1-I3, 4e trimestre 2026, valeur\u00a0: le tableau contient «\u00a05000\u00a0», le fichier «\u00a06200\u00a0». Rien n'est remplacé",
    );
    expect(merged.out).toContain("HORS PÉRIMÈTRE fiche 2.A.1, 4e trimestre 2026");
    expect(merged.out).toContain("1 conflit à trancher");
    const json = reportOf(report);
    expect(json.files[0].conflicts).toEqual([{ kind: "saisie", code: "1.A.1-I3", period: "2026-T4", field: "value", inTableau: 5000, returned: 6200 }]);
    expect(json.files[0].outOfScope).toEqual([{ kind: "statut", code: "2.A.1", period: "2026-T4", field: "status" }]);
    const tracking = await trackingOf(tableau);
    expect(tracking.measurements).toContainEqual({ indicatorId: "1.A.1-I3", quarter: "2026-T4", value: 5000 });
    expect(tracking.statuses.find((entry) => entry.actionCode === "2.A.1")).toBeUndefined();
  });

  it("rejects with their reason a file with an error, another tableau's file, a file of another quarter and a workbook that is no collection", async () => {
    const commune = join(out, fileOf("Commune"));
    await editFile(commune, async (file) => {
      await file.setCell(SHEETS.tracking, "F2", "Fini");
    });
    const otherDir = mkdtempSync(join(tmpdir(), "ctg-merge-other-"));
    const otherPlan = JSON.parse(JSON.stringify(SMALL_PLAN_JSON)) as typeof SMALL_PLAN_JSON;
    otherPlan.convention.territory = "Commune Voisine";
    writeFileSync(join(otherDir, "plan.json"), JSON.stringify(otherPlan));
    const otherTableau = join(otherDir, "voisine.xlsx");
    expect((await ctg("init", "--plan", join(otherDir, "plan.json"), "--out", otherTableau)).code).toBe(0);
    expect((await ctg("collect", otherTableau, "--quarter", "2026-T4", "--out", join(otherDir, "c"))).code).toBe(0);
    const foreign = join(otherDir, "c", fileOf("RPE"));
    const plain = join(dir, "notes.xlsx");
    await plainWorkbook(plain, "Notes", [["Réunion"]]);
    const report = join(dir, "rapport.json");
    const before = readFileSync(tableau);
    const merged = await later("merge", tableau, commune, foreign, plain, join(out, fileOf("CC")), "--quarter", "2026-T3", "--report", report);
    expect(merged.code).toBe(1);
    const files = reportOf(report).files;
    expect(files.map((file) => file.status)).toEqual(["rejected", "rejected", "rejected", "rejected"]);
    expect(files[0].reasons[0]).toContain("a été préparé pour le 4e trimestre 2026, pas pour le 3e trimestre 2026");
    expect(files[1].reasons[0]).toContain("a été préparé pour un autre tableau de suivi (Commune Voisine)");
    expect(files[2].reasons[0]).toContain("n'est pas un fichier de collecte préparé par CTG Suivi");
    expect(readFileSync(tableau).equals(before)).toBe(true);

    const withoutQuarter = await later("merge", tableau, commune, "--report", report);
    expect(withoutQuarter.code).toBe(1);
    const [rejected] = reportOf(report).files;
    expect(rejected.status).toBe("rejected");
    expect(rejected.reasons).toEqual(["1 erreur dans le fichier", expect.stringMatching(/^feuille «\sSuivi des fiches\s», ligne 2\s: .*Fini/)]);
    expect(readFileSync(tableau).equals(before)).toBe(true);
  });

  it("never writes into a quarter locked since the files were prepared, nor from a file prepared before the plan changed", async () => {
    const commune = join(out, fileOf("Commune"));
    await fillCommune(commune);
    // The quarter is locked after its COPIL, in the tableau, as the pane's lock writes it.
    await editFile(tableau, async (file) => {
      const rows = await rowsOf(tableau, SHEETS.meta);
      const row = rows.findIndex((entry) => entry.cle === "verrou_2026-T4") + 2;
      await file.setCell(SHEETS.meta, `B${row}`, "oui");
    });
    const before = readFileSync(tableau);
    const locked = await later("merge", tableau, commune);
    expect(locked.code).toBe(1);
    expect(locked.out).toContain("porte sur le 4e trimestre 2026, verrouillé après le COPIL\u00a0: rien n'y est écrit");
    expect(readFileSync(tableau).equals(before)).toBe(true);

    const changedDir = mkdtempSync(join(tmpdir(), "ctg-merge-changed-"));
    const changed = await tableauWith(changedDir);
    const changedOut = join(changedDir, "c");
    expect((await ctg("collect", changed, "--quarter", "2026-T4", "--out", changedOut)).code).toBe(0);
    const plan = JSON.parse(JSON.stringify(SMALL_PLAN_JSON)) as typeof SMALL_PLAN_JSON;
    plan.axes[0].subAxes[0].actions[0].indicators.push({ label: "Nombre de familles accueillies", type: "nombre", unit: "familles", aggregation: "somme" });
    writeFileSync(join(changedDir, "plan.json"), JSON.stringify(plan));
    expect((await ctg("init", "--plan", join(changedDir, "plan.json"), "--out", changed, "--update")).code).toBe(0);
    await fillCommune(join(changedOut, fileOf("Commune")));
    const stale = await later("merge", changed, join(changedOut, fileOf("Commune")), join(changedOut, fileOf("CC")));
    expect(stale.out).toContain("a été préparé avant une modification du plan d'actions");
    // The CC's fiche did not change: its file still merges.
    expect(stale.out).toContain(`✔ «\u00a0${fileOf("CC")}\u00a0» (CC)\u00a0: accepté`);
  });
});

async function partOf(file: XlsxFile, sheet: string): Promise<string> {
  const found = (await file.sheets()).find((entry) => entry.name === sheet);
  if (!found) throw new Error(`no sheet ${sheet}`);
  return found.part;
}
