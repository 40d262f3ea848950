// Bundles the Node entry points (CLI, benchmarks) with esbuild; runs on `npm ci` through the `prepare` script.
import { build } from "esbuild";
import { existsSync } from "node:fs";

const common = { bundle: true, platform: "node", target: "node20", format: "cjs", packages: "external", sourcemap: "linked", logLevel: "warning" };
const entries = [
  ["src/cli/main.ts", "build/ctg.cjs"],
  ["bench/index.ts", "build/bench.cjs"],
  ["bench/generate-territories.ts", "build/generate-territories.cjs"],
  ["bench/writer-step.ts", "build/writer-step.cjs"],
  ["scripts/list-french-literals.ts", "build/list-french-literals.cjs"],
  ["scripts/docs-columns.ts", "build/docs-columns.cjs"],
];
await Promise.all(entries.filter(([entry]) => existsSync(entry)).map(([entry, outfile]) => build({ ...common, entryPoints: [entry], outfile })));
