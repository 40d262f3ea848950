/** Syncs and request sizes of the Office.js executor on the fake host, for 15 and 200 fiches. */
import { performance } from "node:perf_hooks";
import { applyWorkbookPlan } from "../src/excel";
import { fullTracking, syntheticPlan } from "../src/samples/synthetic-plan";
import { buildTableauPlan } from "../src/workbook/build-tableau";
import { createFakeExcel } from "../tests/fake-excel";

export async function officeFigures(now: string): Promise<Record<string, unknown>[]> {
  const figures: Record<string, unknown>[] = [];
  for (const actions of [15, 200]) {
    const plan = buildTableauPlan(fullTracking(syntheticPlan({ actions, indicatorsPerAction: 6 })), { now });
    const host = createFakeExcel();
    const start = performance.now();
    const report = await applyWorkbookPlan(host.context, plan);
    figures.push({
      figure: "office_apply",
      fiches: actions,
      syncs: host.stats.syncs,
      goal_syncs: 6,
      largest_request_bytes: Math.max(...host.stats.requestBytes),
      request_limit_bytes: 5 * 1024 * 1024,
      write_requests: report.requests.length,
      fake_host_ms: Math.round(performance.now() - start),
    });
  }
  return figures;
}
