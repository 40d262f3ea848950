/**
 * Indicator values that a territory could really report, for the demo and the synthetic territories: each indicator
 * keeps a level of its own (from its cible and référence when it has them) and moves around it quarter after
 * quarter, the way the plausibility checks (src/domain/plausibility.ts) expect real data to move. A sample that the
 * checks flag all over would teach people to ignore the warnings.
 */
import type { Indicator } from "../domain/plan";
import type { MeasurementValue } from "../domain/tracking";

export type ValueSeries = (step: number) => MeasurementValue;

/** Quarters over which a « somme » indicator's cible is meant to be reached: a five-year convention. */
const CONVENTION_QUARTERS = 20;

/** Rounded to `decimals` places, the way people type it. */
function rounded(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

/**
 * The series of one indicator: `step` counts its measured quarters from 0. `random` gives numbers in [0, 1).
 * - « somme »: each quarter's own count, around the cible spread over the convention (± 25 %);
 * - « dernière valeur »: a level that climbs slowly from the référence towards the cible, never falling by half;
 * - « moyenne » (taux, échelle): around a level between the référence and the cible (± 10 %).
 */
export function plausibleSeries(indicator: Pick<Indicator, "type" | "aggregation" | "target" | "baseline">, random: () => number): ValueSeries {
  const jitter = (spread: number) => 1 - spread + 2 * spread * random();
  switch (indicator.type) {
    case "oui-non": {
      const from = 1 + Math.floor(random() * 4);
      return (step) => step >= from;
    }
    case "texte":
      return (step) => (step === 0 ? "Premiers retours positifs des familles et des partenaires." : "Actions diversifiées ; communication à renforcer.");
    case "echelle": {
      const level = 2 + Math.floor(random() * 3);
      return (step) => Math.min(5, level + (step > 4 && random() < 0.3 ? 1 : 0));
    }
    case "taux": {
      const low = indicator.baseline ?? 40 + random() * 20;
      const high = Math.max(low, indicator.target ?? low + 15);
      const level = low + (high - low) * random();
      return () => rounded(Math.min(99.5, Math.max(0.5, level * jitter(0.1))), 1);
    }
    case "nombre":
    case "montant": {
      const decimals = indicator.type === "montant" ? 2 : 0;
      const smallest = indicator.type === "montant" ? 500 : 3;
      if (indicator.aggregation === "somme") {
        const level =
          Math.max(smallest, (indicator.target ?? smallest * (3 + random() * 8) * CONVENTION_QUARTERS) / CONVENTION_QUARTERS) * (0.8 + random() * 0.6);
        return () => rounded(level * jitter(0.25), decimals);
      }
      const start = indicator.baseline ?? (indicator.target ? indicator.target * (0.4 + random() * 0.3) : smallest * (2 + random() * 10));
      const end = Math.max(start, indicator.target ?? start * 1.3);
      return (step) => rounded((start + ((end - start) * Math.min(step, CONVENTION_QUARTERS)) / CONVENTION_QUARTERS) * jitter(0.08), decimals);
    }
  }
}
