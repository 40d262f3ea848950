import { deadlineYear, readPlan, readPlanJson } from "../../src/domain/plan";
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
    expect(byPath["axes[0].subAxes[0].actions[0].indicators[0].type"]).toMatch(/type d'indicateur « pourcentage » inconnu.*« nombre »/);
    expect(byPath["axes[1].subAxes[0].actions[0].title"]).toMatch(/ne doit pas être vide/);
    expect(byPath["convention.start"]).toMatch(/AAAA-MM-JJ/);
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
    expect(messages.some((m) => /^error axes\[1\].*code de fiche action « 1\.A\.2 » en double/.test(m))).toBe(true);
    expect(messages.some((m) => /^error convention\.end/.test(m))).toBe(true);
    expect(messages.some((m) => /^warning .*links\[0\].*« 9\.Z\.9 »/.test(m))).toBe(true);
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
