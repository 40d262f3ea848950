import { rebaseTracking } from "../../src/domain/rebase";
import type { Tracking } from "../../src/domain/tracking";
import { buildTableauPlan } from "../../src/workbook/build-tableau";
import { SHEETS } from "../../src/workbook/layout";
import { readTableau, TABLEAU_SHEETS } from "../../src/workbook/parse-tableau";
import type { Grid } from "../../src/workbook/sheet-plan";
import { gridsOf, findRow } from "../support/grids";
import { NOW, TODAY, smallPlan } from "../support/small-plan";

function filledTracking(): Tracking {
  const plan = smallPlan();
  return {
    plan,
    statuses: [
      { actionCode: "1.A.1", quarter: "2026-T1", status: "En cours", progress: 30, achievements: "Étude de faisabilité", difficulties: "=SOMME(A1)" },
      { actionCode: "2.A.1", quarter: "2026-T2", status: "Abandonnée", progress: 0, difficulties: "Partenaire parti" },
    ],
    measurements: [
      { indicatorId: "1.A.1-I1", quarter: "2026-T1", value: 10 },
      { indicatorId: "1.A.1-I2", quarter: "2026-T1", value: 87.5, comment: "estimation" },
      { indicatorId: "1.A.1-I3", quarter: "2026-T2", value: 1234.56 },
      { indicatorId: "1.A.2-I1", quarter: "2026-T2", value: true },
      { indicatorId: "1.A.2-I2", quarter: "2026-T4", value: 4 },
      { indicatorId: "2.A.1-I1", quarter: "2026-T3", value: "Ateliers tablettes" },
    ],
    lockedQuarters: ["2026-T1"],
    archive: [],
  };
}

describe("the workbook contract", () => {
  it("builds every sheet of the contract, the metadata sheet very hidden", () => {
    const plan = buildTableauPlan(filledTracking(), { now: NOW });
    expect(plan.sheets.map((sheet) => sheet.name)).toEqual([
      SHEETS.guide,
      SHEETS.convention,
      SHEETS.plan,
      SHEETS.indicators,
      SHEETS.tracking,
      SHEETS.measurements,
      SHEETS.ficheEvaluation,
      SHEETS.axisEvaluation,
      SHEETS.meta,
    ]);
    expect(plan.sheets.find((sheet) => sheet.name === SHEETS.meta)?.visibility).toBe("veryHidden");
    for (const sheet of plan.sheets) expect(sheet.protect).toBe(true);
  });

  it("lays out one tracking row per fiche and quarter, and one entry row per indicator and measured quarter", () => {
    const plan = buildTableauPlan(filledTracking(), { now: NOW });
    const tracking = plan.sheets.find((sheet) => sheet.name === SHEETS.tracking)!;
    expect(tracking.values).toHaveLength(1 + 3 * 8);
    const measurements = plan.sheets.find((sheet) => sheet.name === SHEETS.measurements)!;
    // five quarterly indicators over 8 quarters, one annual indicator over 2 years
    expect(measurements.values).toHaveLength(1 + 5 * 8 + 2);
  });

  it("puts a validation and an input message on every entry cell", () => {
    const plan = buildTableauPlan(filledTracking(), { now: NOW });
    for (const sheet of plan.sheets) {
      const unlocked = sheet.styles.filter((style) => style.style.locked === false);
      if ([SHEETS.convention, SHEETS.indicators, SHEETS.tracking, SHEETS.measurements].includes(sheet.name as never))
        expect(unlocked.length).toBeGreaterThan(0);
      for (const { range } of unlocked) {
        for (let row = range.row; row < range.row + range.rows; row++) {
          const covered = sheet.validations.some(
            (validation) => validation.range.col === range.col && row >= validation.range.row && row < validation.range.row + validation.range.rows,
          );
          expect(covered).toBe(true);
        }
      }
      for (const validation of sheet.validations) {
        expect(validation.prompt.title.length).toBeLessThanOrEqual(32);
        expect(validation.prompt.message.length).toBeLessThanOrEqual(255);
        expect(validation.error.message.length).toBeLessThanOrEqual(255);
      }
    }
  });

  it("locks the entry cells of a locked quarter", () => {
    const plan = buildTableauPlan(filledTracking(), { now: NOW });
    const sheet = plan.sheets.find((candidate) => candidate.name === SHEETS.tracking)!;
    const lockedRanges = sheet.styles.filter((style) => style.style.locked === true);
    const rowsOfT1 = sheet.values.map((row, index) => (row[0] === "2026-T1" ? index : -1)).filter((index) => index >= 0);
    for (const row of rowsOfT1) expect(lockedRanges.some(({ range }) => row >= range.row && row < range.row + range.rows)).toBe(true);
    const rowOfT2 = sheet.values.findIndex((row) => row[0] === "2026-T2");
    expect(lockedRanges.some(({ range }) => rowOfT2 >= range.row && rowOfT2 < range.row + range.rows)).toBe(false);
  });

  it("reads back exactly what it wrote", () => {
    const original = filledTracking();
    const reading = readTableau(gridsOf(buildTableauPlan(original, { now: NOW })), { today: TODAY });
    expect(reading.issues).toEqual([]);
    expect(reading.tracking?.plan).toEqual(original.plan);
    expect(reading.tracking?.statuses).toEqual(expect.arrayContaining(original.statuses));
    expect(reading.tracking?.statuses).toHaveLength(original.statuses.length);
    expect(reading.tracking?.measurements).toHaveLength(original.measurements.length);
    expect(reading.tracking?.measurements).toEqual(expect.arrayContaining(original.measurements));
    expect(reading.tracking?.lockedQuarters).toEqual(["2026-T1"]);
  });

  it("locates typed errors by sheet and cell with French messages", () => {
    const grids = gridsOf(buildTableauPlan(filledTracking(), { now: NOW }));
    const tracking = grids[SHEETS.tracking]!;
    const row = findRow(tracking, (cells) => cells[0] === "2026-T3" && cells[2] === "1.A.1");
    tracking[row][5] = "Réalisée";
    tracking[row][6] = 0.5;
    const future = findRow(tracking, (cells) => cells[0] === "2027-T2" && cells[2] === "1.A.2");
    tracking[future][5] = "En cours";
    const saisies = grids[SHEETS.measurements]!;
    const rate = findRow(saisies, (cells) => cells[1] === "1.A.1-I2" && cells[5] === "2026-T2");
    saisies[rate][6] = 1.4;
    const yesNo = findRow(saisies, (cells) => cells[1] === "1.A.2-I1" && cells[5] === "2026-T3");
    saisies[yesNo][6] = "Peut-être";
    const reading = readTableau(grids, { today: TODAY });
    const located = reading.issues.map((issue) => `${issue.sheet}!${issue.cell} ${issue.severity}`);
    expect(located).toEqual(
      expect.arrayContaining([
        `${SHEETS.tracking}!G${row + 1} error`,
        `${SHEETS.tracking}!A${future + 1} error`,
        `${SHEETS.measurements}!G${rate + 1} error`,
        `${SHEETS.measurements}!G${yesNo + 1} error`,
      ]),
    );
    expect(reading.issues.find((issue) => issue.cell === `G${rate + 1}`)?.message).toMatch(/1\.A\.1-I2\s: .*entre 0 et 100/);
    expect(reading.issues.find((issue) => issue.cell === `A${future + 1}`)?.message).toMatch(/n'a pas encore commencé/);
  });

  it("reports an invalid status typed in a cell once, at its cell", () => {
    const grids = gridsOf(buildTableauPlan(filledTracking(), { now: NOW }));
    const tracking = grids[SHEETS.tracking]!;
    const row = findRow(tracking, (cells) => cells[0] === "2026-T3" && cells[2] === "1.A.1");
    tracking[row][5] = "Terminé";
    tracking[row][6] = 0.5;
    tracking[row][7] = "Trois réunions";
    const issues = readTableau(grids, { today: TODAY }).issues.filter((issue) => issue.sheet === SHEETS.tracking && issue.cell.endsWith(String(row + 1)));
    expect(issues).toEqual([expect.objectContaining({ cell: `F${row + 1}`, severity: "error", message: expect.stringMatching(/statut «.Terminé.» inconnu/) })]);
  });

  it("names an impossible date of the convention as such", () => {
    const grids = gridsOf(buildTableauPlan(filledTracking(), { now: NOW }));
    const convention = grids[SHEETS.convention]!;
    const start = findRow(convention, (cells) => cells[0] === "Date de début");
    convention[start][1] = "31/02/2026";
    const end = findRow(convention, (cells) => cells[0] === "Date de fin");
    convention[end][1] = "fin 2030";
    const messages = readTableau(grids, { today: TODAY }).issues.map((issue) => `${issue.cell} ${issue.message}`);
    expect(messages).toContainEqual(
      expect.stringMatching(new RegExp(`^B${start + 1} la date de début n'existe pas.*le 31/02/2026 n'est pas un jour du calendrier`)),
    );
    expect(messages).toContainEqual(expect.stringMatching(new RegExp(`^B${end + 1} la date de fin «.fin 2030.» est invalide.*attendu jj/mm/aaaa`)));
  });

  it("flags a workbook that is not a tableau, a missing sheet and a renamed header", () => {
    expect(readTableau({}, { today: TODAY }).issues[0].message).toMatch(/n'est pas un tableau de suivi CTG/);
    const grids = gridsOf(buildTableauPlan(filledTracking(), { now: NOW }));
    delete grids[SHEETS.indicators];
    grids[SHEETS.tracking]![0][5] = "État";
    const reading = readTableau(grids, { today: TODAY });
    const messages = reading.issues.map((issue) => issue.message);
    expect(messages).toEqual(
      expect.arrayContaining([expect.stringMatching(/feuille «\sIndicateurs\s» est absente/), expect.stringMatching(/colonne «\sStatut\s» est absente/)]),
    );
    expect(reading.issues.every((issue) => issue.severity === "error")).toBe(true);
  });

  it("refuses a newer template version", () => {
    const grids = gridsOf(buildTableauPlan(filledTracking(), { now: NOW }));
    const meta = grids[SHEETS.meta]!;
    meta[findRow(meta, (row) => row[0] === "version")][1] = "9.0";
    expect(readTableau(grids, { today: TODAY }).issues[0].message).toMatch(/version de modèle «\s9\.0\s» non prise en charge/);
  });

  it("survives random and malformed grids without throwing", () => {
    let seed = 42;
    const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    const pool: unknown[] = [
      null,
      "",
      "2026-T1",
      "1.A.1",
      "1.A.1-I1",
      "Réalisée",
      "En cours",
      0.5,
      1,
      -3,
      1e9,
      "=A1",
      true,
      "Oui",
      "x".repeat(5000),
      NaN,
      {},
      [],
      new Date(),
    ];
    const base = gridsOf(buildTableauPlan(filledTracking(), { now: NOW }));
    for (let round = 0; round < 300; round++) {
      const grids: Record<string, Grid | undefined> = structuredClone(base);
      for (const name of TABLEAU_SHEETS) {
        const grid = grids[name];
        if (!grid) continue;
        if (random() < 0.05) {
          delete grids[name];
          continue;
        }
        for (let n = 0; n < 20; n++) {
          const row = Math.floor(random() * (grid.length + 3));
          const col = Math.floor(random() * 14);
          grid[row] ??= [];
          (grid[row] as unknown[])[col] = pool[Math.floor(random() * pool.length)];
        }
        if (random() < 0.1) grid.splice(Math.floor(random() * grid.length), 1);
      }
      expect(() => readTableau(grids, { today: TODAY })).not.toThrow();
    }
  });
});

describe("applying a new plan to a tableau with entries", () => {
  it("keeps entries of fiches still in the plan and archives the others", () => {
    const previous = filledTracking();
    const plan = structuredClone(previous.plan);
    plan.axes[0].subAxes[0].actions[0].title = "Ouvrir deux micro-crèches";
    plan.axes[1].subAxes[0].actions = [];
    plan.axes[0].subAxes[0].actions.push({
      code: "1.A.3",
      title: "Nouvelle fiche",
      deadline: "2027",
      pilots: [],
      partners: [],
      fields: [],
      links: [],
      objectives: [],
      indicators: [],
    });
    const { tracking, newlyArchived } = rebaseTracking(plan, previous);
    expect(tracking.statuses).toEqual([previous.statuses[0]]);
    expect(tracking.measurements).toHaveLength(previous.measurements.length - 1);
    expect(newlyArchived.map((entry) => [entry.kind, entry.actionCode, entry.label])).toEqual([
      ["statut", "2.A.1", "Faciliter l'accès au numérique"],
      ["saisie", "2.A.1", "Nature des ateliers proposés"],
    ]);
    const reading = readTableau(gridsOf(buildTableauPlan(tracking, { now: NOW })), { today: TODAY });
    expect(reading.issues).toEqual([]);
    expect(reading.tracking?.archive).toEqual(newlyArchived);
    expect(reading.tracking?.plan.axes[0].subAxes[0].actions[0].title).toBe("Ouvrir deux micro-crèches");
  });
});

describe("the pane's address of a fiche's row", () => {
  it("points to the row the layout builds for that fiche and quarter", async () => {
    const { trackingCell } = await import("../../src/taskpane/quarters-ui");
    const { parseCellAddress } = await import("../../src/workbook/sheet-plan");
    const tracking = filledTracking();
    const sheet = buildTableauPlan(tracking, { now: NOW }).sheets.find((candidate) => candidate.name === SHEETS.tracking)!;
    for (const [code, quarter] of [
      ["1.A.1", "2026-T1"],
      ["2.A.1", "2027-T4"],
      ["1.A.2", "2026-T3"],
    ]) {
      const { row, col } = parseCellAddress(trackingCell(tracking, code, quarter).cell)!;
      expect([sheet.values[row][0], sheet.values[row][2], sheet.values[0][col]]).toEqual([quarter, code, "Statut"]);
    }
  });
});
