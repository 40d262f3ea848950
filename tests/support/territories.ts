/** Two small territories' trackings for the consolidation tests: different plans' contents, tricky texts. */
import { readPlan } from "../../src/domain/plan";
import type { Tracking } from "../../src/domain/tracking";
import { SMALL_PLAN_JSON } from "./small-plan";

function plan(territory: string, code: string) {
  const json = JSON.parse(JSON.stringify(SMALL_PLAN_JSON));
  json.convention.territory = territory;
  json.convention.inseeOrSiren = code;
  json.axes[0].subAxes[0].actions[0].indicators[1].target = 90;
  const reading = readPlan(json);
  if (!reading.ok) throw new Error("plan");
  return reading.plan;
}

export function territoryA(): Tracking {
  return {
    plan: plan("Commune de Test", "12345"),
    statuses: [
      { actionCode: "1.A.1", quarter: "2026-T1", status: "En cours", progress: 20, difficulties: "=SOMME(A1) trop cher" },
      { actionCode: "1.A.1", quarter: "2026-T3", status: "Réalisée", progress: 100 },
      { actionCode: "1.A.2", quarter: "2026-T2", status: "En cours", progress: 40, achievements: "@RPE : permanence ouverte" },
    ],
    measurements: [
      { indicatorId: "1.A.1-I1", quarter: "2026-T3", value: 12 },
      { indicatorId: "1.A.1-I2", quarter: "2026-T3", value: 85.5 },
      // A fiche done has its final results: without this one, the plausibility checks would ask for it.
      { indicatorId: "1.A.1-I3", quarter: "2026-T3", value: 18500 },
      { indicatorId: "2.A.1-I1", quarter: "2026-T2", value: "-10 % de participants", comment: "+ ateliers le samedi" },
    ],
    lockedQuarters: [],
    archive: [],
  };
}

export function territoryB(): Tracking {
  return {
    plan: plan("Commune de Là-Haut", "67890"),
    statuses: [
      { actionCode: "1.A.1", quarter: "2026-T1", status: "À lancer", progress: 0 },
      // Reportée with no difficulty explained: a warning, not an error.
      { actionCode: "2.A.1", quarter: "2026-T2", status: "Reportée", adjustments: "Reprise en 2027" },
    ],
    measurements: [{ indicatorId: "1.A.2-I1", quarter: "2026-T2", value: true }],
    lockedQuarters: [],
    archive: [],
  };
}

/** Another territory with territory A's entries: for batches of many files. */
export function territoryNumbered(index: number): Tracking {
  return { ...territoryA(), plan: plan(`Commune n° ${index}`, String(10_000 + index)) };
}
