/** Computing and writing a bilan for 200 fiches: the pure computation, the sheet on the fake host, the COPIL deck. */
import { performance } from "node:perf_hooks";
import { computeReport } from "../src/domain/report";
import { applyWorkbookPlan, generateBilan } from "../src/excel";
import { renderBilanDocument } from "../src/report/bilan-document";
import { renderDeck } from "../src/report/deck";
import type { Evaluations } from "../src/domain/evaluation";
import { conventionYears } from "../src/domain/evaluation";
import { allActions } from "../src/domain/plan";
import type { Tracking } from "../src/domain/tracking";
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

  // The written bilan of a convention whose every fiche is evaluated every year, with texts of a few sentences.
  const evaluated = withEvaluations(tracking);
  const documentReport = computeReport(evaluated, { kind: "final", today: AFTER_CONVENTION });
  const documentRuns: number[] = [];
  let document = await renderBilanDocument(documentReport);
  for (let run = 0; run < 3; run++) {
    const start = performance.now();
    document = await renderBilanDocument(documentReport);
    documentRuns.push(performance.now() - start);
  }
  documentRuns.sort((a, b) => a - b);

  return [
    {
      figure: "bilan_document",
      fiches: 200,
      indicators: documentReport.indicators.length,
      evaluations: (evaluated.evaluations?.fiches.length ?? 0) + (evaluated.evaluations?.axes.length ?? 0),
      write_docx_ms_median: Math.round(documentRuns[1]),
      write_docx_ms_min: Math.round(documentRuns[0]),
      goal_ms: 2000,
      docx_kb: Math.round(document.bytes.length / 1024),
      headings: document.headings.length,
    },
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

/** Every fiche and every axe evaluated every year of the convention, as a thorough bilan final would be. */
function withEvaluations(tracking: Tracking): Tracking {
  const years = conventionYears(tracking.plan.convention);
  const text = (what: string, code: string, year: number) =>
    `${what} ${code} en ${year} : les familles du territoire disent mieux connaître les services, la fréquentation progresse et les partenaires se réunissent chaque trimestre.`;
  const evaluations: Evaluations = {
    fiches: allActions(tracking.plan).flatMap((action) =>
      years.map((year, index) => ({
        actionCode: action.code,
        year,
        effects: text("Effets de la fiche", action.code, year),
        evidence: text("Sources de la fiche", action.code, year),
        appreciation: (["Atteint", "Partiellement atteint", "Non atteint", "Trop tôt pour dire"] as const)[index % 4],
        adjustments: text("Ajustements de la fiche", action.code, year),
      })),
    ),
    axes: tracking.plan.axes.flatMap((axis) =>
      years.map((year) => ({
        axisCode: axis.code,
        year,
        synthesis: text("Synthèse de l'axe", axis.code, year),
        decisions: text("Décisions pour l'axe", axis.code, year),
      })),
    ),
  };
  return { ...tracking, evaluations };
}
