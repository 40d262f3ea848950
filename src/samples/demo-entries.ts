/**
 * Plausible entries for the demo tableau: two quarters of statuses and indicator values, the same on every run so
 * that the demo workbook and its checks are reproducible.
 */
import { allIndicators, locatedActions, type Indicator, type Plan } from "../domain/plan";
import { measuredQuarters, quartersBetween, type Quarter } from "../domain/quarters";
import type { Measurement, MeasurementValue, StatusEntry, Tracking } from "../domain/tracking";
import type { Status } from "../domain/vocabulary";

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

function valueFor(indicator: Indicator, random: () => number, quarterIndex: number): MeasurementValue {
  switch (indicator.type) {
    case "nombre":
      return Math.round(3 + random() * 25) + quarterIndex * 2;
    case "taux":
      return Math.round((40 + random() * 45) * 10) / 10;
    case "montant":
      return Math.round((1500 + random() * 20000) * 100) / 100;
    case "oui-non":
      return quarterIndex > 0 || random() > 0.5;
    case "echelle":
      return 3 + Math.round(random());
    case "texte":
      return quarterIndex === 0 ? "Premiers retours positifs des familles et des partenaires." : "Actions diversifiées ; communication à renforcer.";
  }
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
    quarters.forEach((quarter, quarterIndex) => {
      if (measured.has(quarter)) measurements.push({ indicatorId: indicator.id, quarter, value: valueFor(indicator, random, quarterIndex) });
    });
  }
  return { plan, statuses, measurements, lockedQuarters: quarters.slice(0, 1), archive: [] };
}
