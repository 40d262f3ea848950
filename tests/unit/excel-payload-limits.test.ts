/**
 * Every request and response of the add-in, as Microsoft's runtime serialises it (UTF-8 bytes of the request body,
 * and of what Excel answers), stays under 4,000,000 bytes, a margin under Excel on the web's 5 MB: for set-up and
 * update of 15 and 200 fiches whose every Réalisations, Difficultés and Ajustements holds 300 characters, a
 * quarterly entry, a quarter lock and a final bilan of 200 fiches. Syncs are counted: constant, or growing by
 * slices of about 4 MB of data where the data itself is larger.
 */
import { generateBilan, setQuarterLocked, setUpTableau, writeQuarterEntry } from "../../src/excel";
import { buildTableauPlan } from "../../src/workbook/build-tableau";
import { applyWorkbookPlan } from "../../src/excel";
import { createFakeExcel, type FakeExcelHost } from "../fake-excel";
import { longText, longTextTracking } from "../support/long-texts";
import { NOW } from "../support/small-plan";

jest.setTimeout(120_000);

const LIMIT = 4_000_000;
/** Synthetic tableaux fill all twenty quarters: they are read after their convention's end. */
const AFTER = "2031-03-01";

function largest(host: FakeExcelHost): { request: number; response: number } {
  return { request: Math.max(...host.stats.requestBytes), response: Math.max(...host.stats.responseBytes) };
}

/**
 * The syncs a sliced operation may add to its fixed ones: the bytes it sent in requests of nearly 4 MB, the bytes
 * it read in responses of 2 MB at least (a read plans for the densest rows it has seen), and one sample of each
 * sheet before a large read.
 */
function slices(host: FakeExcelHost): number {
  const sent = host.stats.requestBytes.reduce((sum, bytes) => sum + bytes, 0);
  const read = host.stats.responseBytes.reduce((sum, bytes) => sum + bytes, 0);
  return Math.ceil(sent / LIMIT) + Math.ceil(read / 2_000_000) + (read > 3_500_000 ? 1 : 0);
}

describe.each([15, 200])("%i fiches with 300-character texts", (actions) => {
  it("sets up, updates, enters, locks and writes the final bilan in requests and responses under 4 MB", async () => {
    const tracking = longTextTracking(actions);
    const host = createFakeExcel();

    const created = await host.run((context) => applyWorkbookPlan(context, buildTableauPlan(tracking, { now: NOW })));
    expect(largest(host).request).toBeLessThan(LIMIT);
    expect(created.syncs).toBeLessThanOrEqual(3 + slices(host));
    if (actions === 15) expect(created.syncs).toBeLessThanOrEqual(3);

    host.resetStats();
    const plan = tracking.plan;
    plan.axes[0].subAxes[0].actions[0].title = longText("Intitulé modifié");
    const updated = await host.run((context) => setUpTableau(context, plan, { now: NOW, today: AFTER }));
    expect(largest(host).request).toBeLessThan(LIMIT);
    expect(largest(host).response).toBeLessThan(LIMIT);
    expect(updated.syncs).toBe(host.stats.syncs);
    expect(updated.syncs).toBeLessThanOrEqual(6 + slices(host));
    if (actions === 15) expect(updated.syncs).toBeLessThanOrEqual(6);

    host.resetStats();
    const fiche = plan.axes[0].subAxes[0].actions[0];
    await host.run((context) =>
      writeQuarterEntry(context, {
        status: {
          actionCode: fiche.code,
          quarter: "2030-T4",
          status: "En cours",
          progress: 60,
          achievements: longText("saisie"),
          difficulties: longText("saisie"),
          adjustments: longText("saisie"),
        },
        measurements: fiche.indicators.map((indicator) => ({
          indicator,
          measurement: { indicatorId: indicator.id, quarter: "2030-T4", comment: longText("commentaire") },
        })),
      }),
    );
    expect(host.stats.syncs).toBe(3);
    // The entry reads two key columns, not the long texts of three sheets.
    expect(largest(host).response).toBeLessThan(actions === 15 ? 100_000 : 2_000_000);

    host.resetStats();
    const locked = await host.run((context) => setQuarterLocked(context, "2030-T3", true));
    expect(locked.syncs).toBe(3);
    expect(largest(host).request).toBeLessThan(LIMIT);
    expect(largest(host).response).toBeLessThan(actions === 15 ? 100_000 : 2_000_000);

    host.resetStats();
    const bilan = await host.run((context) => generateBilan(context, { kind: "final" }, { today: AFTER }));
    expect(bilan.charts).toBe(4);
    expect(largest(host).request).toBeLessThan(LIMIT);
    expect(largest(host).response).toBeLessThan(LIMIT);
    expect(bilan.syncs).toBeLessThanOrEqual(4 + slices(host));
  });
});
