/** Entry point of the fake Excel host used by the tests and by the task pane bundle in end-to-end tests. */
import { Context } from "./core";
import { WorkbookProxy } from "./fake-excel";
import { SheetState, WorkbookState, parseAddress } from "./state";

export { FakeOfficeError } from "./core";
export type { FakeStats } from "./core";
export { SheetState, WorkbookState } from "./state";
export type { CellState, Rect } from "./state";
export type { ChartState } from "./charts";

export interface FakeExcelHost {
  /** Handed to code under test; the fake implements only the subset of the API that src/excel uses. */
  context: Excel.RequestContext;
  state: WorkbookState;
  stats: { syncs: number; requestBytes: number[] };
  sheet(name: string): SheetState;
  /** Value of a cell as stored: a formula shows as `{ formula }`. */
  cell(sheet: string, address: string): SheetState["cells"] extends Map<string, infer C> ? C | undefined : never;
  resetStats(): void;
}

export function createFakeExcel(state: WorkbookState = new WorkbookState()): FakeExcelHost {
  const context = new Context(state);
  context.workbook = new WorkbookProxy(context);
  return {
    // The fake mirrors only what src/excel calls, so it is typed as the real context at this one boundary.
    context: context as unknown as Excel.RequestContext,
    state,
    stats: context.stats,
    sheet(name) {
      const sheet = state.find(name);
      if (!sheet) throw new Error(`No sheet ${name} in the fake workbook`);
      return sheet;
    },
    cell(sheet, address) {
      const rect = parseAddress(address);
      if (!rect) throw new Error(`Bad address ${address}`);
      return this.sheet(sheet).peek(rect.row, rect.col);
    },
    resetStats() {
      context.stats.syncs = 0;
      context.stats.requestBytes.length = 0;
    },
  };
}

/** A workbook state with sheets already holding values, some of them protected, for tests to start from. */
export function seedWorkbook(sheets: { name: string; values: (string | number | boolean | null)[][]; protected?: boolean; unlocked?: string[] }[]): WorkbookState {
  const state = new WorkbookState();
  for (const seed of sheets) {
    const sheet = new SheetState(seed.name);
    seed.values.forEach((row, r) => row.forEach((value, c) => (sheet.cell(r, c).value = value)));
    for (const address of seed.unlocked ?? []) {
      const rect = parseAddress(address)!;
      for (let row = rect.row; row < rect.row + rect.rows; row++) for (let col = rect.col; col < rect.col + rect.cols; col++) sheet.cell(row, col).locked = false;
    }
    sheet.protected = seed.protected ?? false;
    state.sheets.push(sheet);
  }
  state.activeSheet = sheets[0]?.name;
  return state;
}
