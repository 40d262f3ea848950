/**
 * The add-in's consolidation on the fake Excel host: N synthetic territories read with the browser's reader path
 * (bytes in memory) and written into the open workbook, then a second batch that reads that consolidation back in
 * slices and replaces some territories. Figures: time, context.sync() count, largest request and response in
 * real serialised bytes on Microsoft's runtime (plan: under 4,000,000; Excel on the web refuses over 5 MB).
 */
import { performance } from "node:perf_hooks";
import { readConsolidation } from "../src/excel";
import { syntheticTerritory } from "../src/samples/synthetic-territories";
import { officeGateway } from "../src/taskpane/gateway";
import { writeTrackingFile } from "../src/xlsx/tableau-file";
import { createFakeExcel } from "../tests/fake-excel";

/** Synthetic territories fill all twenty quarters: they are read after their conventions' end. */
const AFTER_CONVENTIONS = new Date("2031-03-01T10:00:00Z");
const LATER = new Date("2031-03-02T10:00:00Z");

export async function paneConsolidationFigures(count: number): Promise<Record<string, unknown>[]> {
  const files: { name: string; read(): Promise<Uint8Array> }[] = [];
  for (let index = 0; index < count; index++) {
    const bytes = await writeTrackingFile(syntheticTerritory({ index, seed: 7 }), "2026-01-05T09:00:00.000Z");
    files.push({ name: `territoire-${index + 1}.xlsx`, read: async () => bytes });
  }
  const host = createFakeExcel();
  const first = officeGateway(host.run, () => AFTER_CONVENTIONS);
  const start = performance.now();
  const outcome = await first.consolidate(files);
  const firstMs = performance.now() - start;
  const firstSyncs = host.stats.syncs;
  const firstLargest = Math.max(...host.stats.requestBytes);
  const firstLargestResponse = Math.max(...host.stats.responseBytes);
  const stored = await readConsolidation(host.context);

  host.resetStats();
  const again = officeGateway(host.run, () => LATER);
  const replaced = Math.max(1, Math.floor(count / 10));
  const againStart = performance.now();
  const second = await again.consolidate(files.slice(0, replaced));
  const againMs = performance.now() - againStart;

  return [
    {
      figure: "pane_consolidation",
      territories: count,
      accepted: outcome.verdicts.filter((verdict) => verdict.status !== "rejected").length,
      status_rows: stored.statuses.length,
      value_rows: stored.values.length,
      first_batch_ms: Math.round(firstMs),
      first_batch_syncs: firstSyncs,
      first_largest_request_bytes: firstLargest,
      first_largest_response_bytes: firstLargestResponse,
      second_batch_territories: replaced,
      second_batch_ms: Math.round(againMs),
      second_batch_syncs: host.stats.syncs,
      second_largest_request_bytes: Math.max(...host.stats.requestBytes),
      second_largest_response_bytes: Math.max(...host.stats.responseBytes),
      request_plan_bytes: 4_000_000,
      territories_after: second.territories,
    },
  ];
}
