/**
 * « Intégrer les retours » in the open workbook: each value a merge of returned collection files planned goes in
 * its own cell, and the journal's new lines are appended to « Journal des retours » (created with the tableau's
 * layout at the first return). Co-authors may be typing elsewhere in the shared workbook, so no other cell is
 * written; a planned cell that someone filled since the merge read the tableau, or a quarter locked meanwhile,
 * stops the write before anything changes, and merging again shows that cell as a conflict.
 *
 * Syncs: two find the entry rows (as a quarter's entry does), one the evaluation and journal sheets, one the
 * evaluation rows when the files bring an evaluation, one reads the planned cells again, then the writes — one
 * request while they fit — and, at the first return, the journal sheet's own plan.
 */
import type { CellChange, JournalEntry } from "../domain/collection";
import { type Indicator, type Plan, allIndicators } from "../domain/plan";
import { quarterLabel } from "../domain/quarters";
import { Refusal } from "../domain/refusal";
import { emptyTracking } from "../domain/tracking";
import { foldText } from "../domain/vocabulary";
import { officeLabels, plausibilityLabels } from "../labels/catalog";
import { FICHE_EVALUATION_COLUMNS, SHEETS } from "../workbook/layout";
import { type CellValue, type SheetPlan, cellAddress, rangeAddress } from "../workbook/sheet-plan";
import { confirmationCell, toCellValue } from "../workbook/sheets/value-cells";
import { journalSheet } from "../workbook/sheets/journal-sheet";
import { JOURNAL_SPEC } from "../workbook/tableau-columns";
import { type ApplyOptions, applyWorkbookPlan } from "./apply-plan";
import { type ReadCounter, readBlocks, readShapes } from "./read-sheets";
import { RequestBudget } from "./request-budget";
import { cellArrayOperation, jsonBytes, objectOperation, rangeOperation } from "./request-cost";
import { PROTECTION, type ProtectedSheet, recoverProtection } from "./sheet-protection";
import { type EntrySheets, keyOf, readEntrySheets } from "./tableau-sheets";
import { locateEvaluationRows } from "./write-evaluation";
import { applyStyle, cellFormat, cells, styleBytes } from "./write-sheet";

const words = officeLabels;

/** A merge the workbook cannot take as planned: a row is missing, a cell was filled or a quarter locked meanwhile. */
export class ReturnsRefused extends Refusal {}

/** The values one accepted file brings. */
export interface ReturnedValues {
  file: string;
  /** The quarter the file was prepared for; its evaluation is of that quarter's year. */
  quarter: string;
  changes: readonly CellChange[];
}

export interface MergeWrite {
  /** The tableau's plan, as the merge read it: an indicator's type says how its value sits in a cell. */
  plan: Plan;
  files: readonly ReturnedValues[];
  /** The journal's new lines, oldest first. */
  journal: readonly JournalEntry[];
}

export interface WrittenReturns {
  /** Addresses written, `Suivi des fiches!F14` style. */
  cells: string[];
  journalRows: number;
  /** « Journal des retours » was not there: it was created with the tableau's layout. */
  journalCreated: boolean;
  syncs: number;
  /** What could not be kept, in French: marks of verification in a tableau without their column (before 1.3). */
  notes: string[];
}

/** One cell to write, at a 0-based sheet position. */
interface Target {
  sheet: string;
  row: number;
  col: number;
  value: Exclude<CellValue, null>;
}

/** Adjacent cells of one row, written (and read again) as one range. */
interface Run {
  sheet: string;
  row: number;
  col: number;
  values: Exclude<CellValue, null>[];
}

const STATUS_FIELDS = new Set(["status", "progress", "achievements", "difficulties", "adjustments", "confirmed"]);
const MEASUREMENT_FIELDS = new Set(["value", "comment", "confirmed"]);
const EVALUATION_FIELDS = new Set(["effects", "evidence", "appreciation", "adjustments"]);

export async function writeMergedReturns(context: Excel.RequestContext, merge: MergeWrite, options: ApplyOptions = {}): Promise<WrittenReturns> {
  const counter: ReadCounter = { syncs: 0 };
  const sheets = await readEntrySheets(context, counter);
  const changed = merge.files.filter((file) => file.changes.length > 0);
  // The merge refuses the files of a locked quarter; a co-author may have locked one since it read the tableau.
  for (const file of changed) {
    const locked = [file.quarter, ...file.changes.filter((change) => change.kind !== "evaluation").map((change) => change.period)].find((quarter) =>
      sheets.lockedQuarters.includes(quarter),
    );
    if (locked) throw new ReturnsRefused(words.collection.quarterLocked(quarterLabel(locked)));
  }

  const journalTables = context.workbook.worksheets.getItemOrNullObject(SHEETS.journal).tables;
  journalTables.load("items/name");
  const shapes = await readShapes(context, [SHEETS.ficheEvaluation, SHEETS.journal], { header: true, protection: true, counter });
  const journal = shapes[SHEETS.journal];
  const appendAt = journal.exists && journal.used ? journalRowAfter(journal.header ?? [], journal.used) : undefined;
  const appending = appendAt !== undefined && merge.journal.length > 0;

  const notes: string[] = [];
  const targets = await targetsOf(context, merge, sheets, shapes[SHEETS.ficheEvaluation], counter, notes);
  const runs = runsOf(targets);
  await refuseFilledMeanwhile(context, runs, counter);

  const budget = new RequestBudget(context, options.maxRequestBytes);
  const worksheets = new Map<string, Excel.Worksheet>();
  const worksheet = (name: string) => {
    if (!worksheets.has(name)) worksheets.set(name, context.workbook.worksheets.getItem(name));
    return worksheets.get(name)!;
  };
  // The journal's protection is lifted first in its request: a password stops the request before any cell is written.
  const lifted: ProtectedSheet[] = appending && journal.protected ? [{ name: SHEETS.journal, worksheet: worksheet(SHEETS.journal) }] : [];
  for (const sheet of lifted) sheet.worksheet.protection.unprotect();
  try {
    for (const run of runs) {
      await budget.reserve(rangeOperation(0, 1, jsonBytes(run.values) + 8));
      cells(worksheet(run.sheet), run.row, run.col, 1, run.values.length).values = [run.values];
    }
    if (appending) await appendJournal(worksheet(SHEETS.journal), journalTables.items, appendAt, journalPlan(merge), budget);
    if (budget.room < budget.maxBytes || lifted.length > 0) await budget.flush();
  } catch (error) {
    throw lifted.length > 0 ? await recoverProtection(context, lifted, error) : error;
  }

  let syncs = counter.syncs + budget.syncs;
  const journalCreated = appendAt === undefined && merge.journal.length > 0;
  if (journalCreated) {
    const applied = await applyWorkbookPlan(context, { sheets: [journalPlan(merge)], arrange: false }, options);
    syncs += applied.syncs;
    notes.push(...applied.notes);
  }
  return {
    cells: targets.map((target) => `${target.sheet}!${cellAddress(target.row, target.col)}`),
    journalRows: merge.journal.length,
    journalCreated,
    syncs,
    notes,
  };
}

/** The journal's new lines laid out as the tableau lays out its journal: header, formats, styles, table. */
function journalPlan(merge: MergeWrite): SheetPlan {
  return journalSheet({ ...emptyTracking(merge.plan), journal: [...merge.journal] });
}

/**
 * The row after the journal's last one, once its header is checked to be the tableau's: lines appended under
 * other headings would say something else than they mean.
 */
function journalRowAfter(header: readonly CellValue[], used: { row: number; col: number; rows: number }): number {
  JOURNAL_SPEC.columns.forEach((column, index) => {
    const found = String(header[index] ?? "");
    if (used.row !== 0 || foldText(found) !== foldText(column.header)) {
      throw new ReturnsRefused(words.collection.journalChanged(SHEETS.journal, index + 1, found, column.header));
    }
  });
  return used.row + used.rows;
}

/** Each planned value at its cell, found by the row keys of its sheet; refused in French when a row is missing. */
async function targetsOf(
  context: Excel.RequestContext,
  merge: MergeWrite,
  sheets: EntrySheets,
  evaluationShape: Parameters<typeof locateEvaluationRows>[2],
  counter: ReadCounter,
  notes: string[],
): Promise<Target[]> {
  const changes = merge.files.flatMap((file) => file.changes);
  const indicators = new Map<string, Indicator>(allIndicators(merge.plan).map(({ indicator }) => [indicator.id, indicator]));
  const evaluations = changes.some((change) => change.kind === "evaluation")
    ? await locateEvaluationRows(context, SHEETS.ficheEvaluation, evaluationShape, FICHE_EVALUATION_COLUMNS, "code", counter)
    : undefined;
  const t = sheets.trackingColumns;
  const m = sheets.measurementColumns;
  const targets: Target[] = [];
  let marksDropped = false;
  for (const change of changes) {
    if (change.kind === "statut") {
      if (!STATUS_FIELDS.has(change.field)) throw new Error(`Unknown field ${change.field} of a status`);
      const row = sheets.trackingRows.get(keyOf(change.code, change.period));
      if (row === undefined) throw new ReturnsRefused(words.entry.noRow(change.code, quarterLabel(change.period), SHEETS.tracking));
      const col = t[change.field as keyof typeof t];
      if (col < 0) {
        marksDropped = true;
        continue;
      }
      const value = change.field === "progress" && typeof change.after === "number" ? change.after / 100 : statusCell(change);
      targets.push({ sheet: SHEETS.tracking, row, col, value });
    } else if (change.kind === "saisie") {
      if (!MEASUREMENT_FIELDS.has(change.field)) throw new Error(`Unknown field ${change.field} of a measurement`);
      const indicator = indicators.get(change.code);
      const row = sheets.measurementRows.get(keyOf(change.code, change.period));
      if (!indicator || row === undefined) throw new ReturnsRefused(words.entry.notMeasured(change.code, quarterLabel(change.period)));
      const col = m[change.field as keyof typeof m];
      if (col < 0) {
        marksDropped = true;
        continue;
      }
      const value = change.field === "value" ? (toCellValue(indicator, change.after) ?? "") : statusCell(change);
      targets.push({ sheet: SHEETS.measurements, row, col, value });
    } else {
      if (!EVALUATION_FIELDS.has(change.field) || !evaluations) throw new Error(`Unknown field ${change.field} of an evaluation`);
      const row = evaluations.rowOf(change.code, change.period);
      if (row === undefined)
        throw new ReturnsRefused(words.evaluation.noRow(words.evaluation.fiche(change.code), Number(change.period), SHEETS.ficheEvaluation));
      targets.push({ sheet: SHEETS.ficheEvaluation, row, col: evaluations.column(change.field), value: String(change.after) });
    }
  }
  if (marksDropped) notes.push(words.entry.marksNotKept(plausibilityLabels.confirmedHeader));
  return targets;
}

/** A text, a status or a mark of verification as its cell holds it. */
function statusCell(change: CellChange): Exclude<CellValue, null> {
  if (change.field === "confirmed") return confirmationCell(change.after === true) ?? "";
  return typeof change.after === "boolean" ? (confirmationCell(change.after) ?? "") : change.after;
}

/** Targets in sheet order, adjacent cells of a row joined: a fiche's status, avancement and texts are one range. */
function runsOf(targets: readonly Target[]): Run[] {
  const sorted = [...targets].sort((a, b) => a.sheet.localeCompare(b.sheet) || a.row - b.row || a.col - b.col);
  const runs: Run[] = [];
  for (const target of sorted) {
    const last = runs[runs.length - 1];
    if (last && last.sheet === target.sheet && last.row === target.row && last.col + last.values.length === target.col) last.values.push(target.value);
    else runs.push({ sheet: target.sheet, row: target.row, col: target.col, values: [target.value] });
  }
  return runs;
}

/** What a reader takes for an empty cell: nothing, or spaces only (readers trim texts). */
function isBlank(value: CellValue | undefined): boolean {
  return value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}

function sameCell(a: CellValue | undefined, b: CellValue): boolean {
  if (typeof a === "number" && typeof b === "number") return Math.abs(a - b) < 1e-9;
  return typeof a === "string" && typeof b === "string" ? a.trim() === b.trim() : a === b;
}

/**
 * One sync: the planned cells as they are now. The merge planned each of them empty in the tableau it read; one a
 * co-author has filled since with another value would be replaced in silence.
 */
async function refuseFilledMeanwhile(context: Excel.RequestContext, runs: readonly Run[], counter: ReadCounter): Promise<void> {
  if (runs.length === 0) return;
  const now = await readBlocks(
    context,
    runs.map((run) => ({ sheet: run.sheet, row: run.row, col: run.col, rows: 1, cols: run.values.length })),
    { counter },
  );
  const filled = runs.flatMap((run, index) =>
    run.values.flatMap((value, offset) => {
      const current = now[index]?.[0]?.[offset];
      return isBlank(current) || sameCell(current, value) ? [] : [`${run.sheet}!${cellAddress(run.row, run.col + offset)}`];
    }),
  );
  if (filled.length > 0) throw new ReturnsRefused(words.collection.changedMeanwhile(filled));
}

/** Rows of values a request may take in one range write: journal lines are short, but a file name may be long. */
const APPEND_CHUNK_BYTES = 512 * 1024;

/**
 * The new lines under the journal's last row, with the formats and styles of its layout; its table is taken off
 * and laid again over every row, as the layout has it (adding rows to a table needs a newer ExcelApi than 1.7).
 */
async function appendJournal(worksheet: Excel.Worksheet, tables: readonly Excel.Table[], at: number, plan: SheetPlan, budget: RequestBudget): Promise<void> {
  const rows = plan.values.slice(1);
  const width = JOURNAL_SPEC.columns.length;
  await budget.reserve(objectOperation(2, tables.length));
  for (const table of tables) table.convertToRange().untrack();
  let chunk: { values: (string | number | boolean)[][]; formats: string[][] } = { values: [], formats: [] };
  let first = 0;
  let bytes = 0;
  const flush = async () => {
    if (chunk.values.length === 0) return;
    const count = chunk.values.length * width;
    await budget.reserve(cellArrayOperation(count, jsonBytes(chunk.formats)) + cellArrayOperation(count, bytes));
    const range = cells(worksheet, at + first, 0, chunk.values.length, width);
    // Formats first, so that a text lands in a text cell and is not read as a number or a date.
    range.numberFormat = chunk.formats;
    range.values = chunk.values;
    first += chunk.values.length;
    chunk = { values: [], formats: [] };
    bytes = 0;
  };
  for (const [index, row] of rows.entries()) {
    const values = Array.from({ length: width }, (_, col) => row[col] ?? "");
    chunk.values.push(values);
    chunk.formats.push(values.map((value, col) => cellFormat(value === "" ? null : value, plan.numberFormats?.[index + 1]?.[col])));
    bytes += jsonBytes(values);
    if (bytes > APPEND_CHUNK_BYTES) await flush();
  }
  await flush();
  for (const { range, style } of plan.styles) {
    // The header row is already there; the data rows' styles move down to the new lines.
    if (range.row < 1) continue;
    await budget.reserve(styleBytes(style));
    applyStyle(cells(worksheet, range.row - 1 + at, range.col, range.rows, range.cols), style);
  }
  await budget.reserve(rangeOperation(1, 1, 10) + objectOperation(3, 3, 60 + JOURNAL_SPEC.table.length));
  cells(worksheet, at, 0, rows.length, width).format.autofitRows();
  const table = worksheet.tables.add(rangeAddress({ row: 0, col: 0, rows: at + rows.length, cols: width }), true);
  table.name = JOURNAL_SPEC.table;
  table.style = plan.tables[0]?.style ?? "TableStyleLight1";
  worksheet.protection.protect(PROTECTION);
}
