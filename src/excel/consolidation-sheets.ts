/**
 * The consolidation in the open workbook: what an earlier consolidation holds is read back (to merge a new batch
 * into it), and the merged result is written with native charts. A territory's own tableau is never a target: the
 * Caf consolidates in a workbook of its own, so no territory's file is altered.
 */
import { Refusal } from "../domain/refusal";
import { bilanLabels, officeLabels } from "../labels/catalog";
import {
  CONSOLIDATION_FORMAT_ID,
  CONSOLIDATION_SHEETS,
  STATUS_ROW_COLUMNS,
  TALLY_COLUMNS,
  TERRITORY_COLUMNS,
  VALUE_ROW_COLUMNS,
  type ConsolidationContent,
  buildConsolidationPlan,
  keyColumn,
  storedTally,
  storedTerritory,
  valueFormats,
} from "../workbook/build-consolidation";
import { SHEETS } from "../workbook/layout";
import type { KeyedRow, StoredConsolidation } from "../workbook/merge-consolidation";
import type { ColumnSpec } from "../workbook/table-sheet";
import type { CellValue } from "../workbook/sheet-plan";
import { type ApplyOptions, applyWorkbookPlan, type ApplyReport } from "./apply-plan";
import { type ReadOptions, padded, readBlocks, readShapes } from "./read-sheets";

const t = officeLabels.consolidation;

/** A workbook the consolidation must not write into, or cannot complete without losing rows. */
export class ConsolidationRefused extends Refusal {}

export interface StoredInWorkbook extends StoredConsolidation {
  byKey: Map<string, { territory: string; savedAt?: string }>;
}

const READ_SHEETS: [string, ColumnSpec[]][] = [
  [CONSOLIDATION_SHEETS.territories, TERRITORY_COLUMNS],
  [CONSOLIDATION_SHEETS.tallies, TALLY_COLUMNS],
  [CONSOLIDATION_SHEETS.statuses, STATUS_ROW_COLUMNS],
  [CONSOLIDATION_SHEETS.values, VALUE_ROW_COLUMNS],
];

/** Reads an earlier consolidation of this workbook (none: empty), refusing a workbook it must not write into. */
export async function readConsolidation(context: Excel.RequestContext, options: ReadOptions = {}): Promise<StoredInWorkbook> {
  // The first sheet a long table would go on to when the command line split it past Excel's row limit.
  const continued = [CONSOLIDATION_SHEETS.statuses, CONSOLIDATION_SHEETS.values].map((name) => bilanLabels.consolidation.continuation(name, 2));
  const names = [
    SHEETS.meta,
    CONSOLIDATION_SHEETS.meta,
    ...Object.values(CONSOLIDATION_SHEETS).filter((name) => name !== CONSOLIDATION_SHEETS.meta),
    ...continued,
  ];
  const shapes = await readShapes(context, names);
  const exists = (name: string) => shapes[name].exists;
  if (exists(SHEETS.meta)) {
    throw new ConsolidationRefused(t.territoryTableau);
  }
  const split = continued.find(exists);
  // Rewriting the first sheet only would drop the rows of the others: refused before anything is read or written.
  if (split && exists(CONSOLIDATION_SHEETS.meta)) throw new ConsolidationRefused(t.continued(split));
  const empty: StoredInWorkbook = { territories: [], tallies: [], statuses: [], values: [], byKey: new Map() };
  if (!exists(CONSOLIDATION_SHEETS.meta)) {
    const taken = Object.values(CONSOLIDATION_SHEETS).filter(exists);
    if (taken.length > 0) throw new ConsolidationRefused(t.foreignSheets(taken));
    return empty;
  }
  // The consolidation's own metadata is small: read first, it says whether the rest may be read.
  const metaArea = shapes[CONSOLIDATION_SHEETS.meta].used;
  const metaRows = metaArea ? padded(metaArea, (await readBlocks(context, [{ sheet: CONSOLIDATION_SHEETS.meta, ...metaArea }], options))[0]) : [];
  const format = metaRows.find((row) => row[0] === "format")?.[1];
  if (format !== CONSOLIDATION_FORMAT_ID) {
    throw new ConsolidationRefused(t.notAConsolidation(CONSOLIDATION_SHEETS.meta));
  }

  const blocks = READ_SHEETS.map(([name, columns]) => {
    const used = shapes[name].used;
    return { sheet: name, row: 0, col: 0, rows: used ? used.row + used.rows : 0, cols: columns.length };
  });
  const read = await readBlocks(context, blocks, options);
  const grids = Object.fromEntries(READ_SHEETS.map(([name], index) => [name, read[index]]));
  for (const [name, columns] of READ_SHEETS) checkHeader(name, columns, grids[name]);

  const stored = empty;
  for (const values of grids[CONSOLIDATION_SHEETS.territories].slice(1)) {
    const territory = storedTerritory(values);
    if (!territory) continue;
    stored.territories.push({ key: territory.key, row: { values } });
    stored.byKey.set(territory.key, {
      territory: territory.territory,
      ...(territory.code ? { code: territory.code } : {}),
      ...(territory.savedAt ? { savedAt: territory.savedAt } : {}),
    });
  }
  for (const values of grids[CONSOLIDATION_SHEETS.tallies].slice(1)) {
    const tally = storedTally(values);
    if (tally) stored.tallies.push(tally);
  }
  stored.statuses = keyedRows(grids[CONSOLIDATION_SHEETS.statuses], STATUS_ROW_COLUMNS);
  stored.values = keyedRows(grids[CONSOLIDATION_SHEETS.values], VALUE_ROW_COLUMNS, (cells) => valueFormats(String(cells[5] ?? ""), cells));
  return stored;
}

/** Writes the merged consolidation: its sheets are rewritten, the user's other sheets and charts stay. */
export async function writeConsolidation(
  context: Excel.RequestContext,
  content: ConsolidationContent,
  options: ApplyOptions = {},
): Promise<ApplyReport & { charts: number }> {
  const plan = buildConsolidationPlan(content);
  const applied = await applyWorkbookPlan(context, plan, options);
  return { ...applied, charts: plan.sheets.reduce((sum, sheet) => sum + (sheet.charts?.length ?? 0), 0) };
}

function checkHeader(name: string, columns: ColumnSpec[], grid: CellValue[][]): void {
  if (grid.length === 0) return;
  const header = grid[0];
  const wrong = columns.findIndex((column, index) => header[index] !== column.header);
  if (wrong >= 0) throw new ConsolidationRefused(t.headerChanged(name, wrong + 1, String(header[wrong] ?? ""), columns[wrong].header));
}

function keyedRows(grid: CellValue[][], columns: ColumnSpec[], formats?: (cells: CellValue[]) => (string | null)[]): KeyedRow[] {
  const column = keyColumn(columns);
  const rows: KeyedRow[] = [];
  for (const values of grid.slice(1)) {
    const key = values[column];
    if (typeof key !== "string" || key === "") continue;
    rows.push({ key, row: formats ? { values, formats: formats(values) } : { values } });
  }
  return rows;
}
