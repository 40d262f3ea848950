import { readPlan } from "../../src/domain/plan";
import { aggregate, computeReport, midtermEnd, reportPeriod } from "../../src/domain/report";
import type { Tracking } from "../../src/domain/tracking";
import { SMALL_PLAN_JSON } from "../support/small-plan";

function tracking(): Tracking {
  const json = JSON.parse(JSON.stringify(SMALL_PLAN_JSON));
  json.axes[0].subAxes[0].actions[0].indicators[0].baseline = 8;
  json.axes[0].subAxes[0].actions[0].indicators[0].target = 20;
  json.axes[0].subAxes[0].actions[0].indicators[2].target = 3000;
  const reading = readPlan(json);
  if (!reading.ok) throw new Error("plan");
  return {
    plan: reading.plan,
    statuses: [
      { actionCode: "1.A.1", quarter: "2026-T1", status: "En cours", progress: 20, difficulties: "Terrain à trouver" },
      { actionCode: "1.A.1", quarter: "2026-T3", status: "En cours", progress: 60, adjustments: "Ouverture décalée" },
      { actionCode: "2.A.1", quarter: "2026-T2", status: "Abandonnée", difficulties: "Plus de porteur" },
      // 1.A.2 only starts being followed in 2027, as a fiche added mid-convention would be
      { actionCode: "1.A.2", quarter: "2027-T1", status: "Réalisée", progress: 100 },
    ],
    measurements: [
      { indicatorId: "1.A.1-I1", quarter: "2026-T1", value: 10 },
      { indicatorId: "1.A.1-I1", quarter: "2026-T2", value: 12 },
      { indicatorId: "1.A.1-I1", quarter: "2026-T4", value: 15 },
      { indicatorId: "1.A.1-I1", quarter: "2027-T2", value: 18 },
      { indicatorId: "1.A.1-I2", quarter: "2026-T1", value: 80 },
      { indicatorId: "1.A.1-I2", quarter: "2026-T2", value: 90 },
      { indicatorId: "1.A.1-I3", quarter: "2026-T1", value: 1000.5 },
      { indicatorId: "1.A.1-I3", quarter: "2026-T3", value: 499.5 },
      { indicatorId: "1.A.2-I1", quarter: "2026-T2", value: true },
    ],
    lockedQuarters: [],
    archive: [],
  };
}

/** After the convention (2026-2027): every figure as of the end of the period asked for. */
const AFTER = "2028-02-01";

describe("bilan figures", () => {
  it("aggregates by each rule, and by none when nothing was entered", () => {
    expect(aggregate([10, 12, 15], "somme")).toBe(37);
    expect(aggregate([10, 12, 15], "derniere")).toBe(15);
    expect(aggregate([80, 90], "moyenne")).toBe(85);
    expect(aggregate([], "somme")).toBeUndefined();
    expect(aggregate([true, false], "derniere")).toBe(false);
  });

  it("covers the year, the convention up to the end of its middle year, or all of it", () => {
    expect(reportPeriod(tracking(), { kind: "annual", year: 2027 })).toEqual(["2027-T1", "2027-T2", "2027-T3", "2027-T4"]);
    expect(midtermEnd(tracking())).toBe("2026-T4");
    expect(reportPeriod(tracking(), { kind: "midterm" })).toHaveLength(4);
    expect(reportPeriod(tracking(), { kind: "midterm", until: "2027-T2" })).toHaveLength(6);
    expect(reportPeriod(tracking(), { kind: "final" })).toHaveLength(8);
    expect(() => reportPeriod(tracking(), { kind: "annual", year: 2031 })).toThrow(/hors de la période/);
  });

  it("computes the 2026 point d'étape by hand-checked figures", () => {
    const report = computeReport(tracking(), { kind: "annual", year: 2026, today: AFTER });
    expect(report.title).toBe("Point d'étape 2026");
    expect(report.statuses.overall).toMatchObject({ "En cours": 1, Abandonnée: 1, "Non renseigné": 1, Réalisée: 0 });
    expect(report.statuses.percentDone).toBe(0);
    expect(report.statuses.perAxis.map((entry) => [entry.axis.code, entry.averageProgress])).toEqual([
      ["1", 60],
      ["2", undefined],
    ]);
    const byId = Object.fromEntries(report.indicators.map((figures) => [figures.indicator.id, figures]));
    expect(byId["1.A.1-I1"]).toMatchObject({ value: 15, baseline: 8, target: 20, percentOfTarget: 75 });
    expect(byId["1.A.1-I1"].perQuarter.map((point) => point.value)).toEqual([10, 12, undefined, 15]);
    expect(byId["1.A.1-I2"].value).toBe(85);
    expect(byId["1.A.1-I3"]).toMatchObject({ value: 1500, percentOfTarget: 50 });
    expect(byId["1.A.2-I1"].value).toBe(true);
    expect(byId["2.A.1-I1"].value).toBeUndefined();
    const first = report.actions.find((figures) => figures.action.code === "1.A.1")!;
    expect(first.latestDifficulties).toEqual({ quarter: "2026-T1", text: "Terrain à trouver" });
    expect(first.latestAdjustments).toEqual({ quarter: "2026-T3", text: "Ouverture décalée" });
    // statuses: 3 fiches × 4 quarters expected, 3 entered; values: 5 quarterly indicators × 4 + 1 annual expected, 8 entered
    expect(report.completeness).toEqual({ statusesFilled: 3, statusesExpected: 12, valuesFilled: 8, valuesExpected: 5 * 4 + 1 });
  });

  it("finds late fiches at the end of the period, never an abandoned one", () => {
    const report = computeReport(tracking(), { kind: "annual", year: 2027, today: AFTER });
    expect(report.late.map((figures) => figures.action.code)).toEqual(["1.A.1"]);
    expect(report.actions.find((figures) => figures.action.code === "2.A.1")).toMatchObject({ status: "Abandonnée", late: false });
  });

  it("gives the evolution since the start in the bilan final", () => {
    const report = computeReport(tracking(), { kind: "final", today: AFTER });
    const places = report.indicators.find((figures) => figures.indicator.id === "1.A.1-I1")!;
    expect(places).toMatchObject({ value: 18, changeFromBaseline: 10, percentOfTarget: 90 });
    expect(places.perYear).toEqual([
      { year: 2026, value: 15 },
      { year: 2027, value: 18 },
    ]);
    expect(report.statuses.overall.Réalisée).toBe(1);
    expect(report.statuses.percentDone).toBe(33.3);
  });

  it("is made as of a date: before its period ends, a bilan intermédiaire or final is refused unless asked for as provisoire", () => {
    expect(() => computeReport(tracking(), { kind: "final", today: "2026-08-20" })).toThrow(
      /Bilan impossible\s: le bilan final couvre la période jusqu'au 31\/12\/2027\s: il ne peut être arrêté qu'après cette date\. Pour le voir tel qu'il est au 20\/08\/2026, demandez-le comme bilan provisoire \(--provisoire/,
    );
    expect(() => computeReport(tracking(), { kind: "midterm", today: "2026-12-31" })).toThrow(/jusqu'au 31\/12\/2026/);
    expect(computeReport(tracking(), { kind: "midterm", today: "2027-01-01" }).provisional).toBe(false);
    expect(() => computeReport(tracking(), { kind: "annual", year: 2027, today: "2026-08-20" })).toThrow(/commence le 01\/01\/2027/);

    const provisional = computeReport(tracking(), { kind: "final", today: "2026-08-20", provisional: true });
    expect(provisional).toMatchObject({ asOf: "2026-08-20", provisional: true, endedQuarters: 2 });
    // Only ended quarters can miss an entry: T1 and T2, 3 fiches each; values of T1 and T2 only.
    expect(provisional.completeness).toEqual({ statusesFilled: 2, statusesExpected: 6, valuesFilled: 6, valuesExpected: 10 });
    // The échéance (2026) has not passed on 20/08/2026: nothing is late yet.
    expect(provisional.late).toEqual([]);
    // No point for quarters not begun.
    expect(provisional.indicators.find((figures) => figures.indicator.id === "1.A.1-I1")!.perQuarter.map((point) => point.quarter)).toEqual([
      "2026-T1",
      "2026-T2",
      "2026-T3",
    ]);
    // A point d'étape may be made during its year: as of that day, never provisoire.
    expect(computeReport(tracking(), { kind: "annual", year: 2026, today: "2026-08-20" })).toMatchObject({ asOf: "2026-08-20", provisional: false });
  });

  it("finds a fiche late only once its échéance has passed at the bilan's date", () => {
    expect(computeReport(tracking(), { kind: "midterm", today: "2027-01-05" }).late).toEqual([]);
    const later = computeReport(tracking(), { kind: "final", today: "2027-01-05", provisional: true });
    expect(later.asOf).toBe("2027-01-05");
    expect(later.late.map((figures) => figures.action.code)).toEqual(["1.A.1"]);
  });
});
