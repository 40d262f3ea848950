import {
  CONVENTION_YEARS,
  MAX_CONVENTION_YEARS,
  PLAN_FILE_LIMITS,
  conventionPeriodProblems,
  deadlineYear,
  readPlan,
  readPlanJson,
} from "../../src/domain/plan";
import type { LocatedIssue } from "../../src/workbook/grid-reader";
import { CONVENTION_ROWS, SHEETS } from "../../src/workbook/layout";
import { readConvention } from "../../src/workbook/parse-structure";
import type { Grid } from "../../src/workbook/sheet-plan";
import { SMALL_PLAN_JSON, smallPlan } from "../support/small-plan";

describe("reading a plan JSON", () => {
  it("accepts a plan that uses only the documented minimal keys", () => {
    const reading = readPlan({
      convention: { territory: "CC Exemple", start: "2026-01-01", end: "2030-12-31" },
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
                  deadline: "Dès 2026",
                  pilots: [],
                  partners: [],
                  fields: ["jeunesse"],
                  links: [],
                  indicators: [{ label: "Nombre de jeunes", type: "nombre" }],
                },
              ],
            },
          ],
        },
      ],
    });
    expect(reading.ok).toBe(true);
    if (!reading.ok) return;
    const indicator = reading.plan.axes[0].subAxes[0].actions[0].indicators[0];
    expect(indicator).toEqual({ id: "1.A.1-I1", label: "Nombre de jeunes", type: "nombre", aggregation: "somme", periodicity: "trimestrielle" });
  });

  it("fills defaults and keeps optional keys", () => {
    const plan = smallPlan();
    const action = plan.axes[0].subAxes[0].actions[0];
    expect(action.indicators.map((indicator) => [indicator.id, indicator.type, indicator.aggregation])).toEqual([
      ["1.A.1-I1", "nombre", "derniere"],
      ["1.A.1-I2", "taux", "moyenne"],
      ["1.A.1-I3", "montant", "somme"],
    ]);
    expect(action.indicators[0].unit).toBe("places");
  });

  it("accepts accented and capitalised spellings of closed lists", () => {
    const json = structuredClone(SMALL_PLAN_JSON);
    const indicator = json.axes[0].subAxes[0].actions[1].indicators[1] as Record<string, unknown>;
    indicator.type = "Échelle";
    indicator.aggregation = "dernière valeur";
    json.axes[0].subAxes[0].actions[1].fields = ["Petite-enfance"];
    const reading = readPlan(json);
    expect(reading.ok).toBe(true);
    if (!reading.ok) return;
    const action = reading.plan.axes[0].subAxes[0].actions[1];
    expect(action.fields).toEqual(["petite enfance"]);
    expect(action.indicators[1]).toMatchObject({ type: "echelle", aggregation: "derniere" });
  });

  it("names the JSON path of each problem, in French", () => {
    const json = structuredClone(SMALL_PLAN_JSON) as Record<string, unknown>;
    const axes = json.axes as { subAxes: { actions: Record<string, unknown>[] }[] }[];
    axes[0].subAxes[0].actions[0].indicators = [{ label: "Taux", type: "pourcentage" }];
    axes[1].subAxes[0].actions[0].title = "";
    (json.convention as Record<string, unknown>).start = "01/01/2026";
    const reading = readPlan(json);
    expect(reading.ok).toBe(false);
    const byPath = Object.fromEntries(reading.issues.map((issue) => [issue.path, issue.message]));
    expect(byPath["axes[0].subAxes[0].actions[0].indicators[0].type"]).toMatch(/type d'indicateur «\spourcentage\s» inconnu.*«\snombre\s»/);
    expect(byPath["axes[1].subAxes[0].actions[0].title"]).toMatch(/ne doit pas être vide/);
    expect(byPath["convention.start"]).toMatch(/AAAA-MM-JJ/);
  });

  it("names an impossible convention date as such, not as a bad format", () => {
    const json = structuredClone(SMALL_PLAN_JSON) as Record<string, unknown>;
    (json.convention as Record<string, unknown>).end = "2030-02-31";
    const reading = readPlan(json);
    expect(reading.ok).toBe(false);
    const message = reading.issues.find((issue) => issue.path === "convention.end")?.message;
    expect(message).toMatch(/la date de fin «.2030-02-31.» n'existe pas dans le calendrier/);
    expect(message).not.toMatch(/format/);
  });

  it("reports a missing key and a wrong type", () => {
    const reading = readPlan({ convention: { start: "2026-01-01", end: "2030-12-31" }, axes: "non" });
    expect(reading.ok).toBe(false);
    const paths = reading.issues.map((issue) => issue.path);
    expect(paths).toContain("convention.territory");
    expect(paths).toContain("axes");
    expect(reading.issues.find((issue) => issue.path === "convention.territory")?.message).toMatch(/obligatoire|manquante/);
  });

  it("rejects duplicate codes and an end before the start, and warns on a link to an unknown fiche", () => {
    const json = structuredClone(SMALL_PLAN_JSON);
    json.axes[1].subAxes[0].actions[0].code = "1.A.2";
    json.axes[0].subAxes[0].actions[0].links = ["9.Z.9"];
    json.convention.end = "2025-12-31";
    const reading = readPlan(json);
    expect(reading.ok).toBe(false);
    const messages = reading.issues.map((issue) => `${issue.severity} ${issue.path} ${issue.message}`);
    expect(messages.some((m) => /^error axes\[1\].*code de fiche action «\s1\.A\.2\s» en double/.test(m))).toBe(true);
    expect(messages.some((m) => /^error convention\.end/.test(m))).toBe(true);
    expect(messages.some((m) => /^warning .*links\[0\].*«\s9\.Z\.9\s»/.test(m))).toBe(true);
  });

  it("rejects a target out of the indicator's bounds", () => {
    const json = structuredClone(SMALL_PLAN_JSON);
    (json.axes[0].subAxes[0].actions[0].indicators[1] as Record<string, unknown>).target = 140;
    const reading = readPlan(json);
    expect(reading.ok).toBe(false);
    expect(reading.issues[0]).toMatchObject({ path: "axes[0].subAxes[0].actions[0].indicators[1].target", severity: "error" });
  });

  it("reports invalid JSON text without throwing", () => {
    const reading = readPlanJson('{ "convention": ');
    expect(reading.ok).toBe(false);
    expect(reading.issues[0].message).toMatch(/n'est pas un JSON valide/);
  });

  it("never throws on arbitrary values", () => {
    const samples: unknown[] = [null, 42, "plan", [], { axes: [null] }, { convention: [], axes: [{ subAxes: [{ actions: [{ indicators: [1] }] }] }] }];
    for (const sample of samples) {
      const reading = readPlan(sample);
      expect(reading.ok).toBe(false);
      expect(reading.issues.length).toBeGreaterThan(0);
      for (const issue of reading.issues) expect(issue.message).not.toMatch(/^Invalid|expected/);
    }
  });
});

describe("deadline year", () => {
  it.each([
    ["2027", 2027],
    ["Fin 2026", 2026],
    ["Dès 2026", undefined],
    ["À partir de 2027", undefined],
    ["Tout au long de la convention", undefined],
    ["2026-2028", 2028],
  ])("%s gives %s", (text, year) => {
    expect(deadlineYear(text)).toBe(year);
  });
});

describe("the convention's period", () => {
  it("lasts ten years at most and falls between 2000 and 2100", () => {
    expect([MAX_CONVENTION_YEARS, CONVENTION_YEARS]).toEqual([10, { first: 2000, last: 2100 }]);
    expect(conventionPeriodProblems("2026-01-01", "2030-12-31")).toEqual([]);
    expect(conventionPeriodProblems("2026-01-01", "2035-12-31")).toEqual([]);
    expect(conventionPeriodProblems("2026-01-01", "2036-01-01")).toEqual([{ field: "end", kind: "tooLong" }]);
    expect(conventionPeriodProblems("2025-07-01", "2035-06-30")).toEqual([]);
    expect(conventionPeriodProblems("2091-01-01", "2100-12-31")).toEqual([]);
    expect(conventionPeriodProblems("2026-01-01", "9999-12-31")).toEqual([{ field: "end", kind: "outOfYears" }]);
    expect(conventionPeriodProblems("1999-12-31", "2003-12-31")).toEqual([{ field: "start", kind: "outOfYears" }]);
    expect(conventionPeriodProblems("0026-01-01", "9999-12-31")).toEqual([
      { field: "start", kind: "outOfYears" },
      { field: "end", kind: "outOfYears" },
    ]);
  });

  it("is checked by the plan reader, naming the field", () => {
    const withPeriod = (start: string, end: string) => readPlan({ ...SMALL_PLAN_JSON, convention: { ...SMALL_PLAN_JSON.convention, start, end } });
    expect(withPeriod("2026-01-01", "9999-12-31")).toEqual({
      ok: false,
      issues: [{ path: "convention.end", severity: "error", message: "la date de fin (31/12/9999) doit tomber entre le 01/01/2000 et le 31/12/2100" }],
    });
    expect(withPeriod("1999-01-01", "2003-12-31").issues).toEqual([
      { path: "convention.start", severity: "error", message: "la date de début (01/01/1999) doit tomber entre le 01/01/2000 et le 31/12/2100" },
    ]);
    expect(withPeriod("2026-01-01", "2040-12-31").issues).toEqual([
      {
        path: "convention.end",
        severity: "error",
        message:
          "la date de fin (31/12/2040) donne une convention de plus de 10 ans depuis le 01/01/2026\u00a0: une CTG dure 4 à 5 ans\u00a0; vérifiez l'année",
      },
    ]);
    expect(withPeriod("2026-01-01", "2035-12-31").ok).toBe(true);
  });

  it("is checked when a tableau's convention is read back, at the date's cell, and nothing is built from it", () => {
    const grid = (end: string): Grid => [
      ["Rubrique", "Valeur"],
      [CONVENTION_ROWS.territory, "Commune de Test"],
      [CONVENTION_ROWS.start, "01/01/2026"],
      [CONVENTION_ROWS.end, end],
    ];
    const read = (end: string) => {
      const issues: LocatedIssue[] = [];
      const convention = readConvention({ [SHEETS.convention]: grid(end) }, issues);
      return { convention, issues: issues.map(({ sheet, cell, severity, message }) => ({ sheet, cell, severity, message })) };
    };
    expect(read("31/12/9999")).toEqual({
      convention: undefined,
      issues: [
        { sheet: SHEETS.convention, cell: "B4", severity: "error", message: "la date de fin (31/12/9999) doit tomber entre le 01/01/2000 et le 31/12/2100" },
      ],
    });
    expect(read("31/12/2040").issues).toEqual([
      expect.objectContaining({
        cell: "B4",
        message: "la période de la convention dépasse 10 ans\u00a0: une CTG dure 4 à 5 ans\u00a0; vérifiez la date de fin",
      }),
    ]);
    expect(read("31/12/2030")).toMatchObject({ convention: { start: "2026-01-01", end: "2030-12-31" }, issues: [] });
  });
});

describe("the plan file's size", () => {
  it("is bounded, for text handed over without a size too", () => {
    expect(PLAN_FILE_LIMITS.maxBytes).toBe(5 * 1024 * 1024);
    const json = JSON.stringify(SMALL_PLAN_JSON);
    expect(readPlanJson(json + " ".repeat(PLAN_FILE_LIMITS.maxBytes + 1 - json.length)).ok).toBe(false);
    const reading = readPlanJson(json + " ".repeat(6 * 1024 * 1024 - json.length));
    expect(reading).toEqual({
      ok: false,
      issues: [
        {
          path: "(fichier)",
          severity: "error",
          message:
            "le fichier pèse 6 Mo pour une limite de 5 Mo\u00a0: un plan d'actions en pèse quelques dizaines de ko\u00a0; vérifiez que c'est le bon fichier",
        },
      ],
    });
    expect(readPlanJson(json + " ".repeat(PLAN_FILE_LIMITS.maxBytes - json.length)).ok).toBe(true);
  });
});
