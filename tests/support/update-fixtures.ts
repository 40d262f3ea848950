/** What the tests of an update start from: the demo tableau as a file, and plans bringing new fiches. */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { ActionSheet, Plan } from "../../src/domain/plan";
import { demoTracking } from "../../src/samples/demo-entries";
import { samplePlan } from "../../src/samples/sample-plan";
import { writeTrackingFile } from "../../src/xlsx/tableau-file";

/** The demo tableau, written in `dir` as `suivi.xlsx`. */
export async function demoFile(dir: string): Promise<string> {
  const file = join(dir, "suivi.xlsx");
  writeFileSync(file, await writeTrackingFile(demoTracking(samplePlan()), "2026-11-01T09:00:00.000Z"));
  return file;
}

/** A fiche added to a plan, as an update brings one: no pilot, no indicator yet. */
export function newFiche(code: string, title = "Nouvelle fiche", deadline = "2027"): ActionSheet {
  return { code, title, deadline, pilots: [], partners: [], fields: ["autre"], links: [], objectives: [], indicators: [] };
}

/** The sample plan with a fiche first in its first sous-axe: every quarter's rows of « Suivi des fiches » move down. */
export function planWithNewFirstFiche(title = "Nouvelle première fiche"): Plan {
  const plan = samplePlan();
  plan.axes[0].subAxes[0].actions.unshift(newFiche("1.A.0", title));
  return plan;
}

/** `planWithNewFirstFiche()` written in `dir`, for `ctg init --plan`. */
export function newFichePlan(dir: string): string {
  const path = join(dir, "plan-nouveau.json");
  writeFileSync(path, JSON.stringify(planWithNewFirstFiche()));
  return path;
}
