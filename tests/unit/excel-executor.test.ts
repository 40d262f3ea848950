import { applyWorkbookPlan, readGrids, setUpTableau } from "../../src/excel";
import { fullTracking, syntheticPlan } from "../../src/samples/synthetic-plan";
import { samplePlan } from "../../src/samples/sample-plan";
import { demoTracking } from "../../src/samples/demo-entries";
import { buildTableauPlan } from "../../src/workbook/build-tableau";
import { SHEETS } from "../../src/workbook/layout";
import { TABLEAU_SHEETS, readTableau } from "../../src/workbook/parse-tableau";
import type { WorkbookPlan } from "../../src/workbook/sheet-plan";
import { createFakeExcel, seedWorkbook } from "../fake-excel";
import { NOW, TODAY } from "../support/small-plan";
import { newFiche } from "../support/update-fixtures";

const FIVE_MB = 5 * 1024 * 1024;

function demoPlan(): WorkbookPlan {
  return buildTableauPlan(demoTracking(samplePlan()), { now: NOW });
}

describe("Office.js executor on the fake Excel host", () => {
  it("writes the sample tableau in at most 6 syncs and reads it back intact", async () => {
    const host = createFakeExcel();
    const report = await applyWorkbookPlan(host.context, demoPlan());
    expect(host.stats.syncs).toBe(report.syncs);
    expect(report.syncs).toBeLessThanOrEqual(6);
    expect(Math.max(...host.stats.requestBytes)).toBeLessThan(FIVE_MB);

    host.resetStats();
    const grids = await readGrids(host.context, TABLEAU_SHEETS);
    // One sync for the used ranges, one for the values (they fit in one response).
    expect(host.stats.syncs).toBe(2);
    expect(grids[SHEETS.archive]).toBeUndefined();
    const reading = readTableau(grids, { today: TODAY });
    expect(reading.issues).toEqual([]);
    const expected = demoTracking(samplePlan());
    expect(reading.tracking?.plan).toEqual(expected.plan);
    expect(reading.tracking?.statuses).toEqual(expect.arrayContaining(expected.statuses));
    expect(reading.tracking?.measurements).toHaveLength(expected.measurements.length);
    expect(reading.tracking?.lockedQuarters).toEqual(expected.lockedQuarters);
  });

  it("keeps 200 fiches under 6 syncs and every request under 5 MB", async () => {
    const host = createFakeExcel();
    const plan = buildTableauPlan(fullTracking(syntheticPlan({ actions: 200, indicatorsPerAction: 6 })), { now: NOW });
    const report = await applyWorkbookPlan(host.context, plan);
    expect(report.syncs).toBeLessThanOrEqual(6);
    expect(host.stats.syncs).toBe(report.syncs);
    expect(Math.max(...host.stats.requestBytes)).toBeLessThan(FIVE_MB);
    expect(host.sheet(SHEETS.measurements).usedRect()?.rows).toBe(1 + 200 * 6 * 20);
  });

  it("splits into more requests under a small budget, none larger than the budget", async () => {
    const host = createFakeExcel();
    const budget = 200_000;
    const report = await applyWorkbookPlan(host.context, demoPlan(), { maxRequestBytes: budget });
    expect(report.syncs).toBeGreaterThan(3);
    expect(Math.max(...host.stats.requestBytes)).toBeLessThanOrEqual(budget);
  });

  it("sets validations, formats, protection, freeze, tables and visibility as planned", async () => {
    const host = createFakeExcel();
    await applyWorkbookPlan(host.context, demoPlan());
    const suivi = host.sheet(SHEETS.tracking);
    expect(suivi.protected).toBe(true);
    expect(suivi.protectionOptions).toMatchObject({ allowAutoFilter: true, allowSort: false });
    expect(suivi.freeze).toEqual({ rows: 1, columns: 4 });
    expect(suivi.tables.map((table) => table.name)).toEqual(["SuiviFiches"]);
    expect(suivi.validations.find((validation) => validation.rule?.list)?.rule?.list?.source).toBe("À lancer,En cours,Réalisée,Reportée,Abandonnée");
    expect(suivi.conditionalFormats.some((format) => format.formula?.startsWith("=AND(ISNUMBER($E2)"))).toBe(true);
    expect(suivi.page).toMatchObject({ orientation: "Landscape", zoom: { horizontalFitToPages: 1 }, printTitleRows: "$1:$1" });
    expect(host.cell(SHEETS.tracking, "G2")?.numberFormat).toBe("0 %");
    // 2026-T1 is locked in the demo, 2026-T2 is open
    const firstT2 = [...suivi.cells.entries()]
      .find(([key, cell]) => key.endsWith(",0") && cell.value === "2026-T2")![0]
      .split(",")
      .map(Number)[0];
    expect(host.cell(SHEETS.tracking, "F2")?.locked).toBe(true);
    expect(suivi.peek(firstT2, 5)?.locked).toBe(false);
    expect(host.sheet(SHEETS.meta).visibility).toBe("VeryHidden");
    expect(host.state.activeSheet).toBe(SHEETS.tracking);
    expect(host.state.sheets.map((sheet) => sheet.name).slice(0, 2)).toEqual([SHEETS.guide, SHEETS.convention]);
  });

  it("stores text that looks like a formula as text", async () => {
    const tracking = demoTracking(samplePlan());
    tracking.statuses[0].difficulties = "=SOMME(A1:A3)";
    tracking.statuses[1].achievements = "+33 familles";
    const host = createFakeExcel();
    await applyWorkbookPlan(host.context, buildTableauPlan(tracking, { now: NOW }));
    const cells = [...host.sheet(SHEETS.tracking).cells.values()];
    expect(cells.some((cell) => typeof cell.value === "object" && cell.value !== null)).toBe(false);
    expect(cells.find((cell) => cell.value === "=SOMME(A1:A3)")?.numberFormat).toBe("@");
  });

  it("is idempotent, works on protected sheets and leaves other sheets alone", async () => {
    const state = seedWorkbook([{ name: "Notes", values: [["Réunion du 12 mars"]], protected: true }]);
    const host = createFakeExcel(state);
    await applyWorkbookPlan(host.context, demoPlan());
    const snapshot = JSON.stringify(
      host.state.sheets.map((sheet) => [
        sheet.name,
        [...sheet.cells],
        sheet.validations,
        sheet.conditionalFormats.map(({ id: _id, ...format }) => format),
        sheet.tables.map((table) => table.rect),
        sheet.protected,
      ]),
    );
    await applyWorkbookPlan(host.context, demoPlan());
    const again = JSON.stringify(
      host.state.sheets.map((sheet) => [
        sheet.name,
        [...sheet.cells],
        sheet.validations,
        sheet.conditionalFormats.map(({ id: _id, ...format }) => format),
        sheet.tables.map((table) => table.rect),
        sheet.protected,
      ]),
    );
    expect(again).toEqual(snapshot);
    expect(host.cell("Notes", "A1")?.value).toBe("Réunion du 12 mars");
    expect(host.sheet("Notes").protected).toBe(true);
  });

  it("keeps every entry typed in the sheets when the set-up runs again with a changed plan", async () => {
    const host = createFakeExcel();
    const first = await setUpTableau(host.context, samplePlan(), { now: NOW, today: TODAY });
    expect(first.syncs).toBeLessThanOrEqual(6);
    // A user types in the sheet directly: a status, a progress and an indicator value.
    const suivi = host.sheet(SHEETS.tracking);
    suivi.cell(1, 5).value = "En cours";
    suivi.cell(1, 6).value = 0.4;
    suivi.cell(1, 7).value = "Réunion de lancement";
    const saisies = host.sheet(SHEETS.measurements);
    saisies.cell(1, 6).value = 12;

    const plan = samplePlan();
    plan.axes[0].subAxes[0].actions[0].title = "Consolider l'offre d'accueil petite enfance";
    plan.axes[2].subAxes[1].actions.push(newFiche("3.B.4", "Nouvelle fiche", "2028"));
    host.resetStats();
    const second = await setUpTableau(host.context, plan, { now: NOW, today: TODAY });
    expect(host.stats.syncs).toBe(second.syncs);
    expect(second.syncs).toBeLessThanOrEqual(6);

    const reading = readTableau(await readGrids(host.context, TABLEAU_SHEETS), { today: TODAY });
    expect(reading.issues).toEqual([]);
    expect(reading.tracking?.statuses).toEqual([
      { actionCode: "1.A.1", quarter: "2026-T1", status: "En cours", progress: 40, achievements: "Réunion de lancement" },
    ]);
    expect(reading.tracking?.measurements).toEqual([{ indicatorId: "1.A.1-I1", quarter: "2026-T1", value: 12 }]);
    expect(reading.tracking?.plan.axes[0].subAxes[0].actions[0].title).toBe("Consolider l'offre d'accueil petite enfance");
    expect(reading.tracking?.plan.axes[2].subAxes[1].actions.map((action) => action.code)).toContain("3.B.4");
  });
});

describe("the fake Excel host is strict", () => {
  it("refuses to read a property before load and sync", async () => {
    const host = createFakeExcel(seedWorkbook([{ name: "Feuil1", values: [["a"]] }]));
    const range = host.context.workbook.worksheets.getItem("Feuil1").getRange("A1");
    expect(() => range.values).toThrow(/PropertyNotLoaded|not available/);
    range.load("values");
    expect(() => range.values).toThrow(/not available/);
    await host.context.sync();
    expect(range.values).toEqual([["a"]]);
    const maybe = host.context.workbook.worksheets.getItemOrNullObject("Absente");
    expect(() => maybe.isNullObject).toThrow(/not available/);
    await host.context.sync();
    expect(maybe.isNullObject).toBe(true);
  });

  it("refuses writes to locked cells of a protected sheet, and shapes that do not match", async () => {
    const host = createFakeExcel(seedWorkbook([{ name: "Feuil1", values: [["a", "b"]], protected: true, unlocked: ["B1"] }]));
    const sheet = host.context.workbook.worksheets.getItem("Feuil1");
    sheet.getRange("B1").values = [["ok"]];
    await host.context.sync();
    expect(host.cell("Feuil1", "B1")?.value).toBe("ok");
    sheet.getRange("A1").values = [["non"]];
    await expect(host.context.sync()).rejects.toMatchObject({ code: "AccessDenied" });
    sheet.protection.unprotect();
    sheet.getRange("A1:B1").values = [["un"]];
    await expect(host.context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
  });

  it("turns text starting with = into a formula unless the cell is text-formatted", async () => {
    const host = createFakeExcel(seedWorkbook([{ name: "Feuil1", values: [[null]] }]));
    const sheet = host.context.workbook.worksheets.getItem("Feuil1");
    sheet.getRange("A1").values = [["=1+1"]];
    sheet.getRange("B1").numberFormat = [["@"]];
    sheet.getRange("B1").values = [["=1+1"]];
    await host.context.sync();
    expect(host.cell("Feuil1", "A1")?.value).toEqual({ formula: "=1+1" });
    expect(host.cell("Feuil1", "B1")?.value).toBe("=1+1");
  });

  it("pads grids to A1 and gives null for empty cells", async () => {
    const state = seedWorkbook([
      {
        name: "Feuil1",
        values: [
          [null, null, null],
          [null, null, "x"],
          [null, 5, null],
        ],
      },
    ]);
    const host = createFakeExcel(state);
    const grids = await readGrids(host.context, ["Feuil1", "Vide"]);
    expect(grids.Feuil1).toEqual([[], [null, null, "x"], [null, 5, null]]);
    expect(grids.Vide).toBeUndefined();
    expect(host.stats.syncs).toBe(2);
  });
});
