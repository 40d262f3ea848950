/**
 * Plausible entries for the demo tableau: two quarters of statuses and indicator values, the same on every run so
 * that the demo workbook and its checks are reproducible.
 */
import { allIndicators, locatedActions, type Plan } from "../domain/plan";
import { measuredQuarters, quartersBetween, type Quarter } from "../domain/quarters";
import type { Evaluations, FicheEvaluation } from "../domain/evaluation";
import type { Measurement, StatusEntry, Tracking } from "../domain/tracking";
import type { Status } from "../domain/vocabulary";
import { plausibleSeries } from "./plausible-values";

/** Small deterministic generator (a linear congruential sequence): the demo must not change between runs. */
function sequence(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

interface Story {
  status: Status;
  progress: number;
  achievements: string;
  difficulties?: string;
  adjustments?: string;
}

function storyFor(index: number, quarterIndex: number, title: string): Story {
  const subject = title.charAt(0).toLowerCase() + title.slice(1);
  if (index % 7 === 3) {
    return quarterIndex === 0
      ? { status: "À lancer", progress: 0, achievements: "Premiers contacts pris avec les partenaires." }
      : {
          status: "Reportée",
          progress: 0,
          achievements: "Réunion de cadrage tenue avec les partenaires.",
          difficulties: "Poste de coordination vacant jusqu'à l'automne : lancement décalé.",
          adjustments: "Démarrage reporté au 1er trimestre de l'année suivante.",
        };
  }
  if (index % 5 === 1) {
    return quarterIndex === 0
      ? { status: "En cours", progress: 60, achievements: `Travaux engagés : ${subject}.` }
      : { status: "Réalisée", progress: 100, achievements: `Action achevée : ${subject}. Bilan présenté au comité technique.` };
  }
  const progress = quarterIndex === 0 ? 10 + (index % 3) * 10 : 35 + (index % 4) * 10;
  return {
    status: "En cours",
    progress,
    achievements:
      quarterIndex === 0
        ? "Groupe de travail constitué ; calendrier partagé avec les partenaires."
        : "Deux réunions partenariales ; premières actions auprès des familles.",
    ...(index % 4 === 2 ? { difficulties: "Disponibilité limitée des partenaires pendant l'été." } : {}),
    ...(index % 4 === 2 && quarterIndex === 1 ? { adjustments: "Réunions déplacées en fin de journée." } : {}),
  };
}

/** Entries for the first `quarterCount` quarters of the convention. */
export function demoTracking(plan: Plan, quarterCount = 2): Tracking {
  const quarters = quartersBetween(plan.convention.start, plan.convention.end).slice(0, quarterCount);
  const statuses: StatusEntry[] = [];
  locatedActions(plan).forEach(({ action }, index) => {
    quarters.forEach((quarter, quarterIndex) => statuses.push({ actionCode: action.code, quarter, ...storyFor(index, quarterIndex, action.title) }));
  });
  const random = sequence(2026);
  const measurements: Measurement[] = [];
  const allQuarters = quartersBetween(plan.convention.start, plan.convention.end);
  for (const { indicator } of allIndicators(plan)) {
    const measured = new Set<Quarter>(measuredQuarters(indicator.periodicity, allQuarters));
    const series = plausibleSeries(indicator, random);
    quarters
      .filter((quarter) => measured.has(quarter))
      .forEach((quarter, step) => measurements.push({ indicatorId: indicator.id, quarter, value: series(step) }));
  }
  return { plan, statuses, measurements, lockedQuarters: quarters.slice(0, 1), archive: [], evaluations: demoEvaluations(plan, statuses) };
}

/**
 * A first year's written evaluation, as a chargé de coopération drafts it before the point d'étape: the fiches done
 * or postponed by the last quarter entered, and the first axe's synthesis.
 */
function demoEvaluations(plan: Plan, statuses: readonly StatusEntry[]): Evaluations {
  const year = Number(plan.convention.start.slice(0, 4));
  const last = new Map(statuses.map((entry) => [entry.actionCode, entry.status]));
  const fiches = locatedActions(plan).flatMap(({ action }): FicheEvaluation[] => {
    const status = last.get(action.code);
    if (status === "Réalisée")
      return [
        {
          actionCode: action.code,
          year,
          effects: "Les familles concernées disent trouver plus facilement une réponse près de chez elles.",
          evidence: "Questionnaire aux familles (42 réponses) ; compte rendu du comité technique.",
          appreciation: "Atteint",
        },
      ];
    if (status === "Reportée")
      return [
        {
          actionCode: action.code,
          year,
          appreciation: "Trop tôt pour dire",
          adjustments: "Recruter la coordination avant de fixer un nouveau calendrier.",
        },
      ];
    return [];
  });
  const axis = plan.axes[0];
  return {
    fiches,
    axes: axis
      ? [{ axisCode: axis.code, year, synthesis: "Première année : les actions de l'axe sont lancées ; les premiers effets pour les familles apparaissent." }]
      : [],
  };
}
