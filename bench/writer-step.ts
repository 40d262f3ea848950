/**
 * One measured step of the writer's bench (bench/writer.ts), in a process of its own and a bundle of its own, so
 * that its memory is the writer's and not the bench's: `tableau DIR` writes the filled 200-fiche tableau,
 * `update DIR` updates DIR/rempli.xlsx to the plan DIR/plan-201.json as `ctg init --update` does (read, plan,
 * patch), `bilan DIR` reads DIR/rempli.xlsx and writes its final bilan with charts. Prints its time as JSON.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { computeReport } from "../src/domain/report";
import { fullTracking, syntheticPlan } from "../src/samples/synthetic-plan";
import { buildReportSheet } from "../src/workbook/build-report";
import { registerNodeInflate } from "../src/xlsx/node-inflate";
import { readPlanJson } from "../src/domain/plan";
import { keepHeapUnderCeiling } from "../src/cli/heap-ceiling";
import { readTableauFile, writeSheetFile, writeTableauFile, writeTrackingFile } from "../src/xlsx/tableau-file";

const NOW = "2026-01-15T09:00:00.000Z";
const TODAY = "2026-01-15";

async function main(step: string, dir: string): Promise<void> {
  registerNodeInflate();
  let bytes: Uint8Array;
  let started: number;
  if (step === "tableau") {
    const tracking = fullTracking(syntheticPlan({ actions: 200, indicatorsPerAction: 6, start: "2021-01-01", end: "2025-12-31" }));
    started = performance.now();
    bytes = await writeTrackingFile(tracking, NOW);
  } else if (step === "update") {
    const file = join(dir, "rempli.xlsx");
    const read = readPlanJson(readFileSync(join(dir, "plan-201.json"), "utf8"));
    if (!read.ok) throw new Error("plan-201.json");
    started = performance.now();
    const existing = { bytes: new Uint8Array(readFileSync(file)), fileName: file };
    bytes = (await writeTableauFile(read.plan, { now: NOW, today: TODAY, existing, between: keepHeapUnderCeiling })).bytes;
  } else {
    const file = join(dir, "rempli.xlsx");
    started = performance.now();
    const reading = await readTableauFile(new Uint8Array(readFileSync(file)), file, TODAY);
    bytes = await writeSheetFile(buildReportSheet(computeReport(reading.tracking!, { kind: "final", today: TODAY }), { charts: true }), new Date(NOW));
  }
  const ms = Math.round(performance.now() - started);
  writeFileSync(join(dir, `${step}.xlsx`), bytes);
  console.log(JSON.stringify({ step, ms }));
}

main(process.argv[2] ?? "", process.argv[3] ?? "").catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
