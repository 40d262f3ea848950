/** Values that are valid but probably wrong, on histories built here: what must be flagged and what must not. */
import { type Finding, plausibilityFindings } from "../../src/domain/plausibility";
import type { Indicator, Plan } from "../../src/domain/plan";
import { quartersBetween } from "../../src/domain/quarters";
import type { Measurement, StatusEntry, Tracking } from "../../src/domain/tracking";
import type { Status } from "../../src/domain/vocabulary";

const QUARTERS = quartersBetween("2026-01-01", "2030-12-31");

function plan(indicators: Partial<Indicator>[]): Plan {
  return {
    convention: { territory: "Commune de Test", start: "2026-01-01", end: "2030-12-31", signatories: [] },
    axes: [
      {
        code: "1",
        title: "Axe",
        subAxes: [
          {
            code: "1.A",
            title: "Sous-axe",
            actions: [
              {
                code: "1.A.1",
                title: "Fiche",
                deadline: "2030",
                pilots: [],
                partners: [],
                fields: [],
                links: [],
                objectives: [],
                indicators: indicators.map((indicator, index) => ({
                  id: `I${index + 1}`,
                  label: `Indicateur ${index + 1}`,
                  type: "nombre",
                  aggregation: "somme",
                  periodicity: "trimestrielle",
                  ...indicator,
                })),
              },
            ],
          },
        ],
      },
    ],
  };
}

/** A series of values from 2026-T1 on; `null` leaves a quarter empty. */
function series(indicatorId: string, values: (number | null)[]): Measurement[] {
  return values.flatMap((value, index) => (value === null ? [] : [{ indicatorId, quarter: QUARTERS[index], value }]));
}

function statuses(list: (Status | null)[], extra: Partial<StatusEntry>[] = []): StatusEntry[] {
  return list.flatMap((status, index) => (status === null ? [] : [{ actionCode: "1.A.1", quarter: QUARTERS[index], status, ...extra[index] }]));
}

function tracking(indicators: Partial<Indicator>[], measurements: Measurement[], statusEntries: StatusEntry[] = []): Tracking {
  return { plan: plan(indicators), measurements, statuses: statusEntries, lockedQuarters: [], archive: [] };
}

const where = (findings: Finding[]) =>
  findings.map(
    (finding) => `${finding.kind} ${finding.place.kind === "value" ? finding.place.indicatorId : finding.place.actionCode} ${finding.place.quarter}`,
  );

describe("plausibility checks", () => {
  it("flags a value far from its history (1 200 typed for 120) with the previous values, and not ordinary variation", () => {
    const flows = [118, 126, 131, 109, 122, 1200, 127, 140, 96, 150];
    const findings = plausibilityFindings(tracking([{ aggregation: "somme" }], series("I1", flows)));
    expect(where(findings)).toEqual(["outlier I1 2027-T2"]);
    expect(findings[0].message).toMatch(/valeur 1 200 inhabituelle pour I1\s: les 5 trimestres précédents sont autour de 122/);
    expect(findings[0].previous.map((point) => point.value)).toEqual([126, 131, 109, 122]);
  });

  it("accepts a steady series' small moves, and a busy quarter every year once a year has shown it", () => {
    expect(plausibilityFindings(tracking([{}], series("I1", [50, 50, 50, 50, 53, 47, 50, 51])))).toEqual([]);
    // A summer holiday programme: high every third quarter. The first summer has nothing like it before it.
    const summers = [5, 8, 300, 6, 4, 7, 320, 5, 6, 9, 290, 7];
    expect(where(plausibilityFindings(tracking([{}], series("I1", summers))))).toEqual(["farFromHistory I1 2026-T3"]);
  });

  it("from the third value on, flags a value at least 5 times the median of those before it, or under a fifth of it, with them", () => {
    const typo = plausibilityFindings(tracking([{}], series("I1", [3, 5, 6, 4500])));
    expect(where(typo)).toEqual(["farFromHistory I1 2026-T4"]);
    expect(typo[0].message).toBe(
      "valeur 4 500 de I1 au moins 5 fois la médiane (5) des 3 trimestres précédents (3, 5, 6)\u00a0; une erreur de frappe (un zéro de trop ou de moins)\u00a0?",
    );
    expect(typo[0].previous).toEqual([
      { quarter: "2026-T1", value: 3 },
      { quarter: "2026-T2", value: 5 },
      { quarter: "2026-T3", value: 6 },
    ]);
    const fallen = plausibilityFindings(tracking([{ aggregation: "moyenne" }], series("I1", [40, 50, 9])));
    expect(where(fallen)).toEqual(["farFromHistory I1 2026-T3"]);
    expect(fallen[0].message).toMatch(/^valeur 9 de I1 moins d'un cinquième de la médiane \(45\) des 2 trimestres précédents \(40, 50\)/);
    expect(where(plausibilityFindings(tracking([{}], series("I1", [10, 11, 100]))))).toEqual(["farFromHistory I1 2026-T3"]);
    // Four times, a fourth: ordinary in a first year.
    expect(plausibilityFindings(tracking([{ aggregation: "moyenne" }], series("I1", [10, 11, 42, 3])))).toEqual([]);
    // An activity that starts (a median of zero), a small count moving by one: no scale to judge by.
    expect(plausibilityFindings(tracking([{}], series("I1", [0, 0, 12])))).toEqual([]);
    expect(plausibilityFindings(tracking([{ aggregation: "moyenne" }], series("I1", [1, 1, 0, 2, 0])))).toEqual([]);
    // One earlier value is not a history.
    expect(plausibilityFindings(tracking([{}], series("I1", [3, 4500])))).toEqual([]);
  });

  it("before any history, flags a value at least 10 times its référence; with a cible, 3 times the cible", () => {
    const first = plausibilityFindings(tracking([{ aggregation: "moyenne", baseline: 40 }], series("I1", [450])));
    expect(where(first)).toEqual(["farFromReference I1 2026-T1"]);
    expect(first[0].message).toBe(
      "valeur 450 de I1 au moins 10 fois sa valeur de référence (40), sans trimestre précédent pour comparer\u00a0: l'unité ou la valeur est-elle la bonne\u00a0?",
    );
    const second = plausibilityFindings(tracking([{ aggregation: "somme", baseline: 20 }], series("I1", [15, 700])));
    expect(where(second)).toEqual(["farFromReference I1 2026-T2"]);
    expect(second[0].previous).toEqual([{ quarter: "2026-T1", value: 15 }]);
    expect(where(plausibilityFindings(tracking([{ aggregation: "somme", baseline: 20, target: 60 }], series("I1", [700]))))).toEqual([
      "aboveTarget I1 2026-T1",
    ]);
    // Under 10 times, a référence with a cible far above it, nothing to compare with: no warning.
    expect(plausibilityFindings(tracking([{ aggregation: "moyenne", baseline: 40 }], series("I1", [390])))).toEqual([]);
    expect(plausibilityFindings(tracking([{ aggregation: "somme", baseline: 20, target: 600 }], series("I1", [250])))).toEqual([]);
    expect(plausibilityFindings(tracking([{}], series("I1", [4500])))).toEqual([]);
  });

  it("flags a « Somme » indicator typed as running totals, not a series that merely grows a little", () => {
    const cumulative = [12, 25, 37, 52, 61];
    expect(where(plausibilityFindings(tracking([{ aggregation: "somme" }], series("I1", cumulative))))).toEqual([
      "runningTotal I1 2026-T4",
      "runningTotal I1 2027-T1",
    ]);
    expect(plausibilityFindings(tracking([{ aggregation: "somme" }], series("I1", [20, 21, 23, 24, 22])))).toEqual([]);
    // The same numbers are fine for a « Dernière valeur » indicator, which a cumulative count is.
    expect(plausibilityFindings(tracking([{ aggregation: "derniere" }], series("I1", cumulative)))).toEqual([]);
  });

  it("flags a « Dernière valeur » count that drops sharply, not a small decrease", () => {
    const findings = plausibilityFindings(tracking([{ aggregation: "derniere" }], series("I1", [40, 80, 120, 40])));
    expect(where(findings)).toEqual(["sharpDrop I1 2026-T4"]);
    expect(findings[0].message).toMatch(/tombe de 120 à 40/);
    expect(plausibilityFindings(tracking([{ aggregation: "derniere" }], series("I1", [40, 80, 120, 100])))).toEqual([]);
  });

  it("flags a value above 3 times its cible, and a « Somme » whose total passes 3 times its cible once", () => {
    expect(where(plausibilityFindings(tracking([{ aggregation: "derniere", target: 50 }], series("I1", [40, 45, 160]))))).toEqual(["aboveTarget I1 2026-T3"]);
    expect(plausibilityFindings(tracking([{ aggregation: "derniere", target: 50 }], series("I1", [40, 45, 140])))).toEqual([]);
    const sums = plausibilityFindings(tracking([{ aggregation: "somme", target: 40 }], series("I1", [30, 35, 32, 28, 31, 33])));
    expect(where(sums)).toEqual(["aboveTarget I1 2026-T4"]);
    expect(sums[0].message).toMatch(/le total des trimestres de I1 atteint 125, plus de 3 fois sa cible \(40\)/);
  });

  it("flags a value far below its référence and lower than any quarter before, not one the history has already seen", () => {
    const indicator = { aggregation: "moyenne" as const, baseline: 100 };
    expect(where(plausibilityFindings(tracking([indicator], series("I1", [95, 102, 30]))))).toEqual(["belowBaseline I1 2026-T3"]);
    expect(where(plausibilityFindings(tracking([indicator], series("I1", [95, 25, 102, 30]))))).toEqual(["belowBaseline I1 2026-T2"]);
    expect(plausibilityFindings(tracking([indicator], series("I1", [95, 102, 60])))).toEqual([]);
  });

  it("flags a taux stuck at exactly 0 % or 100 % for three quarters while the fiche is « En cours »", () => {
    const rate = [{ type: "taux" as const, aggregation: "moyenne" as const }];
    const running: Status[] = ["En cours", "En cours", "En cours", "En cours"];
    expect(where(plausibilityFindings(tracking(rate, series("I1", [0, 0, 0, 0]), statuses(running))))).toEqual([
      "stuckRate I1 2026-T3",
      "stuckRate I1 2026-T4",
    ]);
    expect(plausibilityFindings(tracking(rate, series("I1", [100, 100, 100]), statuses(["En cours", "En cours", "Réalisée"])))).toEqual([]);
    expect(plausibilityFindings(tracking(rate, series("I1", [0, 0, 5]), statuses(running)))).toEqual([]);
  });

  it("flags a fiche « Réalisée » in its last quarter with an indicator left empty there", () => {
    const findings = plausibilityFindings(
      tracking([{}, {}], [...series("I1", [3, 4, 5]), ...series("I2", [1, 2])], statuses(["En cours", "En cours", "Réalisée"])),
    );
    expect(where(findings)).toEqual(["doneWithoutValue I2 2026-T3"]);
    expect(findings[0].message).toMatch(/la fiche 1\.A\.1 est «\sRéalisée\s» au 3e trimestre 2026, mais l'indicateur I2 n'a pas de valeur/);
    expect(plausibilityFindings(tracking([{}], series("I1", [3, 4, 5]), statuses(["En cours", "En cours", "Réalisée"])))).toEqual([]);
  });

  it("flags a status that goes back without an ajustement, and accepts it with one", () => {
    expect(where(plausibilityFindings(tracking([], [], statuses(["En cours", "Réalisée", "En cours"]))))).toEqual(["statusBack 1.A.1 2026-T3"]);
    expect(
      plausibilityFindings(tracking([], [], statuses(["En cours", "Réalisée", "En cours"], [{}, {}, { adjustments: "Réouverte : nouvelle demande" }]))),
    ).toEqual([]);
    // Reportée then En cours is the fiche starting again, not going back.
    expect(plausibilityFindings(tracking([], [], statuses(["En cours", "Reportée", "En cours"])))).toEqual([]);
  });

  it("does not raise again what the person marked as verified", () => {
    const flows = series("I1", [118, 126, 131, 109, 1200]);
    flows[4].confirmed = true;
    expect(plausibilityFindings(tracking([{}], flows))).toEqual([]);
    const back = statuses(["En cours", "Réalisée", "En cours"]);
    back[2].confirmed = true;
    expect(plausibilityFindings(tracking([], [], back))).toEqual([]);
  });

  it("leaves texts, yes / no answers and scales alone", () => {
    const others = [{ type: "texte" as const }, { type: "oui-non" as const }, { type: "echelle" as const, aggregation: "moyenne" as const }];
    const measurements: Measurement[] = [
      ...["a", "b", "c", "d", "e"].map((value, index) => ({ indicatorId: "I1", quarter: QUARTERS[index], value })),
      ...[true, true, false, true, false].map((value, index) => ({ indicatorId: "I2", quarter: QUARTERS[index], value })),
      ...series("I3", [3, 3, 3, 3, 1]),
    ];
    expect(plausibilityFindings(tracking(others, measurements))).toEqual([]);
  });
});
