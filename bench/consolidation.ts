/**
 * Consolidation at scale: N synthetic territory workbooks (15 to 60 fiches, 20 quarters), consolidated by the CLI's
 * path (checked intake, spooled rows, streamed output) against the time to only parse the same files with the same
 * reader. Peak memory is sampled while it runs.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { consolidateCommand } from "../src/cli/consolidate";
import { receiveTableau } from "../src/xlsx/tableau-intake";
import { generateTerritories } from "./generate-territories";

/** Read after the synthetic conventions' end: every filled quarter has begun. */
const AFTER = new Date("2031-03-01T10:00:00Z");

export async function consolidationFigures(count: number): Promise<Record<string, unknown>[]> {
  const dir = mkdtempSync(join(tmpdir(), "ctg-bench-conso-"));
  try {
    const generateStart = performance.now();
    const files = await generateTerritories(count, join(dir, "territoires"));
    const generateMs = performance.now() - generateStart;
    const inputKb = files.reduce((sum, file) => sum + statSync(file).size, 0) / 1024;

    const parseStart = performance.now();
    for (const file of files) await receiveTableau(new Uint8Array(readFileSync(file)), file, { today: "2031-03-01" });
    const parseMs = performance.now() - parseStart;

    global.gc?.();
    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    const out = join(dir, "consolidation.xlsx");
    const lines: string[] = [];
    const start = performance.now();
    const code = await consolidateCommand({ files, out }, { out: (line) => lines.push(line), err: (line) => lines.push(line) }, { now: () => AFTER });
    const totalMs = performance.now() - start;
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().rss);
    const rejected = lines.filter((line) => line.startsWith("✗")).length;
    return [
      {
        figure: "consolidation",
        files: count,
        exit_code: code,
        rejected,
        input_mb: Math.round(inputKb / 102.4) / 10,
        output_mb: Math.round(statSync(out).size / 104857.6) / 10,
        total_ms: Math.round(totalMs),
        parse_only_ms: Math.round(parseMs),
        ratio: Math.round((totalMs / parseMs) * 100) / 100,
        goal_ratio: 1.5,
        peak_rss_mb: Math.round(peak / 1048576),
        goal_peak_mb: 1024,
        // Bounded memory: this growth over the RSS before the run must not rise with the number of files.
        rss_growth_mb: Math.round((peak - before) / 1048576),
        generate_ms: Math.round(generateMs),
        leftover_files: readdirSync(dir).length,
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
