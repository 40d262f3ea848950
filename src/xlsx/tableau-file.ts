/** The tableau de suivi as an `.xlsx` file: create, update keeping entries and everything else, read and check. */
import type { IsoDate } from "../domain/dates";
import type { Plan } from "../domain/plan";
import type { Tracking } from "../domain/tracking";
import { buildTableauPlan } from "../workbook/build-tableau";
import type { SheetPlan } from "../workbook/sheet-plan";
import { PLANNED_SHEETS, type TableauReading } from "../workbook/parse-tableau";
import { type SetupResult, planSetup } from "../workbook/setup";
import { nodeDeflater } from "./node-zip";
import { planWorkbookBytes } from "./plan-workbook";
import { readTableauBytes } from "./tableau-reader";
import { patchWorkbook } from "./update-patch";

export async function readTableauFile(bytes: Uint8Array, fileName: string, today: IsoDate): Promise<TableauReading> {
  return (await readTableauBytes(bytes, fileName, today)).reading;
}

export interface WrittenTableau extends SetupResult {
  bytes: Uint8Array;
}

/**
 * A new tableau for a plan, or, given the bytes of an existing one, the same workbook with its structure updated:
 * its own sheets written again with every entry, the rest of the file as it was (update-patch.ts).
 */
export async function writeTableauFile(
  plan: Plan,
  options: {
    now: string;
    today: IsoDate;
    existing?: { bytes: Uint8Array; fileName: string };
    /** Called between the large steps of an update, when what the last one read is garbage. */
    between?: () => void;
    /** Changes the entries read from `existing` before they are written again (returned files merged, say). */
    amend?: (tracking: Tracking) => Tracking;
  },
): Promise<WrittenTableau> {
  const modified = new Date(options.now);
  if (!options.existing) {
    const setup = planSetup(plan, undefined, options);
    return { ...setup, bytes: await planWorkbookBytes(setup.workbookPlan, { deflater: nodeDeflater, modified }) };
  }
  const { anchored, ...setup } = await plannedUpdate(plan, options.existing, options);
  options.between?.();
  const bytes = await patchWorkbook(options.existing.bytes, options.existing.fileName, {
    plan: setup.workbookPlan,
    alignments: setup.alignments,
    modified,
    deflater: nodeDeflater,
    anchored,
    ...(options.between ? { between: options.between } : {}),
  });
  return { ...setup, bytes };
}

/**
 * The existing tableau read by the project's reader (whatever tool saved it) and the new plan with its entries.
 * Its grids are let go here, before the file is written: a large tableau's cells are not kept twice.
 */
async function plannedUpdate(
  plan: Plan,
  existing: { bytes: Uint8Array; fileName: string },
  options: { now: string; today: IsoDate; amend?: (tracking: Tracking) => Tracking },
): Promise<SetupResult & { anchored: Set<string> }> {
  // An update stops at errors; the plausibility warnings are for `check` and the pane.
  const read = await readTableauBytes(existing.bytes, existing.fileName, options.today, { sheets: PLANNED_SHEETS, plausibility: false });
  const anchored = new Set([...read.content.read].flatMap(([name, sheet]) => (sheet.anchors ? [name] : [])));
  const { amend } = options;
  const reading = amend && read.reading.tracking ? { ...read.reading, tracking: amend(read.reading.tracking) } : read.reading;
  return { ...planSetup(plan, reading, options, read.grids), anchored };
}

/** Writes a tableau holding the given entries (the demo, tests, a tableau rebuilt from another source). */
export async function writeTrackingFile(tracking: Tracking, now: string): Promise<Uint8Array> {
  return planWorkbookBytes(buildTableauPlan(tracking, { now }), { deflater: nodeDeflater, modified: new Date(now) });
}

/** A workbook holding one planned sheet (a bilan, say). */
export async function writeSheetFile(sheet: SheetPlan, modified = new Date()): Promise<Uint8Array> {
  return planWorkbookBytes({ sheets: [sheet], activeSheet: sheet.name }, { deflater: nodeDeflater, modified });
}
