/**
 * Writes N synthetic territory workbooks: `npm run territories -- --count 100 --out territoires/ [--seed 1]`.
 * Each is a real tableau (template of this version) with its own plan and entries. As a command, the conventions
 * are in progress today (five years, from two years back) and filled up to the current quarter, so that
 * `ctg consolidate` accepts them on the day they are written; the bench passes a period already over and its date.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { conventionInProgress, syntheticTerritory } from "../src/samples/synthetic-territories";
import { writeTrackingFile } from "../src/xlsx/tableau-file";

/** `period`: the conventions' dates (by default 2026-2030) and the last quarter with entries (by default all of them). */
export async function generateTerritories(
  count: number,
  dir: string,
  seed = 1,
  now = "2031-01-15T09:00:00.000Z",
  period: { start?: string; end?: string; until?: string } = {},
): Promise<string[]> {
  mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  for (let index = 0; index < count; index++) {
    const file = join(dir, `territoire-${String(index + 1).padStart(4, "0")}.xlsx`);
    writeFileSync(file, await writeTrackingFile(syntheticTerritory({ index, seed, ...period }), now));
    files.push(file);
  }
  return files;
}

// Bundled into build/bench.cjs too: run as a command only when this script itself is the one started.
if (require.main === module && /generate-territories/.test(process.argv[1] ?? "")) {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: { count: { type: "string" }, out: { type: "string" }, seed: { type: "string" }, start: { type: "string" }, end: { type: "string" } },
  });
  const count = Number(values.count ?? "10");
  const dir = values.out ?? "territoires";
  if (!Number.isInteger(count) || count < 1) {
    console.error("Usage : npm run territories -- --count N --out DOSSIER [--seed S] [--start AAAA-MM-JJ --end AAAA-MM-JJ]");
    process.exit(2);
  }
  const now = new Date().toISOString();
  const period = conventionInProgress(now, { ...(values.start ? { start: values.start } : {}), ...(values.end ? { end: values.end } : {}) });
  void generateTerritories(count, dir, Number(values.seed ?? "1"), now, period).then((files) =>
    console.log(`${files.length} classeurs de territoires écrits dans ${dir}/`),
  );
}
