/**
 * Receiving a territory's tableau for the consolidation: the bytes are checked (zip guard, size and cell limits)
 * while our reader inflates and parses them, then the tableau is read with the same contract as everywhere else. The
 * verdict is accepted, accepted with warnings, or rejected with reasons in French. The bytes are only read.
 */
import type { IntakeStatus } from "../domain/consolidation-batch";
import type { IsoDate } from "../domain/dates";
import type { Tracking } from "../domain/tracking";
import { fileLabels } from "../labels/catalog";
import type { LocatedIssue } from "../workbook/grid-reader";
import { META_KEYS, TEMPLATE_VERSION } from "../workbook/layout";
import { cellWords } from "../workbook/places";
import { WorkbookFileError } from "./file-error";
import { readTableauSource } from "./tableau-reader";
import { bytesSource } from "./zip-archive";
import { ZIP_LIMITS, type ZipLimits } from "./zip-guard";

export const INTAKE_LIMITS = {
  ...ZIP_LIMITS,
  /** Filled cells over the tableau's sheets: 200 fiches × 6 indicators × 20 quarters hold about 250 000. */
  maxCells: 2_000_000,
} as const;

export type IntakeLimits = ZipLimits & { maxCells: number };

export interface ReceivedTableau {
  tracking: Tracking;
  templateVersion: string;
  /** When the file was last saved (Excel's document properties), ISO; absent when the file does not say. */
  savedAt?: string;
  /** The stable identifier the template gives the convention, when the file's template has one. */
  conventionId?: string;
}

export interface IntakeResult {
  file: string;
  status: IntakeStatus;
  territory?: string;
  reasons: string[];
  tableau?: ReceivedTableau;
}

/** How many located problems a reason lists before saying "and N more". */
const LISTED = 5;

const t = fileLabels.intake;

function located(issues: LocatedIssue[], kind: typeof t.error | typeof t.warning): string[] {
  const listed = issues.slice(0, LISTED).map((issue) => t.located(kind.label, cellWords(issue.sheet, issue.cell), issue.message));
  if (issues.length > LISTED) listed.push(kind.more(issues.length - LISTED));
  return listed;
}

export async function receiveTableau(bytes: Uint8Array, file: string, options: { today: IsoDate; limits?: IntakeLimits }): Promise<IntakeResult> {
  const limits = options.limits ?? INTAKE_LIMITS;
  const rejected = (reason: string, territory?: string): IntakeResult => ({ file, status: "rejected", ...(territory ? { territory } : {}), reasons: [reason] });
  let read;
  try {
    // The guard's limits hold while the file is read: only the tableau's sheets are inflated, each as a stream.
    read = await readTableauSource(bytesSource(bytes), file, options.today, limits);
  } catch (error) {
    // The verdict names the file already: its reason is the guard's alone.
    if (error instanceof WorkbookFileError) return rejected(error.reason ?? error.message);
    throw error;
  }
  const { reading, content } = read;
  const territory = reading.tracking?.plan.convention.territory || reading.meta?.values[META_KEYS.territory] || undefined;
  const errors = reading.issues.filter((issue) => issue.severity === "error");
  const warnings = reading.issues.filter((issue) => issue.severity === "warning");
  if (!reading.meta) return rejected(reading.issues[0]?.message ?? t.notATableau);
  if (!reading.tracking || errors.length > 0) {
    // Entries in error would be left out of the merged figures: the territory corrects its file (ctg check) and sends it again.
    return { file, status: "rejected", ...(territory ? { territory } : {}), reasons: located(errors, t.error) };
  }
  const reasons: string[] = [];
  const version = reading.meta.version;
  if (version !== TEMPLATE_VERSION) reasons.push(t.olderTemplate(version, TEMPLATE_VERSION));
  reasons.push(...located(warnings, t.warning));
  const savedAt = content.modified;
  const conventionId = reading.meta.values[META_KEYS.conventionId] || undefined;
  return {
    file,
    status: reasons.length > 0 ? "warnings" : "accepted",
    ...(territory ? { territory } : {}),
    reasons,
    tableau: { tracking: reading.tracking, templateVersion: version, ...(savedAt ? { savedAt } : {}), ...(conventionId ? { conventionId } : {}) },
  };
}
