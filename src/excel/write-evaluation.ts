/**
 * Writes one year's evaluation of one fiche or one axe: only the cells of that row, since co-authors may be editing
 * other cells of the shared workbook at the same time. Two syncs find the row, one writes it.
 */
import type { AxisEvaluation, FicheEvaluation } from "../domain/evaluation";
import { Refusal } from "../domain/refusal";
import { foldText } from "../domain/vocabulary";
import { officeLabels } from "../labels/catalog";
import { AXIS_EVALUATION_COLUMNS, FICHE_EVALUATION_COLUMNS, SHEETS } from "../workbook/layout";
import { cellAddress } from "../workbook/sheet-plan";
import { type ReadCounter, type SheetShape, readBlocks, readShapes } from "./read-sheets";
import { keyOf } from "./tableau-sheets";
import { cells as cellsOf } from "./write-sheet";

const refused = officeLabels.evaluation;

/** An evaluation the workbook cannot take: no evaluation sheet (template before 1.4), or no row for it. */
export class EvaluationRefused extends Refusal {}

export type EvaluationEntry = { kind: "fiche"; entry: FicheEvaluation } | { kind: "axe"; entry: AxisEvaluation };

export interface WrittenEvaluation {
  /** Addresses written, `Évaluation des fiches!E14` style, to tell the user. */
  cells: string[];
  syncs: number;
}

interface Target {
  sheet: string;
  headers: Record<string, string>;
  codeKey: string;
  code: string;
  year: number;
  what: string;
  /** Each entry column's header key and the text it receives ("" clears the cell). */
  values: [string, string][];
}

function targetOf(written: EvaluationEntry): Target {
  if (written.kind === "fiche") {
    const { entry } = written;
    return {
      sheet: SHEETS.ficheEvaluation,
      headers: FICHE_EVALUATION_COLUMNS,
      codeKey: "code",
      code: entry.actionCode,
      year: entry.year,
      what: refused.fiche(entry.actionCode),
      values: [
        ["effects", entry.effects ?? ""],
        ["evidence", entry.evidence ?? ""],
        ["appreciation", entry.appreciation ?? ""],
        ["adjustments", entry.adjustments ?? ""],
      ],
    };
  }
  const { entry } = written;
  return {
    sheet: SHEETS.axisEvaluation,
    headers: AXIS_EVALUATION_COLUMNS,
    codeKey: "axisCode",
    code: entry.axisCode,
    year: entry.year,
    what: refused.axis(entry.axisCode),
    values: [
      ["synthesis", entry.synthesis ?? ""],
      ["decisions", entry.decisions ?? ""],
    ],
  };
}

/** Where the rows of an evaluation sheet are: its columns by header key, and the sheet row of each (code, year). */
export interface EvaluationRows {
  /** The column of a header key; refused in French when the sheet lost it. */
  column(key: string): number;
  rowOf(code: string, year: number | string): number | undefined;
}

/**
 * One sync: the year and code columns of an evaluation sheet whose shape (with its header) was read, so that
 * every row a write needs is found at once. Refused in French when the sheet is missing.
 */
export async function locateEvaluationRows(
  context: Excel.RequestContext,
  sheet: string,
  shape: SheetShape,
  headers: Record<string, string>,
  codeKey: string,
  counter: ReadCounter,
): Promise<EvaluationRows> {
  if (!shape.exists || !shape.used) throw new EvaluationRefused(refused.noSheet(sheet));
  const header = (shape.header ?? []).map((cell) => foldText(String(cell ?? "")));
  const column = (key: string): number => {
    const index = header.indexOf(foldText(headers[key]));
    if (index < 0) throw new EvaluationRefused(refused.columnMissing(headers[key], sheet));
    return index;
  };
  const yearCol = column("year");
  const codeCol = column(codeKey);
  const rows = Math.max(0, shape.used.row + shape.used.rows - 1);
  const block = (col: number) => ({ sheet, row: 1, col, rows, cols: 1 });
  // Years and codes are short: a read that finds longer ones slices itself again.
  const [years, codes] = await readBlocks(context, [block(yearCol), block(codeCol)], { counter, bytesPerCell: 48 });
  const found = new Map<string, number>();
  years.forEach((cells, index) => {
    const key = keyOf(codes[index]?.[0] ?? null, cells[0]);
    // The first row of a (code, year) is the one readers take.
    if (!found.has(key)) found.set(key, index + 1);
  });
  return { column, rowOf: (code, year) => found.get(keyOf(code, String(year))) };
}

/** `written` is already checked with the domain's rules (checkFicheEvaluation, checkAxisEvaluation). */
export async function writeEvaluation(context: Excel.RequestContext, written: EvaluationEntry): Promise<WrittenEvaluation> {
  const target = targetOf(written);
  const counter = { syncs: 0 };
  const shape = (await readShapes(context, [target.sheet], { header: true, counter }))[target.sheet];
  const located = await locateEvaluationRows(context, target.sheet, shape, target.headers, target.codeKey, counter);
  const row = located.rowOf(target.code, target.year);
  if (row === undefined) throw new EvaluationRefused(refused.noRow(target.what, target.year, target.sheet));
  const worksheet = context.workbook.worksheets.getItem(target.sheet);
  const addresses: string[] = [];
  for (const [key, value] of target.values) {
    const col = located.column(key);
    cellsOf(worksheet, row, col, 1, 1).values = [[value]];
    addresses.push(`${target.sheet}!${cellAddress(row, col)}`);
  }
  await context.sync();
  return { cells: addresses, syncs: counter.syncs + 1 };
}
