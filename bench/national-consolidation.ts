/**
 * Consolidation at national scale, side by side with another tool's bare read of the same files: openpyxl in
 * read-only mode reading every cell (Debian python3-openpyxl), and the real `ctg consolidate` (read, check, merge,
 * write) started as a user starts it, at 25, 100 and 1 000 synthetic territories. Each runs in its own process;
 * both times include starting the interpreter. The territories' conventions are already over (2021-2025), so
 * that the command reads them at today's date.
 *
 * Generating 1 000 tableaux takes minutes: they are kept in the system's temporary folder, keyed by the template
 * version and the seed, and reused by the next run (a marker file says the set is complete).
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { TEMPLATE_VERSION } from "../src/workbook/layout";
import { generateTerritories } from "./generate-territories";

const SEED = 1;
const PERIOD = { start: "2021-01-01", end: "2025-12-31" };
const ROOT = resolve(__dirname, "..");

/** The cached set of `largest` territories (conventions 2021-2025), generated if need be. */
export async function territories(largest: number): Promise<string[]> {
  const dir = join(tmpdir(), `ctg-bench-territoires-${TEMPLATE_VERSION}-seed${SEED}-${largest}`);
  const marker = join(dir, "complet.txt");
  if (!existsSync(marker)) {
    rmSync(dir, { recursive: true, force: true });
    await generateTerritories(largest, dir, SEED, "2026-01-15T09:00:00.000Z", PERIOD);
    writeFileSync(marker, String(largest));
  }
  return readdirSync(dir)
    .filter((name) => name.endsWith(".xlsx"))
    .sort()
    .map((name) => join(dir, name));
}

function python(): string | undefined {
  for (const candidate of ["/usr/bin/python3", "python3"]) {
    const probe = spawnSync(candidate, ["-c", "import openpyxl"], { stdio: "ignore" });
    if (probe.status === 0) return candidate;
  }
  return undefined;
}

function openpyxlRead(interpreter: string, files: string[], work: string): { ms: number; cells: number; peak_rss_mb: number } {
  const listing = join(work, "fichiers.txt");
  writeFileSync(listing, files.join("\n"));
  const started = performance.now();
  const out = execFileSync(interpreter, [join(ROOT, "bench", "openpyxl-read.py"), listing], { encoding: "utf8" });
  const wall = performance.now() - started;
  const figures = JSON.parse(out) as { ms: number; cells: number; peak_rss_mb: number };
  // The wall time, interpreter start included, as for the command line below.
  return { ...figures, ms: Math.round(wall) };
}

function ctgConsolidate(files: string[], work: string): { ms: number; peak_rss_mb: number; exit_code: number; output_mb: number } {
  const out = join(work, "consolidation.xlsx");
  rmSync(out, { force: true });
  const rssFile = join(work, "rss.txt");
  const started = performance.now();
  const run = spawnSync(
    process.execPath,
    ["--require", join(ROOT, "bench", "peak-rss.cjs"), join(ROOT, "build", "ctg.cjs"), "consolidate", ...files, "--out", out],
    {
      env: { ...process.env, CTG_PEAK_RSS_FILE: rssFile },
      stdio: ["ignore", "ignore", "pipe"],
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  const ms = Math.round(performance.now() - started);
  return {
    ms,
    exit_code: run.status ?? -1,
    peak_rss_mb: Math.round(Number(readFileSync(rssFile, "utf8")) / 1024),
    output_mb: existsSync(out) ? Math.round(statSync(out).size / 104857.6) / 10 : 0,
  };
}

export async function nationalConsolidationFigures(sizes: number[]): Promise<Record<string, unknown>[]> {
  const largest = Math.max(...sizes);
  const generateStart = performance.now();
  const all = await territories(largest);
  const generateMs = Math.round(performance.now() - generateStart);
  const interpreter = python();
  const work = mkdtempSync(join(tmpdir(), "ctg-bench-national-"));
  const figures: Record<string, unknown>[] = [];
  try {
    for (const size of sizes) {
      const files = all.slice(0, size);
      const inputMb = Math.round(files.reduce((sum, file) => sum + statSync(file).size, 0) / 104857.6) / 10;
      // Best of two alternated runs below 1 000 files: two cores shared with the system make single runs vary.
      const runs = size >= 1000 ? 1 : 2;
      const ours: ReturnType<typeof ctgConsolidate>[] = [];
      const theirs: ReturnType<typeof openpyxlRead>[] = [];
      for (let round = 0; round < runs; round++) {
        if (interpreter) theirs.push(openpyxlRead(interpreter, files, work));
        ours.push(ctgConsolidate(files, work));
      }
      const best = <T extends { ms: number }>(results: T[]) => results.reduce((a, b) => (b.ms < a.ms ? b : a));
      const ctg = best(ours);
      const openpyxl = theirs.length > 0 ? best(theirs) : undefined;
      figures.push({
        figure: "consolidation_vs_openpyxl",
        files: size,
        input_mb: inputMb,
        runs,
        ctg_consolidate_ms: ctg.ms,
        ctg_peak_rss_mb: Math.max(...ours.map((run) => run.peak_rss_mb)),
        ctg_exit_code: ctg.exit_code,
        output_mb: ctg.output_mb,
        ...(openpyxl
          ? {
              openpyxl_read_ms: openpyxl.ms,
              openpyxl_peak_rss_mb: openpyxl.peak_rss_mb,
              openpyxl_cells: openpyxl.cells,
              ratio: Math.round((ctg.ms / openpyxl.ms) * 100) / 100,
            }
          : { openpyxl: "absent : installez python3-openpyxl (Debian) pour la comparaison" }),
        goal_ratio: 1.0,
        goal_peak_rss_mb: 150,
        ...(size === largest ? { generate_ms: generateMs } : {}),
      });
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return figures;
}
