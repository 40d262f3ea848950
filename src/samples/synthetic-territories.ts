/**
 * Territories of all shapes for the consolidation's tests and benchmark: each its own plan (15 to 60 fiches, its
 * own champs and indicator types), a five-year convention (20 quarters) and entries more or less complete.
 * Deterministic: the same index and seed always give the same territory.
 */
import type { ActionSheet, Axis, Indicator, Plan } from "../domain/plan";
import { type Quarter, compareQuarters, quarterOf, quartersBetween } from "../domain/quarters";
import type { Measurement, StatusEntry, Tracking } from "../domain/tracking";
import { FIELDS, INDICATOR_TYPES, type Field, type IndicatorType } from "../domain/vocabulary";
import { type ValueSeries, plausibleSeries } from "./plausible-values";
import { syntheticIndicator } from "./synthetic-plan";

/** A small seeded generator (mulberry32): reproducible without a dependency. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const KINDS = ["Communauté de communes", "Communauté d'agglomération", "Commune de", "Communauté de communes du Pays de"];
const PLACES = [
  "Vallée Verte",
  "Monts du Lac",
  "Haut-Bocage",
  "Trois Rivières",
  "Causses et Gorges",
  "Plaine d'Arvor",
  "Coteaux du Soleil",
  "Marais de l'Ouest",
];
/** Difficulties typed the way people type them, including the ones a spreadsheet would take for a formula. */
const DIFFICULTIES = [
  "Poste de coordination vacant",
  "-30 % de fréquentation cet été",
  "=> report au trimestre suivant",
  "+ de demandes que de places",
  "@mairie : local indisponible",
  "Partenaires peu disponibles",
];

export interface TerritoryOptions {
  index: number;
  seed?: number;
  start?: string;
  end?: string;
  /** Last quarter with entries (a convention in progress); by default every quarter of the convention. */
  until?: Quarter;
}

/**
 * The period `npm run territories` gives by default: five-year conventions begun two years before `now`'s year,
 * filled up to `now`'s quarter, so that the consolidation accepts them the day they are written.
 */
export function conventionInProgress(now: string, period: { start?: string; end?: string } = {}): Required<Pick<TerritoryOptions, "start" | "end" | "until">> {
  const year = Number(now.slice(0, 4));
  return { start: period.start ?? `${year - 2}-01-01`, end: period.end ?? `${year + 2}-12-31`, until: quarterOf(now.slice(0, 10)) };
}

export function syntheticTerritory(options: TerritoryOptions): Tracking {
  const next = random((options.seed ?? 1) * 100_003 + options.index);
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)];
  const fiches = 15 + Math.floor(next() * 46);
  const axisCount = 2 + Math.floor(next() * 3);
  const axes: Axis[] = Array.from({ length: axisCount }, (_, a) => ({
    code: String(a + 1),
    title: `Axe ${a + 1} du territoire ${options.index + 1}`,
    subAxes: [],
  }));
  for (let index = 0; index < fiches; index++) {
    const axis = axes[index % axisCount];
    const letter = String.fromCharCode(65 + (Math.floor(index / axisCount) % 3));
    let sub = axis.subAxes.find((candidate) => candidate.code === `${axis.code}.${letter}`);
    if (!sub) {
      sub = { code: `${axis.code}.${letter}`, title: `Sous-axe ${axis.code}.${letter}`, actions: [] };
      axis.subAxes.push(sub);
    }
    const code = `${sub.code}.${sub.actions.length + 1}`;
    const fields: Field[] = [...new Set([pick(FIELDS), ...(next() < 0.3 ? [pick(FIELDS)] : [])])];
    const indicatorCount = 1 + Math.floor(next() * 4);
    const action: ActionSheet = {
      code,
      title: `Fiche ${code} : ${pick(["soutenir", "développer", "coordonner", "faire connaître"])} ${pick(["l'accueil du jeune enfant", "les accueils de loisirs", "la parentalité", "l'accès aux droits", "l'animation de la vie sociale"])}`,
      deadline: String(2026 + Math.floor(next() * 5)),
      pilots: [pick(["Communauté de communes", "Centre social", "Caf", "Commune"])],
      partners: ["Caf", "MSA"],
      fields,
      links: [],
      objectives: ["Répondre aux besoins des familles"],
      indicators: Array.from({ length: indicatorCount }, (_, i) => {
        const type: IndicatorType = INDICATOR_TYPES[Math.floor(next() * INDICATOR_TYPES.length)];
        const target =
          type === "nombre"
            ? 20 + Math.floor(next() * 200)
            : type === "taux"
              ? 50 + Math.floor(next() * 40)
              : type === "montant"
                ? 10_000 + Math.floor(next() * 90_000)
                : undefined;
        return syntheticIndicator(code, i, type, target);
      }),
    };
    sub.actions.push(action);
  }
  const plan: Plan = {
    convention: {
      territory: `${pick(KINDS)} ${pick(PLACES)} ${options.index + 1}`,
      inseeOrSiren: String(200_000_000 + options.index * 7919),
      start: options.start ?? "2026-01-01",
      end: options.end ?? "2030-12-31",
      signatories: ["Caf", "MSA"],
    },
    axes,
  };
  const completeness = 0.6 + next() * 0.4;
  const statuses: StatusEntry[] = [];
  const measurements: Measurement[] = [];
  const until = options.until;
  const quarters = quartersBetween(plan.convention.start, plan.convention.end).filter((quarter) => until === undefined || compareQuarters(quarter, until) <= 0);
  const series = new Map<string, ValueSeries>();
  const seriesOf = (indicator: Indicator): ValueSeries => {
    let known = series.get(indicator.id);
    if (!known) {
      known = plausibleSeries(indicator, next);
      series.set(indicator.id, known);
    }
    return known;
  };
  for (const axis of axes) {
    for (const sub of axis.subAxes) {
      for (const action of sub.actions) {
        let progress = 0;
        quarters.forEach((quarter, q) => {
          if (next() > completeness) return;
          progress = Math.min(100, progress + Math.floor(next() * 15));
          const status = progress >= 100 ? "Réalisée" : progress === 0 ? "À lancer" : next() < 0.06 ? pick(["Reportée", "Abandonnée"] as const) : "En cours";
          const difficulties = status === "Reportée" || status === "Abandonnée" || next() < 0.15 ? pick(DIFFICULTIES) : undefined;
          statuses.push({
            actionCode: action.code,
            quarter,
            status,
            progress: status === "À lancer" ? 0 : status === "Réalisée" ? 100 : Math.min(progress, 95),
            ...(difficulties ? { difficulties } : {}),
            ...(q % 4 === 0 ? { achievements: "Réunion du comité technique" } : {}),
          });
          for (const indicator of action.indicators) {
            // A fiche done has its final results: only the others leave values out.
            if (status !== "Réalisée" && next() > completeness) continue;
            const value = seriesOf(indicator)(q);
            measurements.push({ indicatorId: indicator.id, quarter, value });
          }
        });
      }
    }
  }
  return { plan, statuses, measurements, lockedQuarters: [], archive: [] };
}
