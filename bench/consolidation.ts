/**
 * Consolidation at scale: N synthetic territory workbooks (15 to 60 fiches, 20 quarters), consolidated by the CLI's
 * path (checked intake, spooled rows, streamed output) against the time to only parse the same files with the same
 * reader. The parse and the consolidation each run in a fresh Node process, started the same way, so that both
 * start cold and the peak memory sampled is the consolidation's own.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { consolidateCommand } from "../src/cli/consolidate";
import { receiveTableau } from "../src/xlsx/tableau-intake";
import { generateTerritories } from "./generate-territories";

/** Read after the synthetic conventions' end: every filled quarter has begun. */
const AFTER = new Date("2031-03-01T10:00:00Z");

const RUNS = 2;

/** Arguments that make the bench script run one measured step and print it as one JSON line. */
export const CONSOLIDATION_STEPS = { parse: "--consolidation-parse", consolidate: "--consolidation-run" } as const;

function territoryFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith(".xlsx"))
    .sort()
    .map((name) => join(dir, name));
}

/** Step run in its own process: read and check every file, nothing else. */
export async function parseStep(dir: string): Promise<Record<string, unknown>> {
  const files = territoryFiles(dir);
  const start = performance.now();
  let rejected = 0;
  for (const file of files) {
    const received = await receiveTableau(new Uint8Array(readFileSync(file)), file, { today: "2031-03-01" });
    if (received.status === "rejected") rejected++;
  }
  return { parse_only_ms: Math.round(performance.now() - start), parse_rejected: rejected };
}

/** Step run in its own process: `ctg consolidate` on every file, with the process's peak memory sampled. */
export async function consolidateStep(dir: string, out: string): Promise<Record<string, unknown>> {
  const files = territoryFiles(dir);
  const spools = () => readdirSync(tmpdir()).filter((name) => name.startsWith("ctg-consolidation-")).length;
  const spoolsBefore = spools();
  const before = process.memoryUsage().rss;
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const lines: string[] = [];
  const start = performance.now();
  const code = await consolidateCommand({ files, out }, { out: (line) => lines.push(line), err: (line) => lines.push(line) }, { now: () => AFTER });
  const totalMs = performance.now() - start;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  return {
    exit_code: code,
    rejected: lines.filter((line) => line.startsWith("✗")).length,
    total_ms: Math.round(totalMs),
    rss_start_mb: Math.round(before / 1048576),
    peak_rss_mb: Math.round(peak / 1048576),
    spool_dirs_left: spools() - spoolsBefore,
  };
}

export async function consolidationFigures(count: number, script: string): Promise<Record<string, unknown>[]> {
  const dir = mkdtempSync(join(tmpdir(), "ctg-bench-conso-"));
  const step = (args: string[]) =>
    JSON.parse(execFileSync(process.execPath, [script, ...args], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] })) as Record<string, unknown>;
  try {
    const generateStart = performance.now();
    const territories = join(dir, "territoires");
    const files = await generateTerritories(count, territories);
    const generateMs = performance.now() - generateStart;
    const inputKb = files.reduce((sum, file) => sum + statSync(file).size, 0) / 1024;
    const out = join(dir, "consolidation.xlsx");

    // Best of two alternated runs of each: two cores shared with the system make single runs vary by 10 %.
    const parses: Record<string, unknown>[] = [];
    const runs: Record<string, unknown>[] = [];
    for (let round = 0; round < RUNS; round++) {
      parses.push(step([CONSOLIDATION_STEPS.parse, territories]));
      rmSync(out, { force: true });
      runs.push(step([CONSOLIDATION_STEPS.consolidate, territories, out]));
    }
    const fastest = (results: Record<string, unknown>[], key: string) =>
      results.reduce((best, result) => (Number(result[key]) < Number(best[key]) ? result : best));
    const consolidated = fastest(runs, "total_ms");
    const totalMs = Number(consolidated.total_ms);
    const parseMs = Number(fastest(parses, "parse_only_ms").parse_only_ms);
    return [
      {
        figure: "consolidation",
        files: count,
        exit_code: consolidated.exit_code,
        rejected: consolidated.rejected,
        input_mb: Math.round(inputKb / 102.4) / 10,
        output_mb: Math.round(statSync(out).size / 104857.6) / 10,
        total_ms: totalMs,
        parse_only_ms: parseMs,
        ratio: Math.round((totalMs / parseMs) * 100) / 100,
        goal_ratio: 1.5,
        runs: RUNS,
        peak_rss_mb: Math.max(...runs.map((run) => Number(run.peak_rss_mb))),
        goal_peak_mb: 1024,
        rss_start_mb: consolidated.rss_start_mb,
        spool_dirs_left: consolidated.spool_dirs_left,
        generate_ms: Math.round(generateMs),
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
