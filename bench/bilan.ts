/** Computing and writing a bilan for 200 fiches: the pure computation, the sheet on the fake host, the COPIL deck. */
import { performance } from "node:perf_hooks";
import { computeReport } from "../src/domain/report";
import { applyWorkbookPlan, generateBilan } from "../src/excel";
import { renderDeck } from "../src/report/deck";
import { fullTracking, syntheticPlan } from "../src/samples/synthetic-plan";
import { buildTableauPlan } from "../src/workbook/build-tableau";
import { createFakeExcel } from "../tests/fake-excel";

/** Read after the synthetic convention's end, so that every filled quarter has begun. */
const AFTER_CONVENTION = "2031-03-01";

export async function bilanFigures(now: string): Promise<Record<string, unknown>[]> {
  const plan = syntheticPlan({ actions: 200, indicatorsPerAction: 6 });
  const tracking = fullTracking(plan);

  const computeStart = performance.now();
  const report = computeReport(tracking, { kind: "final", today: AFTER_CONVENTION });
  const computeMs = performance.now() - computeStart;

  const host = createFakeExcel();
  await applyWorkbookPlan(host.context, buildTableauPlan(tracking, { now }));
  host.resetStats();
  const sheetStart = performance.now();
  const generated = await generateBilan(host.context, { kind: "final" }, { today: AFTER_CONVENTION });
  const sheetMs = performance.now() - sheetStart;

  const deckStart = performance.now();
  const deck = await renderDeck(report);
  const deckMs = performance.now() - deckStart;

  return [
    {
      figure: "bilan_final",
      fiches: 200,
      indicators: report.indicators.length,
      quarters: report.period.quarters.length,
      compute_ms: Math.round(computeMs),
      read_compute_write_sheet_ms: Math.round(sheetMs),
      syncs: host.stats.syncs,
      // Six since template 1.3: reading « Saisies » with its « Vérifié » column takes two slices at 200 fiches.
      goal_syncs: 6,
      charts: generated.charts,
      largest_request_bytes: Math.max(...host.stats.requestBytes),
      largest_response_bytes: Math.max(...host.stats.responseBytes),
      deck_ms: Math.round(deckMs),
      deck_slides: deck.titles.length,
      deck_kb: Math.round(deck.bytes.length / 1024),
    },
  ];
}
