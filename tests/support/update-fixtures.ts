/** What the tests of an update start from: the demo tableau as a file, and plans bringing new fiches. */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { ActionSheet, Plan } from "../../src/domain/plan";
import { demoTracking } from "../../src/samples/demo-entries";
import { samplePlan } from "../../src/samples/sample-plan";
import type { Tracking } from "../../src/domain/tracking";
import { buildTableauPlan } from "../../src/workbook/build-tableau";
import { META_KEYS, SHEETS } from "../../src/workbook/layout";
import { nodeDeflater } from "../../src/xlsx/node-zip";
import { planWorkbookBytes } from "../../src/xlsx/plan-workbook";
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

/**
 * A tableau as template 1.3 wrote it: no evaluation sheets, version 1.3 in its metadata. Built from the same
 * sheet plans as today's tableau with the two sheets and the guide's lines about them left out, which is all that
 * template 1.4 added to a tableau without archive.
 */
export async function templateOneThreeBytes(tracking: Tracking, now: string): Promise<Uint8Array> {
  const built = buildTableauPlan(tracking, { now });
  const sheets = built.sheets.filter((sheet) => sheet.name !== SHEETS.ficheEvaluation && sheet.name !== SHEETS.axisEvaluation);
  // The guide of 1.3 had no lines about the evaluation: an update must not take them for cells added by hand.
  const guide = sheets.find((sheet) => sheet.name === SHEETS.guide)!;
  const yearly = guide.values.findIndex((row) => String(row[0]).startsWith("Chaque année"));
  guide.values.splice(yearly - 1, 4);
  const meta = sheets.find((sheet) => sheet.name === SHEETS.meta)!;
  const versionRow = meta.values.find((row) => row[0] === META_KEYS.version)!;
  versionRow[1] = "1.3";
  return planWorkbookBytes({ ...built, sheets }, { deflater: nodeDeflater, modified: new Date(now) });
}
