/** Time to parse a 50-fiche répertoire. */
import { performance } from "node:perf_hooks";
import { parseRepertoire } from "../src/import/parse-repertoire";
import { syntheticPlan } from "../src/samples/synthetic-plan";
import { repertoireText } from "../tests/support/repertoire-writer";

export function importFigures(): Record<string, unknown>[] {
  const text = repertoireText(syntheticPlan({ actions: 50, indicatorsPerAction: 6 }));
  const times: number[] = [];
  let fiches = 0;
  for (let run = 0; run < 20; run++) {
    const start = performance.now();
    fiches = parseRepertoire(text).actionCount;
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return [{ figure: "import_repertoire_ms", fiches, text_kb: Math.round(text.length / 1024), median_ms: Math.round(times[10] * 10) / 10 }];
}
