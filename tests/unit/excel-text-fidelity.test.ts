/**
 * Texts stay texts in the open workbook. Excel reads a string written to `values` with en-US conventions: a code
 * "1.1", "2.10" or "01", an échéance "06/2027" or a territory "2026" would come back as numbers or dates. The fake
 * host converts them as Excel does, behind Microsoft's runtime; the add-in must write them as text.
 */
import { readGrids, setUpTableau, writeQuarterEntry } from "../../src/excel";
import { readPlan } from "../../src/domain/plan";
import { SHEETS } from "../../src/workbook/layout";
import { TABLEAU_SHEETS, readTableau } from "../../src/workbook/parse-tableau";
import { createFakeExcel, seedWorkbook } from "../fake-excel";
import { NOW } from "../support/small-plan";

const TODAY = "2026-11-24";

function numberLikePlan() {
  const read = readPlan({
    convention: { territory: "2026", start: "2026-01-01", end: "2027-12-31", caf: "01", signatories: ["1.1"] },
    axes: [
      {
        code: "1",
        title: "Axe numéroté",
        subAxes: [
          {
            code: "1.1",
            title: "Sous-axe 1.1",
            actions: [
              {
                code: "1.1.1",
                title: "Fiche ordinaire",
                deadline: "06/2027",
                pilots: ["1"],
                partners: [],
                fields: ["autre"],
                links: [],
                indicators: [{ id: "01", label: "2.10", type: "texte", unit: "1.5" }],
              },
              {
                code: "2.10",
                title: "10",
                deadline: "2027",
                pilots: [],
                partners: [],
                fields: ["autre"],
                links: [],
                indicators: [{ id: "1.1", label: "Taux", type: "taux" }],
              },
            ],
          },
        ],
      },
    ],
  });
  if (!read.ok) throw new Error(JSON.stringify(read.issues));
  return read.plan;
}

describe("codes and identifiers that look like numbers", () => {
  it("the fake host turns such strings into numbers and dates in General cells, as Excel does, and keeps them in text cells", async () => {
    const host = createFakeExcel(seedWorkbook([{ name: "Feuil1", values: [[null]] }]));
    const sheet = host.context.workbook.worksheets.getItem("Feuil1");
    sheet.getRange("A1:F1").values = [["1", "1.1", "2.10", "01", "06/2027", "TRUE"]];
    sheet.getRange("A2:F2").numberFormat = [["@", "@", "@", "@", "@", "@"]];
    sheet.getRange("A2:F2").values = [["1", "1.1", "2.10", "01", "06/2027", "TRUE"]];
    await host.context.sync();
    const row = (r: number) => [0, 1, 2, 3, 4, 5].map((c) => host.sheet("Feuil1").peek(r, c)?.value);
    expect(row(0)).toEqual([1, 1.1, 2.1, 1, 46539, true]);
    expect(host.sheet("Feuil1").peek(0, 4)?.numberFormat).toBe("mmm-yy");
    expect(row(1)).toEqual(["1", "1.1", "2.10", "01", "06/2027", "TRUE"]);
  });

  it("sets up a tableau whose codes, identifiers, échéance and territory read back as the same texts", async () => {
    const host = createFakeExcel();
    const plan = numberLikePlan();
    await setUpTableau(host.context, plan, { now: NOW, today: TODAY });
    const suivi = host.sheet(SHEETS.tracking);
    const codes = [...suivi.entries()].filter(([row, col]) => row > 0 && col === 2).map(([, , cell]) => cell.value);
    expect(new Set(codes)).toEqual(new Set(["1.1.1", "2.10"]));
    const reading = readTableau(await readGrids(host.context, TABLEAU_SHEETS), { today: TODAY });
    expect(reading.issues).toEqual([]);
    expect(reading.tracking?.plan).toEqual(plan);
  });

  it("finds the row of fiche 2.10 and indicator 1.1 when it writes an entry", async () => {
    const host = createFakeExcel();
    const plan = numberLikePlan();
    await setUpTableau(host.context, plan, { now: NOW, today: TODAY });
    const fiche = plan.axes[0].subAxes[0].actions[1];
    await writeQuarterEntry(host.context, {
      status: { actionCode: "2.10", quarter: "2026-T2", status: "En cours", progress: 50, achievements: "1.5" },
      measurements: [{ indicator: fiche.indicators[0], measurement: { indicatorId: "1.1", quarter: "2026-T2", value: 45 } }],
    });
    const reading = readTableau(await readGrids(host.context, TABLEAU_SHEETS), { today: TODAY });
    expect(reading.issues).toEqual([]);
    expect(reading.tracking?.statuses).toContainEqual({ actionCode: "2.10", quarter: "2026-T2", status: "En cours", progress: 50, achievements: "1.5" });
    expect(reading.tracking?.measurements).toContainEqual({ indicatorId: "1.1", quarter: "2026-T2", value: 45 });
  });
});
