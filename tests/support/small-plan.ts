/** A small plan covering every indicator type, for tests that must be read at a glance. */
import { type Plan, readPlan } from "../../src/domain/plan";

export const SMALL_PLAN_JSON = {
  convention: { territory: "Commune de Test", start: "2026-01-01", end: "2027-12-31", caf: "Caf de Test", signatories: ["Caf de Test", "Commune de Test"] },
  axes: [
    {
      code: "1",
      title: "Petite enfance",
      subAxes: [
        {
          code: "1.A",
          title: "Accueil",
          actions: [
            {
              code: "1.A.1",
              title: "Ouvrir une micro-crèche",
              deadline: "2026",
              pilots: ["Commune"],
              partners: ["Caf", "PMI"],
              fields: ["petite enfance"],
              links: ["2.A.1"],
              indicators: [
                { label: "Nombre de places", type: "nombre", unit: "places", aggregation: "derniere" },
                { label: "Taux d'occupation", type: "taux" },
                { label: "Budget engagé", type: "montant" },
              ],
            },
            {
              code: "1.A.2",
              title: "Soutenir les assistantes maternelles",
              deadline: "Dès 2026",
              pilots: ["RPE"],
              partners: [],
              fields: ["petite enfance", "parentalité"],
              links: [],
              indicators: [
                { label: "Guichet unique ouvert", type: "oui-non" },
                { label: "Satisfaction des familles", type: "echelle", periodicity: "annuelle" },
              ],
            },
          ],
        },
      ],
    },
    {
      code: "2",
      title: "Accès aux droits",
      subAxes: [
        {
          code: "2.A",
          title: "Numérique",
          actions: [
            {
              code: "2.A.1",
              title: "Faciliter l'accès au numérique",
              deadline: "2027",
              pilots: ["CC"],
              partners: ["France Services"],
              fields: ["inclusion numérique"],
              links: ["1.A.1"],
              indicators: [{ label: "Nature des ateliers proposés", type: "texte" }],
            },
          ],
        },
      ],
    },
  ],
};

export function smallPlan(): Plan {
  const reading = readPlan(JSON.parse(JSON.stringify(SMALL_PLAN_JSON)));
  if (!reading.ok) throw new Error(JSON.stringify(reading.issues));
  return reading.plan;
}

/** A date at which 2026-T1 … 2026-T4 have begun and 2027 has not. */
export const TODAY = "2026-11-24";
export const NOW = "2026-11-24T10:00:00.000Z";
