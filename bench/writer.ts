/**
 * The project's .xlsx writer at the size of a large convention (200 fiches, 1 200 indicators, 20 quarters, every
 * entry filled), side by side in one run: writing the tableau, updating the filled tableau as a patch (one fiche
 * more in the plan: read, plan, patch), and writing the final bilan with its charts. Each step runs in a process of
 * its own, so that its peak memory is its own (Node's ~45 MB included); its time is the step's alone. The whole
 * `ctg init --update` command is timed too, process start, plan check, lock, backup and write included.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { fullTracking, syntheticPlan } from "../src/samples/synthetic-plan";
import { writeTrackingFile } from "../src/xlsx/tableau-file";

const ROOT = resolve(__dirname, "..");
/** A convention already over: every quarter filled has begun, the command line accepts all of it today. */
const PERIOD = { start: "2021-01-01", end: "2025-12-31" };
const NOW = "2026-01-15T09:00:00.000Z";
const GOALS = { tableau: 500, update: 1000, bilan: 1000 };
const STEPS = ["tableau", "update", "bilan"] as const;
const GOAL_PEAK_RSS_MB = 150;

interface Measured {
  ms: number;
  peak_rss_mb: number;
  file_kb: number;
}

/** Runs `args` with Node, its peak memory recorded; `timed`: the step prints its own time (else the whole run is timed). */
function measured(args: string[], dir: string, output: string, timed: boolean): Measured {
  const rssFile = join(dir, "peak.rss");
  const started = performance.now();
  const run = spawnSync(process.execPath, ["--require", join(ROOT, "bench", "peak-rss.cjs"), ...args], {
    env: { ...process.env, CTG_PEAK_RSS_FILE: rssFile },
    encoding: "utf8",
  });
  const wall = performance.now() - started;
  if (run.status !== 0) throw new Error(`${args.join(" ")}: ${run.stderr}${run.stdout}`);
  const ms = timed ? (JSON.parse(run.stdout.trim().split("\n").pop()!) as { ms: number }).ms : Math.round(wall);
  return { ms, peak_rss_mb: Math.round(Number(readFileSync(rssFile, "utf8")) / 1024), file_kb: Math.round(statSync(output).size / 1024) };
}

function best(runs: Measured[]): Measured {
  const fastest = runs.reduce((a, b) => (b.ms < a.ms ? b : a));
  return { ...fastest, peak_rss_mb: Math.max(...runs.map((run) => run.peak_rss_mb)) };
}

export async function writerFigures(): Promise<Record<string, unknown>[]> {
  const dir = mkdtempSync(join(tmpdir(), "ctg-bench-writer-"));
  try {
    const plan = syntheticPlan({ actions: 200, indicatorsPerAction: 6, ...PERIOD });
    const filled = join(dir, "rempli.xlsx");
    writeFileSync(filled, await writeTrackingFile(fullTracking(plan), NOW));
    plan.axes[0].subAxes[0].actions.unshift({ ...plan.axes[0].subAxes[0].actions[0], code: "1.A.0", title: "Fiche ajoutée", indicators: [] });
    writeFileSync(join(dir, "plan-201.json"), JSON.stringify(plan));
    const step = join(ROOT, "build", "writer-step.cjs");
    const runs = { tableau: [] as Measured[], update: [] as Measured[], bilan: [] as Measured[], command: [] as Measured[] };
    // Three rounds, each step's best kept: two cores shared with the system make single runs vary.
    for (let round = 0; round < 3; round++) {
      for (const name of STEPS) runs[name].push(measured([step, name, dir], dir, join(dir, `${name}.xlsx`), true));
      const target = join(dir, "mis-a-jour.xlsx");
      copyFileSync(filled, target);
      runs.command.push(
        measured([join(ROOT, "build", "ctg.cjs"), "init", "--plan", join(dir, "plan-201.json"), "--out", target, "--update"], dir, target, false),
      );
      for (const name of readdirSync(dir)) if (name.includes("sauvegarde")) rmSync(join(dir, name));
    }
    return [
      {
        figure: "xlsx_writer",
        fiches: 200,
        indicators: 1200,
        quarters: 20,
        filled_tableau_kb: Math.round(statSync(filled).size / 1024),
        write_filled_tableau: { ...best(runs.tableau), goal_ms: GOALS.tableau },
        update_filled_tableau: { ...best(runs.update), goal_ms: GOALS.update },
        write_final_bilan_with_charts: { ...best(runs.bilan), goal_ms: GOALS.bilan },
        ctg_init_update_whole_command: best(runs.command),
        goal_peak_rss_mb: GOAL_PEAK_RSS_MB,
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
