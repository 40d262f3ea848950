/** The built-in sample: the plan d'actions 2026-2030 of the Communauté de communes Monts, Rance et Rougier. */
import { type Plan, readPlan } from "../domain/plan";
import sample from "./monts-rance-rougier.plan.json";

export function samplePlan(): Plan {
  const reading = readPlan(sample);
  if (!reading.ok) throw new Error(`The built-in sample plan is invalid: ${JSON.stringify(reading.issues)}`);
  return reading.plan;
}
