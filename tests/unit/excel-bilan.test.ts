import { applyWorkbookPlan, BilanRefused, generateBilan } from "../../src/excel";
import { computeReport } from "../../src/domain/report";
import { demoTracking } from "../../src/samples/demo-entries";
import { samplePlan } from "../../src/samples/sample-plan";
import { syntheticPlan, fullTracking } from "../../src/samples/synthetic-plan";
import { buildTableauPlan } from "../../src/workbook/build-tableau";
import { STATUS_CHART_COLORS } from "../../src/workbook/build-report";
import { SHEETS } from "../../src/workbook/layout";
import { createFakeExcel } from "../fake-excel";
import type { SheetState } from "../fake-excel";
import { NOW, TODAY } from "../support/small-plan";

// A 200-fiche tableau laid out on the fake host takes seconds on a loaded two-core machine: behaviour, not timings.
jest.setTimeout(30_000);

/** fullTracking() fills every quarter of the convention: read after its end, none is in the future. */
const AFTER_CONVENTION = "2031-03-01";

async function demoHost() {
  const host = createFakeExcel();
  await applyWorkbookPlan(host.context, buildTableauPlan(demoTracking(samplePlan()), { now: NOW }));
  host.resetStats();
  return host;
}

function snapshot(sheet: SheetState): string {
  return JSON.stringify([...sheet.cells].map(([key, cell]) => [key, cell.value, cell.numberFormat, cell.locked]));
}

function text(sheet: SheetState, row: number, col: number): unknown {
  return sheet.peek(row, col)?.value;
}

describe("Générer le bilan in the open workbook", () => {
  it("writes the bilan sheet with four native charts over its own data, in a constant number of syncs", async () => {
    const host = await demoHost();
    const entrySheets = [SHEETS.tracking, SHEETS.measurements, SHEETS.meta].map((name) => snapshot(host.sheet(name)));
    const generated = await generateBilan(host.context, { kind: "annual", year: 2026 }, { today: TODAY });
    expect(generated.sheetName).toBe("Bilan 2026");
    expect(host.stats.syncs).toBe(generated.syncs);
    expect(generated.syncs).toBeLessThanOrEqual(4);
    expect([SHEETS.tracking, SHEETS.measurements, SHEETS.meta].map((name) => snapshot(host.sheet(name)))).toEqual(entrySheets);

    const sheet = host.sheet("Bilan 2026");
    expect(host.state.activeSheet).toBe("Bilan 2026");
    // A new bilan goes after the tableau's tabs instead of pushing them aside.
    expect(host.state.sheets[host.state.sheets.length - 1].name).toBe("Bilan 2026");
    expect(host.state.sheets[0].name).toBe(SHEETS.guide);
    expect(sheet.page).toMatchObject({ orientation: "Landscape", paperSize: "A4" });

    const byName = new Map(sheet.charts.map((chart) => [chart.name, chart]));
    expect([...byName.keys()].sort()).toEqual(["CTG_PourcentageCible", "CTG_SerieIndicateur", "CTG_StatutsEnsemble", "CTG_StatutsParAxe"]);

    const axes = byName.get("CTG_StatutsParAxe")!;
    expect(axes.type).toBe("BarStacked");
    const report = generated.report;
    // Source: a header row, one row per axe; a label column and one column per status (with "Non renseigné").
    expect(axes.source.rows).toBe(report.statuses.perAxis.length + 1);
    expect(axes.source.cols).toBe(7);
    expect(text(sheet, axes.source.row + 1, axes.source.col)).toBe(`Axe ${report.statuses.perAxis[0].axis.code}`);
    expect(text(sheet, axes.source.row, axes.source.col + 3)).toBe("Réalisée");
    for (const [index, axis] of report.statuses.perAxis.entries()) {
      expect(text(sheet, axes.source.row + 1 + index, axes.source.col + 2)).toBe(axis.counts["En cours"]);
    }
    expect(axes.seriesFills[2]).toBe(STATUS_CHART_COLORS.Réalisée);

    const overall = byName.get("CTG_StatutsEnsemble")!;
    expect(overall.type).toBe("Doughnut");
    expect(overall.pointFills[1]).toBe(STATUS_CHART_COLORS["En cours"]);
    const counted = Array.from(
      { length: overall.source.rows - 1 },
      (_, index) => text(sheet, overall.source.row + 1 + index, overall.source.col + 1) as number,
    );
    expect(counted.reduce((sum, value) => sum + value, 0)).toBe(report.actions.length);

    const targets = byName.get("CTG_PourcentageCible")!;
    const withTarget = report.indicators.filter((figures) => figures.percentOfTarget !== undefined);
    expect(targets.source.rows).toBe(Math.min(withTarget.length, 30) + 1);
    expect(text(sheet, targets.source.row + 1, targets.source.col + 1)).toBe(withTarget[0].percentOfTarget);

    const series = byName.get("CTG_SerieIndicateur")!;
    expect(series.type).toBe("Line");
    expect(text(sheet, series.source.row + 1, series.source.col)).toBe("2026-T1");

    // Charts sit above the tables, inside the reserved rows, and do not overlap one another.
    const boxes = sheet.charts.map((chart) => chart.position!);
    for (const box of boxes) expect(box.end.row).toBeLessThan(axes.source.row);
    expect(boxes[0].end.col).toBeLessThan(boxes[1].start.col);
  });

  it("draws the line chart of the indicator the user picks", async () => {
    const host = await demoHost();
    const report = computeReport(demoTracking(samplePlan()), { kind: "annual", year: 2026, today: TODAY });
    const picked = report.indicators.filter((figures) => figures.perQuarter.some((point) => typeof point.value === "number")).at(-1)!;
    await generateBilan(host.context, { kind: "annual", year: 2026, seriesIndicatorId: picked.indicator.id }, { today: TODAY });
    const sheet = host.sheet("Bilan 2026");
    const series = sheet.charts.find((chart) => chart.name === "CTG_SerieIndicateur")!;
    expect(series.title).toContain(picked.indicator.label.slice(0, 20));
    expect(text(sheet, series.source.row, series.source.col + 1)).toBe(
      picked.indicator.label.length > 60 ? `${picked.indicator.label.slice(0, 59).trimEnd()}…` : picked.indicator.label,
    );
  });

  it("regenerates by replacing only its own charts and cells; the user's chart and other sheets stay", async () => {
    const host = await demoHost();
    await generateBilan(host.context, { kind: "annual", year: 2026 }, { today: TODAY });
    const sheet = host.sheet("Bilan 2026");
    // A chart the user drew on the bilan sheet, and a sheet of their own placed after it.
    sheet.charts.push({
      id: "{mon-graphique}",
      name: "Mon graphique",
      type: "Pie",
      source: { row: 0, col: 0, rows: 2, cols: 2 },
      seriesBy: "Columns",
      legend: { visible: true },
      seriesFills: {},
      pointFills: {},
      seriesLineColors: {},
    });
    host.state.sheets.push(new (sheet.constructor as new (name: string) => SheetState)("Mes notes"));
    const entries = snapshot(host.sheet(SHEETS.tracking));
    host.resetStats();
    const again = await generateBilan(host.context, { kind: "annual", year: 2026 }, { today: TODAY });
    expect(host.stats.syncs).toBe(again.syncs);
    const regenerated = host.sheet("Bilan 2026");
    expect(regenerated.charts.map((chart) => chart.name).sort()).toEqual([
      "CTG_PourcentageCible",
      "CTG_SerieIndicateur",
      "CTG_StatutsEnsemble",
      "CTG_StatutsParAxe",
      "Mon graphique",
    ]);
    expect(host.state.sheets.map((candidate) => candidate.name).slice(-2)).toEqual(["Bilan 2026", "Mes notes"]);
    expect(snapshot(host.sheet(SHEETS.tracking))).toBe(entries);
  });

  it("writes the bilan intermédiaire, the bilan final and the CDSF extract as sheets of their own", async () => {
    const host = await demoHost();
    // Before their periods end (2028, 2030): made as provisoire, as the pane offers them.
    await generateBilan(host.context, { kind: "midterm", provisional: true }, { today: TODAY });
    await generateBilan(host.context, { kind: "final", provisional: true }, { today: TODAY });
    const cdsf = await generateBilan(host.context, { kind: "final", cdsf: true, provisional: true }, { today: TODAY });
    expect(host.state.sheets.map((sheet) => sheet.name).slice(-3)).toEqual(["Bilan intermédiaire", "Bilan final", "Bilan final CDSF"]);
    expect(String(text(host.sheet("Bilan final CDSF"), 0, 0))).toContain("extrait petite enfance (CDSF)");
    expect(cdsf.report.actions.every((figures) => figures.action.fields.includes("petite enfance"))).toBe(true);
    expect(cdsf.report.actions.length).toBeGreaterThan(0);
  });

  it("refuses a workbook without a tableau, and a year outside the convention, in French", async () => {
    const empty = createFakeExcel();
    await expect(generateBilan(empty.context, { kind: "final" }, { today: TODAY })).rejects.toThrow(/ne contient pas de tableau de suivi/);
    const host = await demoHost();
    await expect(generateBilan(host.context, { kind: "annual", year: 2035 }, { today: TODAY })).rejects.toThrow(/hors de la période/);
    expect(host.state.find("Bilan 2035")).toBeUndefined();
    await expect(generateBilan(host.context, { kind: "annual", year: 2026, cdsf: true }, { today: TODAY }).then(() => "ok")).resolves.toBe("ok");

    // An entry in error would be left out of the figures: the bilan waits for it to be fixed, and names the cell.
    const tracking = host.sheet(SHEETS.tracking);
    const statusColumn = [...Array(12).keys()].find((col) => tracking.peek(0, col)?.value === "Statut")!;
    tracking.cell(1, statusColumn).value = "Presque fini";
    const refused = generateBilan(host.context, { kind: "final" }, { today: TODAY });
    await expect(refused).rejects.toBeInstanceOf(BilanRefused);
    await expect(refused).rejects.toThrow(/feuille «\sSuivi des fiches\s», cellule [A-Z]+2\s: .*Corrigez-les dans l'onglet Vérifier/);
    expect(host.state.find("Bilan final")).toBeUndefined();
  });

  it("refuses a CDSF extract when no fiche is in the petite-enfance champ", async () => {
    const host = createFakeExcel();
    const plan = syntheticPlan({ actions: 3, indicatorsPerAction: 1 });
    for (const axis of plan.axes) for (const sub of axis.subAxes) for (const action of sub.actions) action.fields = ["jeunesse"];
    await applyWorkbookPlan(host.context, buildTableauPlan(fullTracking(plan), { now: NOW }));
    await expect(generateBilan(host.context, { kind: "final", cdsf: true }, { today: AFTER_CONVENTION })).rejects.toThrow(
      /Aucune fiche action n'a le champ «\spetite enfance\s»/,
    );
  });

  it("lists the values to confirm in the sheet and says how many, without refusing the bilan; a value marked « Vérifié » is not listed", async () => {
    const tracking = demoTracking(samplePlan());
    // A count whose cible over the convention is 20, and a quarter typed with a zero too many: 350 instead of 35.
    tracking.plan.axes[0].subAxes[0].actions[0].indicators[0].target = 20;
    const places = tracking.measurements.find((entry) => entry.indicatorId === "1.A.1-I1" && entry.quarter === "2026-T2")!;
    places.value = 350;
    const host = createFakeExcel();
    await applyWorkbookPlan(host.context, buildTableauPlan(tracking, { now: NOW }));
    const generated = await generateBilan(host.context, { kind: "annual", year: 2026 }, { today: TODAY });
    expect(generated.report.toConfirm.map((finding) => [finding.kind, finding.place])).toEqual([
      ["aboveTarget", { kind: "value", indicatorId: "1.A.1-I1", quarter: "2026-T2" }],
    ]);
    expect(generated.notes).toContain(
      "1 valeur(s) à confirmer avant le COPIL, listées dans la feuille du bilan\u00a0: vérifiez-les dans l'onglet Vérifier, puis corrigez-les ou marquez-les «\u00a0Vérifié\u00a0».",
    );
    const sheet = host.sheet("Bilan 2026");
    const texts = [...sheet.cells.values()].map((cell) => cell.value);
    expect(texts).toContain("Valeurs à confirmer avant le COPIL (1)");
    expect(texts).toContain("1.A.1-I1");

    places.confirmed = true;
    const marked = createFakeExcel();
    await applyWorkbookPlan(marked.context, buildTableauPlan(tracking, { now: NOW }));
    const again = await generateBilan(marked.context, { kind: "annual", year: 2026 }, { today: TODAY });
    expect(again.report.toConfirm).toEqual([]);
    expect(again.notes).toEqual([]);
    expect([...marked.sheet("Bilan 2026").cells.values()].some((cell) => String(cell.value).startsWith("Valeurs à confirmer"))).toBe(false);
  });

  it("keeps the same number of syncs for 200 fiches, each request under the payload limit", async () => {
    const host = createFakeExcel();
    const plan = syntheticPlan({ actions: 200, indicatorsPerAction: 6 });
    await applyWorkbookPlan(host.context, buildTableauPlan(fullTracking(plan), { now: NOW }));
    host.resetStats();
    const generated = await generateBilan(host.context, { kind: "final" }, { today: AFTER_CONVENTION });
    expect(host.stats.syncs).toBe(generated.syncs);
    // Reading « Saisies » (24 000 rows) takes two slices since the « Vérifié » column: one sync more than for 1.2.
    expect(generated.syncs).toBeLessThanOrEqual(6);
    expect(Math.max(...host.stats.requestBytes)).toBeLessThan(5 * 1024 * 1024);
    expect(generated.charts).toBe(4);
  });
});
