/** Plans and entries of any size, for benchmarks and scale tests. */
import type { ActionSheet, Axis, Indicator, Plan } from "../domain/plan";
import { quartersBetween } from "../domain/quarters";
import type { Measurement, StatusEntry, Tracking } from "../domain/tracking";
import { INDICATOR_TYPES, STATUSES, type IndicatorType } from "../domain/vocabulary";
import { DEFAULT_AGGREGATION } from "../domain/plan";

export interface SyntheticOptions {
  actions: number;
  indicatorsPerAction: number;
  start?: string;
  end?: string;
  territory?: string;
}

const SYNTHETIC_TARGETS: Partial<Record<IndicatorType, number>> = { nombre: 400, taux: 80, montant: 250_000 };

/** The `i`-th indicator (0-based) of a synthetic fiche: the synthetic plans and territories name them alike. */
export function syntheticIndicator(code: string, i: number, type: IndicatorType, target: number | undefined): Indicator {
  return {
    id: `${code}-I${i + 1}`,
    label: `Indicateur ${i + 1} de la fiche ${code}`,
    type,
    aggregation: DEFAULT_AGGREGATION[type],
    periodicity: "trimestrielle",
    ...(target !== undefined ? { target } : {}),
  };
}

export function syntheticPlan(options: SyntheticOptions): Plan {
  const axes: Axis[] = [];
  for (let index = 0; index < options.actions; index++) {
    const axisNumber = (index % 4) + 1;
    const subAxisLetter = String.fromCharCode(65 + (Math.floor(index / 4) % 3));
    let axis = axes.find((candidate) => candidate.code === String(axisNumber));
    if (!axis) {
      axis = { code: String(axisNumber), title: `Axe ${axisNumber}`, subAxes: [] };
      axes.push(axis);
    }
    const subAxisCode = `${axisNumber}.${subAxisLetter}`;
    let subAxis = axis.subAxes.find((candidate) => candidate.code === subAxisCode);
    if (!subAxis) {
      subAxis = { code: subAxisCode, title: `Sous-axe ${subAxisCode}`, actions: [] };
      axis.subAxes.push(subAxis);
    }
    const code = `${subAxisCode}.${subAxis.actions.length + 1}`;
    const action: ActionSheet = {
      code,
      title: `Fiche action ${code} : développer l'offre de services aux familles`,
      deadline: String(2026 + (index % 5)),
      pilots: ["Communauté de communes"],
      partners: ["Caf", "MSA", "Département"],
      fields: ["petite enfance"],
      links: [],
      objectives: ["Améliorer l'accès des familles aux services"],
      indicators: Array.from({ length: options.indicatorsPerAction }, (_, i) => {
        const type: IndicatorType = INDICATOR_TYPES[(index + i) % INDICATOR_TYPES.length];
        return syntheticIndicator(code, i, type, SYNTHETIC_TARGETS[type]);
      }),
    };
    subAxis.actions.push(action);
  }
  return {
    convention: {
      territory: options.territory ?? "Territoire de synthèse",
      start: options.start ?? "2026-01-01",
      end: options.end ?? "2030-12-31",
      signatories: [],
    },
    axes,
  };
}

/** Every fiche and indicator filled for every quarter. */
export function fullTracking(plan: Plan): Tracking {
  const quarters = quartersBetween(plan.convention.start, plan.convention.end);
  const statuses: StatusEntry[] = [];
  const measurements: Measurement[] = [];
  for (const axis of plan.axes) {
    for (const subAxis of axis.subAxes) {
      for (const action of subAxis.actions) {
        quarters.forEach((quarter, q) => {
          // Launched in a quarter of its own, then under way: a status never goes back without a word of adjustment.
          const status = STATUSES[q < action.code.length % 3 ? 0 : 1];
          statuses.push({ actionCode: action.code, quarter, status, progress: status === "À lancer" ? 0 : 50, achievements: "Réunion partenariale" });
          for (const indicator of action.indicators) {
            const value =
              indicator.type === "oui-non"
                ? true
                : indicator.type === "texte"
                  ? "Bon retour"
                  : indicator.type === "echelle"
                    ? 4
                    : indicator.type === "taux"
                      ? 55.5
                      : indicator.type === "montant"
                        ? 1250.5
                        : 12;
            measurements.push({ indicatorId: indicator.id, quarter, value });
          }
        });
      }
    }
  }
  return { plan, statuses, measurements, lockedQuarters: [], archive: [] };
}
