/**
 * The Office.js layer on Microsoft's runtime, with the fake host behind its request executor: for 15 and 200
 * fiches whose every Réalisations, Difficultés and Ajustements holds 300 characters, the syncs and the largest
 * request and response of each operation, in real serialised UTF-8 bytes (the limit of Excel on the web is 5 MB,
 * the add-in plans for 4).
 */
import { performance } from "node:perf_hooks";
import { applyWorkbookPlan, generateBilan, setQuarterLocked, setUpTableau, writeQuarterEntry } from "../src/excel";
import { buildTableauPlan } from "../src/workbook/build-tableau";
import { createFakeExcel, type FakeExcelHost } from "../tests/fake-excel";
import { longText, longTextTracking } from "../tests/support/long-texts";

const AFTER = "2031-03-01";

function measured(host: FakeExcelHost, start: number): Record<string, number> {
  return {
    syncs: host.stats.syncs,
    largest_request_bytes: Math.max(0, ...host.stats.requestBytes),
    largest_response_bytes: Math.max(0, ...host.stats.responseBytes),
    total_request_bytes: host.stats.requestBytes.reduce((sum, bytes) => sum + bytes, 0),
    total_response_bytes: host.stats.responseBytes.reduce((sum, bytes) => sum + bytes, 0),
    fake_host_ms: Math.round(performance.now() - start),
  };
}

export async function officeFigures(now: string): Promise<Record<string, unknown>[]> {
  const figures: Record<string, unknown>[] = [];
  for (const actions of [15, 200]) {
    const tracking = longTextTracking(actions);
    const host = createFakeExcel();
    const step = async (operation: string, work: () => Promise<unknown>) => {
      host.resetStats();
      const start = performance.now();
      await work();
      figures.push({ figure: "office_payload", fiches: actions, texts_chars: 300, operation, ...measured(host, start), limit_bytes: 4_000_000 });
    };
    await step("set-up (new workbook)", () => host.run((context) => applyWorkbookPlan(context, buildTableauPlan(tracking, { now }))));
    const plan = tracking.plan;
    plan.axes[0].subAxes[0].actions[0].title = "Intitulé modifié";
    await step("update (plan changed, entries kept in place)", () => host.run((context) => setUpTableau(context, plan, { now, today: AFTER })));
    const fiche = plan.axes[0].subAxes[0].actions[0];
    await step("quarterly entry of one fiche", () =>
      host.run((context) =>
        writeQuarterEntry(context, {
          status: { actionCode: fiche.code, quarter: "2030-T4", status: "En cours", progress: 60, achievements: longText("saisie") },
          measurements: fiche.indicators.map((indicator) => ({
            indicator,
            measurement: { indicatorId: indicator.id, quarter: "2030-T4", comment: longText("commentaire") },
          })),
        }),
      ),
    );
    await step("quarter lock", () => host.run((context) => setQuarterLocked(context, "2030-T3", true)));
    await step("final bilan sheet with 4 charts", () => host.run((context) => generateBilan(context, { kind: "final" }, { today: AFTER })));
  }
  return figures;
}
