/**
 * The shapes of one consolidation batch, shared by the batch service, the pane and the merge with an earlier
 * consolidation: plain data, so that every layer may speak of a batch without depending on how it is read.
 */
import type { FieldTally, TerritorySummary } from "./consolidation";

/** How a territory's file was received: accepted, accepted with warnings, or left out. */
export type IntakeStatus = "accepted" | "warnings" | "rejected";

export interface BatchFile {
  name: string;
  /** Bytes of the file when known before reading it: a file too large is then refused without being loaded. */
  size?: number;
  read(): Promise<Uint8Array>;
}

export interface FileVerdict {
  file: string;
  status: IntakeStatus;
  territory?: string;
  reasons: string[];
}

/** What an earlier consolidation holds for a territory, to decide whether a new file replaces it. */
export interface StoredTerritory {
  territory: string;
  /** Code INSEE / SIREN as the consolidation holds it. */
  code?: string;
  savedAt?: string;
}

export interface BatchResult {
  verdicts: FileVerdict[];
  /** Territories of this batch, in file order, that enter the consolidation (and replace any stored rows). */
  accepted: { summary: TerritorySummary; tallies: FieldTally[] }[];
  /** Keys whose rows from this batch must be left out (two files of one territory and period). */
  leftOut: Set<string>;
}
