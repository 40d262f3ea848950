/**
 * The yearly written evaluation (template 1.4) through the public commands: typed in its two sheets with the rules
 * of every entry cell, read back by `ctg check`, kept by updates, and added to a tableau of template 1.3 without
 * losing anything.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Evaluations } from "../../src/domain/evaluation";
import type { Tracking } from "../../src/domain/tracking";
import { SHEETS, TEMPLATE_VERSION } from "../../src/workbook/layout";
import { readTableauFile, writeTrackingFile } from "../../src/xlsx/tableau-file";
import { ctgAt } from "../support/cli";
import { SMALL_PLAN_JSON, smallPlan } from "../support/small-plan";
import { templateOneThreeBytes } from "../support/update-fixtures";
import { XlsxFile, rowsOf, sheetsOf } from "../support/xlsx-package";

const ctg = ctgAt("2026-11-24T10:00:00Z");
const TODAY = "2026-11-24";

const EVALUATIONS: Evaluations = {
  fiches: [
    {
      actionCode: "1.A.1",
      year: 2026,
      effects: "12 familles de plus ont une place d'accueil près de chez elles",
      evidence: "Liste d'attente du RPE : de 30 à 18 demandes",
      appreciation: "Partiellement atteint",
      adjustments: "Ouvrir le samedi matin",
    },
  ],
  axes: [{ axisCode: "1", year: 2026, synthesis: "L'offre d'accueil progresse", decisions: "COPIL du 4 décembre 2026 : ouverture le samedi retenue" }],
};

function trackingWith(evaluations: Evaluations = EVALUATIONS): Tracking {
  return {
    plan: smallPlan(),
    statuses: [{ actionCode: "1.A.1", quarter: "2026-T1", status: "En cours", progress: 40, achievements: "Travaux lancés" }],
    measurements: [],
    lockedQuarters: [],
    archive: [],
    evaluations,
  };
}

function workspace(): string {
  return mkdtempSync(join(tmpdir(), "ctg-evaluation-"));
}

function writePlan(dir: string, edit: (plan: typeof SMALL_PLAN_JSON) => void = () => undefined): string {
  const plan = structuredClone(SMALL_PLAN_JSON);
  edit(plan);
  const path = join(dir, "plan.json");
  writeFileSync(path, JSON.stringify(plan));
  return path;
}

interface CheckJson {
  ok: boolean;
  issues: { sheet: string; cell: string; severity: string; message: string }[];
}

async function check(file: string): Promise<CheckJson> {
  return JSON.parse((await ctg("check", file, "--json")).out) as CheckJson;
}

describe("the written evaluation in the tableau", () => {
  it("has a row per year and fiche, and per year and axe, with the rules of every entry cell, and reads back what was written", async () => {
    const dir = workspace();
    const file = join(dir, "suivi.xlsx");
    writeFileSync(file, await writeTrackingFile(trackingWith(), "2026-11-24T09:00:00.000Z"));

    const fiches = await rowsOf(file, SHEETS.ficheEvaluation);
    // Two years (2026, 2027) × three fiches, each year's block in the order of the plan.
    expect(fiches.map((row) => `${row["Année"]} ${row["Code"]}`)).toEqual(["2026 1.A.1", "2026 1.A.2", "2026 2.A.1", "2027 1.A.1", "2027 1.A.2", "2027 2.A.1"]);
    expect(fiches[0]).toMatchObject({
      "Effets pour les habitants": EVALUATIONS.fiches[0].effects,
      "Sources et preuves": EVALUATIONS.fiches[0].evidence,
      "Appréciation de l'objectif": "Partiellement atteint",
      "Ajustements proposés": "Ouvrir le samedi matin",
    });
    const axes = await rowsOf(file, SHEETS.axisEvaluation);
    expect(axes.map((row) => `${row["Année"]} ${row["Axe"]} ${row["Intitulé de l'axe"]}`)).toEqual([
      "2026 1 Petite enfance",
      "2026 2 Accès aux droits",
      "2027 1 Petite enfance",
      "2027 2 Accès aux droits",
    ]);

    // The appreciation is a list with its prompt; the texts a length; the structure is locked, the entries are not.
    const workbook = await XlsxFile.open(file);
    const appreciation = await workbook.columnOf(SHEETS.ficheEvaluation, "Appréciation de l'objectif");
    const validation = await workbook.validation(SHEETS.ficheEvaluation, `${appreciation}2`);
    expect(validation).toMatchObject({
      type: "list",
      promptTitle: "Appréciation de l'objectif",
      formula1: '"Atteint,Partiellement atteint,Non atteint,Trop tôt pour dire"',
    });
    const effects = await workbook.columnOf(SHEETS.ficheEvaluation, "Effets pour les habitants");
    expect(await workbook.validation(SHEETS.ficheEvaluation, `${effects}7`)).toMatchObject({
      type: "textLength",
      operator: "lessThanOrEqual",
      formula1: "4000",
    });
    expect((await workbook.cell(SHEETS.ficheEvaluation, `${effects}2`))?.style.locked).toBe(false);
    expect((await workbook.cell(SHEETS.ficheEvaluation, "C2"))?.style.locked).not.toBe(false);
    expect(await workbook.attributesOf(SHEETS.ficheEvaluation, "sheetProtection")).toMatchObject({ sheet: "1" });

    const reading = await readTableauFile(new Uint8Array(readFileSync(file)), "suivi.xlsx", TODAY);
    expect(reading.issues.filter((issue) => issue.severity === "error")).toEqual([]);
    expect(reading.tracking?.evaluations).toEqual(EVALUATIONS);
  });

  it("ctg check locates what the cells' rules refuse, typed without the add-in: an unknown appreciation, a year not begun, a text too long", async () => {
    const dir = workspace();
    const file = join(dir, "suivi.xlsx");
    writeFileSync(file, await writeTrackingFile(trackingWith({ fiches: [], axes: [] }), "2026-11-24T09:00:00.000Z"));
    const workbook = await XlsxFile.open(file);
    const appreciation = await workbook.columnOf(SHEETS.ficheEvaluation, "Appréciation de l'objectif");
    const effects = await workbook.columnOf(SHEETS.ficheEvaluation, "Effets pour les habitants");
    await workbook.setCell(SHEETS.ficheEvaluation, `${appreciation}2`, "Bof");
    // Row 5: fiche 1.A.1 in 2027, which has not begun on 24/11/2026.
    await workbook.setCell(SHEETS.ficheEvaluation, `${effects}5`, "Trop tôt");
    await workbook.setCell(SHEETS.axisEvaluation, "D2", "x".repeat(4001));
    // Typed by hand in lower case, as the list's words: accepted.
    await workbook.setCell(SHEETS.ficheEvaluation, `${appreciation}3`, "trop tot pour dire");
    await workbook.save(file);

    const result = await check(file);
    expect(result.ok).toBe(false);
    expect(result.issues.filter((issue) => issue.severity === "error")).toEqual([
      {
        sheet: SHEETS.ficheEvaluation,
        cell: `${appreciation}2`,
        severity: "error",
        message: "appréciation «\u00a0Bof\u00a0» inconnue\u00a0: choisissez Atteint, Partiellement atteint, Non atteint, Trop tôt pour dire",
      },
      { sheet: SHEETS.ficheEvaluation, cell: "A5", severity: "error", message: "l'année 2027 n'a pas encore commencé\u00a0: évaluation impossible" },
      { sheet: SHEETS.axisEvaluation, cell: "D2", severity: "error", message: "le texte «\u00a0Synthèse de l'axe\u00a0» dépasse 4000 caractères (4001)" },
    ]);
  });
});

describe("updates and the evaluation", () => {
  it("upgrades a tableau of template 1.3 to 1.4: the two sheets added, every entry kept, the version said", async () => {
    const dir = workspace();
    const file = join(dir, "suivi.xlsx");
    writeFileSync(file, await templateOneThreeBytes(trackingWith({ fiches: [], axes: [] }), "2026-11-01T09:00:00.000Z"));
    const before = await check(file);
    expect(before.issues.filter((issue) => issue.severity === "error")).toEqual([]);
    expect((await sheetsOf(file)).map(([name]) => name)).not.toContain(SHEETS.ficheEvaluation);

    const result = await ctg("init", "--plan", writePlan(dir), "--out", file, "--update");
    expect(result.err).toBe("");
    expect(result.code).toBe(0);
    const sheets = new Map(await sheetsOf(file));
    expect([...sheets.keys()]).toEqual(expect.arrayContaining([SHEETS.ficheEvaluation, SHEETS.axisEvaluation]));
    expect(sheets.get(SHEETS.meta)!.find((row) => row[0] === "version")?.[1]).toBe(TEMPLATE_VERSION);
    expect((await rowsOf(file, SHEETS.tracking))[0]).toMatchObject({ Statut: "En cours", Réalisations: "Travaux lancés" });
    expect(await rowsOf(file, SHEETS.ficheEvaluation)).toHaveLength(6);
    expect((await check(file)).ok).toBe(true);
  });

  it("keeps each evaluation on its fiche's row when fiches are added, and archives that of a fiche the plan removes", async () => {
    const dir = workspace();
    const file = join(dir, "suivi.xlsx");
    const evaluations: Evaluations = {
      fiches: [...EVALUATIONS.fiches, { actionCode: "1.A.2", year: 2026, effects: "Les assistantes maternelles se parlent", appreciation: "Atteint" }],
      axes: EVALUATIONS.axes,
    };
    writeFileSync(file, await writeTrackingFile(trackingWith(evaluations), "2026-11-01T09:00:00.000Z"));
    // A fiche first in the plan (every row moves down), and 1.A.2 removed.
    const plan = writePlan(dir, (json) => {
      const actions = json.axes[0].subAxes[0].actions as unknown as Record<string, unknown>[];
      actions.splice(1, 1);
      actions.unshift({
        code: "1.A.0",
        title: "Diagnostic des besoins",
        deadline: "2026",
        pilots: [],
        partners: [],
        fields: ["petite enfance"],
        links: [],
        indicators: [],
      });
    });
    const result = await ctg("init", "--plan", plan, "--out", file, "--update");
    expect(result.code).toBe(0);
    const fiches = await rowsOf(file, SHEETS.ficheEvaluation);
    expect(fiches.slice(0, 3).map((row) => [row["Code"], row["Appréciation de l'objectif"] ?? null])).toEqual([
      ["1.A.0", null],
      ["1.A.1", "Partiellement atteint"],
      ["2.A.1", null],
    ]);
    expect(fiches[1]["Effets pour les habitants"]).toBe(EVALUATIONS.fiches[0].effects);
    expect((await rowsOf(file, SHEETS.axisEvaluation))[0]["Décisions du COPIL"]).toBe(EVALUATIONS.axes[0].decisions);
    const archive = await rowsOf(file, SHEETS.archive);
    expect(archive).toContainEqual(
      expect.objectContaining({
        Nature: "Évaluation de fiche",
        Trimestre: "2026",
        "Code fiche": "1.A.2",
        "Effets observés": "Les assistantes maternelles se parlent",
        Appréciation: "Atteint",
      }),
    );
    // Read back, the archive keeps the evaluation as it was.
    const reading = await readTableauFile(new Uint8Array(readFileSync(file)), "suivi.xlsx", TODAY);
    expect(reading.tracking?.archive).toContainEqual(
      expect.objectContaining({
        kind: "evaluation-fiche",
        quarter: "2026",
        actionCode: "1.A.2",
        appreciation: "Atteint",
        effects: "Les assistantes maternelles se parlent",
      }),
    );
  });
});

describe("the evaluation in the bilans", () => {
  it("carries the years of the period into the JSON and the bilan sheet, with the appreciations counted", async () => {
    const dir = workspace();
    const file = join(dir, "suivi.xlsx");
    const evaluations: Evaluations = {
      fiches: [...EVALUATIONS.fiches, { actionCode: "2.A.1", year: 2026, appreciation: "Trop tôt pour dire" }],
      axes: EVALUATIONS.axes,
    };
    writeFileSync(file, await writeTrackingFile(trackingWith(evaluations), "2026-11-24T09:00:00.000Z"));
    const later = ctgAt("2027-02-10T10:00:00Z");
    const json = JSON.parse((await later("bilan", file, "--kind", "annual", "--year", "2026", "--json")).out);
    expect(json.appreciations).toEqual({ Atteint: 0, "Partiellement atteint": 1, "Non atteint": 0, "Trop tôt pour dire": 1, none: 1 });
    expect(json.evaluation.fiches).toEqual([
      {
        code: "1.A.1",
        year: 2026,
        effects: EVALUATIONS.fiches[0].effects,
        evidence: EVALUATIONS.fiches[0].evidence,
        appreciation: "Partiellement atteint",
        adjustments: "Ouvrir le samedi matin",
      },
      { code: "2.A.1", year: 2026, effects: null, evidence: null, appreciation: "Trop tôt pour dire", adjustments: null },
    ]);
    expect(json.evaluation.axes).toEqual([{ axis: "1", year: 2026, synthesis: EVALUATIONS.axes[0].synthesis, decisions: EVALUATIONS.axes[0].decisions }]);
    // The point d'étape 2027 holds none of 2026's evaluation.
    const next = JSON.parse((await ctgAt("2028-02-10T10:00:00Z")("bilan", file, "--kind", "annual", "--year", "2027", "--json")).out);
    expect(next.evaluation).toEqual({ fiches: [], axes: [] });

    const out = join(dir, "bilans");
    expect((await later("bilan", file, "--kind", "annual", "--year", "2026", "--out", out)).code).toBe(0);
    const [[, grid]] = await sheetsOf(join(out, "bilan-annuel-2026.xlsx"));
    const text = grid.map((row) => row.map((cell) => cell ?? "").join(" | "));
    expect(text).toContain(
      "Appréciation des objectifs (la plus récente de la période)\u00a0: atteint\u00a0: 0, partiellement atteint\u00a0: 1, non atteint\u00a0: 0, trop tôt pour dire\u00a0: 1\u00a0; sans appréciation\u00a0: 1.",
    );
    expect(text).toContain(`1.A.1 | ${EVALUATIONS.fiches[0].effects} | 2026 | Partiellement atteint`);
    expect(text).toContain(`1 | ${EVALUATIONS.axes[0].decisions} | 2026`);
  });
});
