/**
 * Reads sheets of the open workbook without passing Excel's response limit (5 MB on the web): one sync learns the
 * used range of each sheet, then blocks of rows are read, as many per sync as an estimate of their bytes allows.
 * The estimate starts from a typical tableau cell and follows what each sheet really returns; a response Excel
 * still refuses as too large is asked again in halves (reading changes nothing, so asking again is safe).
 */
import { largest } from "../domain/numbers";
import type { CellValue, Grid } from "../workbook/sheet-plan";
import { jsonBytes } from "./request-cost";

/** Estimated bytes of values asked for in one sync: a margin under the 5 MB limit. */
export const DEFAULT_MAX_RESPONSE_BYTES = 3_500_000;
/**
 * A cell that may hold a long text, before a sheet has shown what it holds: a read small enough under this guess
 * goes in one sync; a larger one first reads a sample of each sheet to learn its density.
 */
const CAUTIOUS_BYTES_PER_CELL = 200;
const SAMPLE_ROWS = 100;

export interface UsedArea {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

export interface SheetShape {
  exists: boolean;
  /** The cells that hold a value; absent for an empty sheet. */
  used?: UsedArea;
  /** First row of the sheet from column A, when asked for. */
  header?: CellValue[];
  protected?: boolean;
}

export interface Block {
  sheet: string;
  row: number;
  col: number;
  rows: number;
  cols: number;
}

export interface ReadOptions {
  maxResponseBytes?: number;
  /** What a cell of these blocks holds at most, when the caller knows (codes and quarters are short). */
  bytesPerCell?: number;
}

export interface ReadCounter {
  syncs: number;
}

/** One sync: whether each sheet exists, its used range and, if asked, its first row and its protection. */
export async function readShapes(
  context: Excel.RequestContext,
  names: readonly string[],
  options: { header?: boolean; protection?: boolean; counter?: ReadCounter } = {},
): Promise<Record<string, SheetShape>> {
  const probes = names.map((name) => {
    const worksheet = context.workbook.worksheets.getItemOrNullObject(name);
    worksheet.load("name");
    if (options.protection) worksheet.protection.load("protected");
    const used = worksheet.getUsedRangeOrNullObject(true).untrack();
    used.load("rowIndex,columnIndex,rowCount,columnCount");
    // The used range's first row is the header when the sheet starts on row 1, as every sheet of the tableau does.
    const first = options.header ? used.getRow(0).untrack() : undefined;
    first?.load("values");
    return { name, worksheet, used, first };
  });
  await context.sync();
  if (options.counter) options.counter.syncs++;
  const shapes: Record<string, SheetShape> = {};
  for (const { name, worksheet, used, first } of probes) {
    if (worksheet.isNullObject) {
      shapes[name] = { exists: false };
      continue;
    }
    const shape: SheetShape = { exists: true };
    if (options.protection) shape.protected = worksheet.protection.protected;
    if (!used.isNullObject) {
      shape.used = { row: used.rowIndex, col: used.columnIndex, rows: used.rowCount, cols: used.columnCount };
      if (first && used.rowIndex === 0)
        shape.header = [...Array.from({ length: used.columnIndex }, () => null), ...(first.values[0] as unknown[]).map(cellValue)];
    }
    shapes[name] = shape;
  }
  return shapes;
}

/** The values of each block, in order, empty cells as null; blocks of several sheets share syncs. */
export async function readBlocks(
  context: Excel.RequestContext,
  blocks: readonly Block[],
  options: ReadOptions & { counter?: ReadCounter } = {},
): Promise<CellValue[][][]> {
  const maxBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  const perCell = new Map<string, number>();
  const results: CellValue[][][] = blocks.map(() => []);
  // Slices still to read, in order; each remembers which block and which rows of it it fills.
  const queue: { block: number; from: number; rows: number }[] = blocks
    .map((block, index) => ({ block: index, from: 0, rows: block.rows }))
    .filter((slice) => slice.rows > 0);
  const cells = blocks.reduce((sum, block) => sum + block.rows * block.cols, 0);
  const expected = options.bytesPerCell ?? CAUTIOUS_BYTES_PER_CELL;
  if (cells * expected <= maxBytes || options.bytesPerCell !== undefined) {
    for (const block of blocks) perCell.set(block.sheet, expected);
  } else {
    // The first sync reads the first rows of every block, as many as the cautious guess allows: each sheet then
    // says how dense it is.
    const width = blocks.reduce((sum, block) => sum + block.cols, 0);
    const sampleRows = Math.max(1, Math.min(SAMPLE_ROWS, Math.floor(maxBytes / CAUTIOUS_BYTES_PER_CELL / Math.max(1, width))));
    const samples = queue.map((slice) => ({ ...slice, rows: Math.min(slice.rows, sampleRows) }));
    const rest = queue.flatMap((slice) => (slice.rows > sampleRows ? [{ block: slice.block, from: sampleRows, rows: slice.rows - sampleRows }] : []));
    queue.splice(0, queue.length, ...samples, ...rest);
    for (const block of blocks) perCell.set(block.sheet, CAUTIOUS_BYTES_PER_CELL);
  }
  while (queue.length > 0) {
    const batch: { block: number; from: number; rows: number; range: Excel.Range }[] = [];
    let estimate = 0;
    while (queue.length > 0) {
      const slice = queue[0];
      const block = blocks[slice.block];
      const cellBytes = perCell.get(block.sheet) ?? CAUTIOUS_BYTES_PER_CELL;
      const room = maxBytes - estimate;
      const fitting = Math.floor(room / (cellBytes * block.cols));
      if (fitting < 1 && batch.length > 0) break;
      const rows = Math.max(1, Math.min(slice.rows, fitting));
      const range = context.workbook.worksheets
        .getItem(block.sheet)
        .getRangeByIndexes(block.row + slice.from, block.col, rows, block.cols)
        .untrack();
      range.load("values");
      batch.push({ block: slice.block, from: slice.from, rows, range });
      estimate += rows * block.cols * cellBytes;
      if (rows === slice.rows) queue.shift();
      else queue[0] = { ...slice, from: slice.from + rows, rows: slice.rows - rows };
    }
    try {
      await context.sync();
      if (options.counter) options.counter.syncs++;
    } catch (error) {
      if (!isResponseTooLarge(error) || batch.every((slice) => slice.rows === 1)) throw error;
      // Too large after all: the same slices again, each in two halves, and a sheet estimate twice as high.
      if (options.counter) options.counter.syncs++;
      for (const slice of batch) perCell.set(blocks[slice.block].sheet, 2 * (perCell.get(blocks[slice.block].sheet) ?? CAUTIOUS_BYTES_PER_CELL));
      const halves = batch.flatMap((slice) => {
        const first = Math.ceil(slice.rows / 2);
        return slice.rows === 1
          ? [slice]
          : [
              { block: slice.block, from: slice.from, rows: first },
              { block: slice.block, from: slice.from + first, rows: slice.rows - first },
            ];
      });
      queue.unshift(...halves.map(({ block, from, rows }) => ({ block, from, rows })));
      continue;
    }
    const learnt = new Map<string, number>();
    for (const slice of batch) {
      const values = slice.range.values as unknown[][];
      const block = blocks[slice.block];
      const densest = largest(values.map((row) => jsonBytes(row))) / block.cols;
      learnt.set(block.sheet, Math.max(learnt.get(block.sheet) ?? 0, densest));
      const target = results[slice.block];
      values.forEach((row, index) => (target[slice.from + index] = row.map(cellValue)));
    }
    // Rows of a sheet differ (a long difficulty here and there): the next slices plan for its densest row so far.
    for (const [sheet, densest] of learnt) perCell.set(sheet, Math.max(8, densest * 1.2));
  }
  return results;
}

function cellValue(value: unknown): CellValue {
  return value === "" || value === undefined ? null : (value as CellValue);
}

function isResponseTooLarge(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "ResponsePayloadSizeLimitExceeded";
}

/** Whole sheets as grids from A1 (undefined for a missing sheet, [] for an empty one). */
export async function readGrids(
  context: Excel.RequestContext,
  names: readonly string[],
  options: ReadOptions & { counter?: ReadCounter } = {},
): Promise<Record<string, Grid | undefined>> {
  const shapes = await readShapes(context, names, { counter: options.counter });
  const present = names.filter((name) => shapes[name].used);
  const blocks = present.map((name) => ({ sheet: name, ...shapes[name].used! }));
  const values = await readBlocks(context, blocks, options);
  const grids: Record<string, Grid | undefined> = {};
  for (const name of names) grids[name] = shapes[name].exists ? [] : undefined;
  present.forEach((name, index) => (grids[name] = padded(shapes[name].used!, values[index])));
  return grids;
}

/** The used range may start below row 1 or right of column A: pad so that grid[0][0] is A1. */
export function padded(used: UsedArea, rows: CellValue[][]): Grid {
  const grid: Grid = Array.from({ length: used.row }, () => []);
  for (const row of rows) grid.push([...Array.from({ length: used.col }, () => null), ...row]);
  return grid;
}
