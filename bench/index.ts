/**
 * `npm run bench`: prints one JSON line per figure. Speed and memory targets live here, never in unit tests.
 */
import { performance } from "node:perf_hooks";
import { buildTableauPlan } from "../src/workbook/build-tableau";
import { readTableau } from "../src/workbook/parse-tableau";
import { fullTracking, syntheticPlan } from "../src/samples/synthetic-plan";
import { writeTrackingFile, readTableauFile } from "../src/xlsx/tableau-file";
import { officeFigures } from "./office-executor";
import { taskpaneFigures } from "./taskpane";
import { importFigures } from "./import";
import { bilanFigures } from "./bilan";
import { nationalConsolidationFigures } from "./national-consolidation";
import { paneChromiumConsolidationFigures } from "./pane-chromium-consolidation";
import { paneConsolidationFigures } from "./pane-consolidation";
import { HOSTILE_STEP, hostileFigures, hostileStep } from "./hostile-files";
import { plausibilityFigures } from "./plausibility";
import { registerNodeInflate } from "../src/xlsx/node-inflate";
import { writerFigures } from "./writer";
import { collectionFigures } from "./collection";

const NOW = "2026-11-24T10:00:00.000Z";
const TODAY = "2031-01-01";

function print(figure: Record<string, unknown>): void {
  console.log(JSON.stringify(figure));
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function gridsOf(plan: ReturnType<typeof buildTableauPlan>) {
  return Object.fromEntries(plan.sheets.map((sheet) => [sheet.name, sheet.values]));
}

/** `CTG_BENCH_ONLY=hostile,pane` runs only those groups of figures (all of them by default). */
function wanted(group: string): boolean {
  const only = process.env.CTG_BENCH_ONLY;
  return !only || only.split(",").includes(group);
}

async function main(): Promise<void> {
  registerNodeInflate();
  if (wanted("core")) await coreFigures();
  if (wanted("writer")) for (const figure of await writerFigures()) print(figure);
  if (wanted("office")) for (const figure of await officeFigures(NOW)) print(figure);
  if (wanted("bilan")) for (const figure of await bilanFigures(NOW)) print(figure);
  if (wanted("collection")) for (const figure of await collectionFigures()) print(figure);
  if (wanted("plausibility")) for (const figure of plausibilityFigures(100)) print(figure);
  // Three sizes: the ratio to openpyxl's bare read is judged at 100 and 1 000 files, the peak memory at every size.
  if (wanted("consolidation")) {
    const sizes = (process.env.CTG_BENCH_TERRITORIES ?? "25,100,1000").split(",").map(Number);
    for (const figure of await nationalConsolidationFigures(sizes)) print(figure);
  }
  if (wanted("hostile")) for (const figure of await hostileFigures(process.argv[1] ?? "")) print(figure);
  if (wanted("pane")) for (const figure of await paneConsolidationFigures(100)) print(figure);
  if (wanted("pane-chromium")) for (const figure of await paneChromiumConsolidationFigures(Number(process.env.CTG_BENCH_PANE_FILES ?? "100"))) print(figure);
  if (wanted("taskpane")) for (const figure of await taskpaneFigures()) print(figure);
  print({ figure: "peak_rss_mb", mb: Math.round(process.memoryUsage().rss / 1048576) });
}

async function coreFigures(): Promise<void> {
  const big = fullTracking(syntheticPlan({ actions: 200, indicatorsPerAction: 6 }));
  const grids = gridsOf(buildTableauPlan(big, { now: NOW }));
  const times: number[] = [];
  let issues = 0;
  for (let run = 0; run < 40; run++) {
    const start = performance.now();
    const reading = readTableau(grids, { today: TODAY });
    times.push(performance.now() - start);
    issues = reading.issues.length;
  }
  print({
    figure: "validate_ms",
    fiches: 200,
    indicators: 1200,
    quarters: 20,
    measurements: big.measurements.length,
    statuses: big.statuses.length,
    median_ms: round(median(times)),
    min_ms: round(Math.min(...times)),
    goal_ms: 50,
    issues,
  });

  const buildStart = performance.now();
  const plan = buildTableauPlan(big, { now: NOW });
  print({
    figure: "build_plan_ms",
    fiches: 200,
    ms: round(performance.now() - buildStart),
    cells: plan.sheets.reduce((sum, sheet) => sum + sheet.values.length * (sheet.values[0]?.length ?? 0), 0),
  });

  for (const actions of [15, 200]) {
    const tracking = fullTracking(syntheticPlan({ actions, indicatorsPerAction: 6 }));
    const writeStart = performance.now();
    const bytes = await writeTrackingFile(tracking, NOW);
    const writeMs = performance.now() - writeStart;
    const readStart = performance.now();
    await readTableauFile(bytes, "bench.xlsx", TODAY);
    print({
      figure: "xlsx_roundtrip",
      fiches: actions,
      write_ms: round(writeMs),
      read_and_check_ms: round(performance.now() - readStart),
      file_kb: Math.round(bytes.length / 1024),
    });
  }

  for (const figure of importFigures()) print(figure);
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

/** A measured step run in a process of its own (the hostile files), when this script is started for one. */
function measuredStep(): Promise<void> | undefined {
  const [mode, dir = "", command = ""] = process.argv.slice(2);
  registerNodeInflate();
  if (mode === HOSTILE_STEP) return hostileStep(dir, command).then(print);
  return undefined;
}

(measuredStep() ?? main()).catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
