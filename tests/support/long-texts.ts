/** Tableaux whose every Réalisations, Difficultés and Ajustements holds a long text, for the payload tests. */
import type { Tracking } from "../../src/domain/tracking";
import { fullTracking, syntheticPlan } from "../../src/samples/synthetic-plan";

/** 300 characters of French, accents included (they weigh two bytes each in a request). */
export function longText(seed: string): string {
  const base = `${seed} — Réunion du comité de pilotage élargie aux partenaires ; décisions prises, échéances revues, difficultés de recrutement évoquées et solutions étudiées avec la Caf, la MSA et le Département. `;
  return base.repeat(3).slice(0, 300);
}

export function longTextTracking(actions: number): Tracking {
  const tracking = fullTracking(syntheticPlan({ actions, indicatorsPerAction: 6 }));
  for (const status of tracking.statuses) {
    status.achievements = longText(`${status.actionCode} ${status.quarter} réalisations`);
    status.difficulties = longText(`${status.actionCode} ${status.quarter} difficultés`);
    status.adjustments = longText(`${status.actionCode} ${status.quarter} ajustements`);
  }
  return tracking;
}
