/**
 * The partners' round trip at the size of a large territory: 60 fiches of 6 indicators, 12 pilotes. `ctg collect`
 * prepares the 12 files of a quarter; the same files, filled with every status and value of that quarter, are
 * merged back by `ctg merge` (each checked, the tableau written once through the update's safe path). Both through
 * the command line's entry point, in this process, timed as a user waits for them.
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { collectCommand, mergeCommand } from "../src/cli/collect";
import { fullTracking, syntheticPlan } from "../src/samples/synthetic-plan";
import { writeTrackingFile } from "../src/xlsx/tableau-file";

const FICHES = 60;
const PILOTES = 12;
const QUARTER = "2026-T4";
const NOW = "2026-06-01T09:00:00.000Z";
/** A goal a chargé de coopération would call « a few seconds », for each of the two commands. */
const GOAL_MS = 5000;

async function ctg(args: string[], at: string): Promise<{ code: number; out: string[] }> {
  const out: string[] = [];
  const io = { out: (line: string) => out.push(line), err: (line: string) => out.push(line) };
  const clock = { now: () => new Date(at) };
  const [command, file, ...rest] = args;
  const code =
    command === "collect"
      ? await collectCommand({ file, quarter: QUARTER, out: rest[rest.indexOf("--out") + 1] }, io, clock)
      : await mergeCommand({ file, returns: rest }, io, clock);
  return { code, out };
}

export async function collectionFigures(): Promise<Record<string, unknown>[]> {
  const plan = syntheticPlan({ actions: FICHES, indicatorsPerAction: 6, start: "2025-01-01", end: "2029-12-31" });
  plan.axes.flatMap((axis) => axis.subAxes.flatMap((sub) => sub.actions)).forEach((action, index) => (action.pilots = [`Pilote ${(index % PILOTES) + 1}`]));
  const before = (quarter: string) => quarter <= QUARTER;
  const full = fullTracking(plan);
  const filled = {
    ...full,
    statuses: full.statuses.filter((entry) => before(entry.quarter)),
    measurements: full.measurements.filter((entry) => before(entry.quarter)),
  };
  const waiting = {
    ...filled,
    statuses: filled.statuses.filter((entry) => entry.quarter !== QUARTER),
    measurements: filled.measurements.filter((entry) => entry.quarter !== QUARTER),
  };
  const dir = mkdtempSync(join(tmpdir(), "ctg-bench-collection-"));
  try {
    // Both tableaux written at the same moment carry the same convention identifier: the filled one's collection
    // files are those the pilotes would return to the waiting one.
    const tableau = join(dir, "tableau.xlsx");
    const source = join(dir, "rempli.xlsx");
    writeFileSync(tableau, await writeTrackingFile(waiting, NOW));
    writeFileSync(source, await writeTrackingFile(filled, NOW));
    const at = "2027-01-15T09:00:00.000Z";
    const prepareTimes: number[] = [];
    for (let round = 0; round < 3; round++) {
      const started = performance.now();
      const prepared = await ctg(["collect", tableau, "--quarter", QUARTER, "--out", join(dir, `collecte-${round}`)], at);
      prepareTimes.push(performance.now() - started);
      if (prepared.code !== 0) throw new Error(prepared.out.join("\n"));
    }
    const returned = await ctg(["collect", source, "--quarter", QUARTER, "--out", join(dir, "retours")], at);
    if (returned.code !== 0) throw new Error(returned.out.join("\n"));
    const files = readdirSync(join(dir, "retours")).map((name) => join(dir, "retours", name));
    const started = performance.now();
    const merged = await ctg(["merge", tableau, ...files], at);
    const mergeMs = performance.now() - started;
    // Each status brings its statut, avancement and réalisations: three values.
    const expected = 3 * (filled.statuses.length - waiting.statuses.length) + filled.measurements.length - waiting.measurements.length;
    const written = Number(/(\d+) valeurs intégrées \(journal/.exec(merged.out.join("\n"))?.[1] ?? 0);
    const againStarted = performance.now();
    const again = await ctg(["merge", tableau, ...files], at);
    const againMs = performance.now() - againStarted;
    const sorted = [...prepareTimes].sort((a, b) => a - b);
    return [
      {
        figure: "collection_round_trip",
        fiches: FICHES,
        pilotes: PILOTES,
        files: files.length,
        prepare_ms_median: Math.round(sorted[1]),
        prepare_ms_min: Math.round(sorted[0]),
        merge_ms: Math.round(mergeMs),
        merge_again_ms: Math.round(againMs),
        values_written: written,
        values_expected: expected,
        merge_again_unchanged: again.out.some((line) => line.includes("n'est pas modifié")),
        goal_ms: GOAL_MS,
        ok: sorted[1] < GOAL_MS && mergeMs < GOAL_MS && merged.code === 0 && written === expected,
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
