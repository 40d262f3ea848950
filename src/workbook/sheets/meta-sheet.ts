/** « _ctg_meta » (very hidden): what identifies the workbook, and one lock row per quarter. */
import { quartersBetween } from "../../domain/quarters";
import type { Tracking } from "../../domain/tracking";
import { FORMAT_ID, LOCK_VALUES, META_KEYS, SHEETS, TEMPLATE_VERSION, lockKey } from "../layout";
import type { SheetPlan } from "../sheet-plan";
import { keyValueSheet } from "./text-sheets";

export interface MetaOptions {
  now: string;
  createdAt?: string;
  conventionId?: string;
}

/**
 * Names a convention for good, whatever later renames its territory: derived once from what it was created with,
 * then carried over by every update. The consolidation recognises a territory's new file by it.
 */
export function conventionIdentifier(territory: string, start: string, createdAt: string): string {
  let high = 0x811c9dc5;
  let low = 0x01000193;
  for (const char of `${territory}\u0000${start}\u0000${createdAt}`) {
    const code = char.codePointAt(0)!;
    high = Math.imul(high ^ code, 0x01000193) >>> 0;
    low = Math.imul(low ^ code ^ (high >>> 7), 0x5bd1e995) >>> 0;
  }
  return `ctg-${high.toString(16).padStart(8, "0")}-${low.toString(16).padStart(8, "0")}`;
}

export function metaSheet(tracking: Tracking, options: MetaOptions): SheetPlan {
  const { convention } = tracking.plan;
  const entries: [string, string][] = [
    [META_KEYS.format, FORMAT_ID],
    [META_KEYS.version, TEMPLATE_VERSION],
    [META_KEYS.territory, convention.territory],
    [META_KEYS.inseeOrSiren, convention.inseeOrSiren ?? ""],
    [META_KEYS.start, convention.start],
    [META_KEYS.end, convention.end],
    [META_KEYS.createdAt, options.createdAt ?? options.now],
    [META_KEYS.updatedAt, options.now],
    [META_KEYS.conventionId, options.conventionId ?? conventionIdentifier(convention.territory, convention.start, options.createdAt ?? options.now)],
  ];
  // One row per quarter, in a fixed place: locking a quarter writes its own cell, so that two people locking two
  // quarters at the same time both keep their lock.
  const locked = new Set(tracking.lockedQuarters);
  const quarters = [...new Set([...quartersBetween(convention.start, convention.end), ...locked])].sort();
  for (const quarter of quarters) entries.push([lockKey(quarter), locked.has(quarter) ? LOCK_VALUES.locked : LOCK_VALUES.open]);
  // A lock is written in its quarter's cell by the lock command: an update keeps that cell as it is.
  return keyValueSheet(SHEETS.meta, entries, {
    keyColumns: [0],
    entryColumns: [1],
    entryRows: entries.flatMap(([key], index) => (key.startsWith(META_KEYS.lockPrefix) ? [index + 1] : [])),
  });
}
