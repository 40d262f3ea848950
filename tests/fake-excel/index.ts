/**
 * The fake Excel host of the tests and the bench: Microsoft's Office.js runtime in front, our fake workbook
 * behind its request executor. Code under test receives a real `Excel.RequestContext`.
 */
import { MODERN_HOST, type HostCapabilities, fakeSession } from "./office-runtime";
import { runtimeApiSets, runtimeWindow } from "./node-runtime";
import { FakeWorkbook, type FakeStats } from "./server";
import { type CellState, SheetState, WorkbookState, parseAddress } from "./state";

export { FakeWorkbook, PAYLOAD_LIMIT_BYTES } from "./server";
export type { FakeStats } from "./server";
export { SheetState, WorkbookState } from "./state";
export type { CellState, ChartState, Rect } from "./state";
export type { HostCapabilities } from "./office-runtime";

export type ExcelRun = <T>(work: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface FakeExcelHost {
  /** A real request context of Microsoft's runtime, kept for the whole test. */
  context: Excel.RequestContext;
  /** `Excel.run` of the runtime on this workbook, as the task pane calls it: a new context each time. */
  run: ExcelRun;
  /** A second person's session on the same workbook (co-authoring). */
  otherSession(): { context: Excel.RequestContext; run: ExcelRun };
  workbook: FakeWorkbook;
  state: WorkbookState;
  stats: FakeStats;
  sheet(name: string): SheetState;
  /** A cell as stored: a formula shows as `{ formula }`. */
  cell(sheet: string, address: string): CellState | undefined;
  resetStats(): void;
}

export function createFakeExcel(state: WorkbookState = new WorkbookState(), capabilities: Partial<HostCapabilities> = {}): FakeExcelHost {
  const host = { ...MODERN_HOST, ...capabilities };
  const window = runtimeWindow(host);
  const workbook = new FakeWorkbook(state, { ...host, apiSets: runtimeApiSets() });
  const connect = () => {
    const session = fakeSession(window, workbook);
    const run: ExcelRun = (work) => window.Excel.run(session, work);
    return { context: new window.Excel.RequestContext(session), run };
  };
  const own = connect();
  return {
    context: own.context,
    run: own.run,
    otherSession: connect,
    workbook,
    state,
    stats: workbook.stats,
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
    resetStats: () => workbook.resetStats(),
  };
}

/** A workbook state with sheets already holding values, some of them protected, for tests to start from. */
export function seedWorkbook(
  sheets: { name: string; values: (string | number | boolean | null)[][]; protected?: boolean; password?: string; unlocked?: string[] }[],
): WorkbookState {
  const state = new WorkbookState();
  for (const seed of sheets) {
    const sheet = new SheetState(seed.name);
    seed.values.forEach((row, r) => row.forEach((value, c) => (sheet.cell(r, c).value = value)));
    for (const address of seed.unlocked ?? []) {
      const rect = parseAddress(address)!;
      for (let row = rect.row; row < rect.row + rect.rows; row++)
        for (let col = rect.col; col < rect.col + rect.cols; col++) sheet.cell(row, col).locked = false;
    }
    sheet.protected = seed.protected ?? seed.password !== undefined;
    sheet.password = seed.password;
    state.sheets.push(sheet);
  }
  state.activeSheet = sheets[0]?.name;
  return state;
}
