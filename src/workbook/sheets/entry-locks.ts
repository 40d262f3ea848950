/**
 * Which quarters' rows of the entry sheets are locked. Two reasons, kept apart: a quarter closed after its COPIL is
 * recorded in `_ctg_meta` and stays locked until someone unlocks it; a quarter not yet begun is locked from the date
 * alone, never recorded, so that no reader takes it for a COPIL decision and it opens by itself once it begins
 * (`ctg init --update`, the pane).
 */
import type { IsoDate } from "../../domain/dates";
import { type Quarter, quarterBegun } from "../../domain/quarters";
import type { Tracking } from "../../domain/tracking";

export interface EntrySheetOptions {
  /** The quarters to lay out (a collection file holds one); every quarter of the convention by default. */
  only?: ReadonlySet<Quarter>;
  /** The day the sheet is written: the rows of quarters that have not begun by then are locked. None: no such lock. */
  today?: IsoDate;
}

/** Whether the entry cells of a quarter's rows are locked in a sheet written on `today`. */
export function entryLockOf(tracking: Tracking, today: IsoDate | undefined): (quarter: Quarter) => boolean {
  const closed = new Set(tracking.lockedQuarters);
  return (quarter) => closed.has(quarter) || (today !== undefined && !quarterBegun(quarter, today));
}
