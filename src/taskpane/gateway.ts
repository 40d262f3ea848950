/**
 * What the task pane asks of the workbook, behind one interface: the Office.js implementation runs in Excel, and
 * tests hand the same implementation a fake host. Components never touch Office.js.
 */
import { type IsoDate, todayIso } from "../domain/dates";
import type { Plan } from "../domain/plan";
import { generateBilan, readBilanReport, readGrids, setQuarterLocked, setUpTableau, writeQuarterEntry, type BilanRequest, type QuarterEntry, type WrittenEntry } from "../excel";
import { SHEETS } from "../workbook/layout";
import { TABLEAU_SHEETS, readTableau, type TableauReading } from "../workbook/parse-tableau";

export interface WorkbookState {
  hasTableau: boolean;
  reading?: TableauReading;
}

export interface TableauGateway {
  today(): IsoDate;
  read(): Promise<WorkbookState>;
  setUp(plan: Plan): Promise<{ kept: number; archived: number }>;
  writeEntry(entry: QuarterEntry): Promise<WrittenEntry>;
  setLocked(quarter: string, locked: boolean): Promise<string[]>;
  select(sheet: string, cell: string): Promise<void>;
  /** Writes (or rewrites) the bilan sheet with its native charts. */
  generateBilan(request: BilanRequest): Promise<{ sheetName: string; charts: number }>;
  /** The COPIL deck of the bilan, read from the workbook as it is now. */
  bilanDeck(request: BilanRequest): Promise<{ fileName: string; bytes: Uint8Array; slides: number }>;
}

export type ExcelRun = <T>(work: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export function officeGateway(run: ExcelRun, clock: () => Date = () => new Date()): TableauGateway {
  const today = () => todayIso(clock());
  return {
    today,
    read: () =>
      run(async (context) => {
        const grids = await readGrids(context, TABLEAU_SHEETS);
        if (grids[SHEETS.meta] === undefined) return { hasTableau: false };
        return { hasTableau: true, reading: readTableau(grids, { today: today() }) };
      }),
    setUp: (plan) =>
      run(async (context) => {
        const result = await setUpTableau(context, plan, { now: clock().toISOString(), today: today() });
        return { kept: result.tracking.statuses.length + result.tracking.measurements.length, archived: result.newlyArchived.length };
      }),
    writeEntry: (entry) => run((context) => writeQuarterEntry(context, entry)),
    setLocked: (quarter, locked) => run(async (context) => (await setQuarterLocked(context, quarter, locked)).lockedQuarters),
    select: (sheet, cell) =>
      run(async (context) => {
        const worksheet = context.workbook.worksheets.getItem(sheet);
        worksheet.activate();
        worksheet.getRange(cell).select();
        await context.sync();
      }),
    generateBilan: (request) =>
      run(async (context) => {
        const generated = await generateBilan(context, request, { today: today() });
        return { sheetName: generated.sheetName, charts: generated.charts };
      }),
    bilanDeck: async (request) => {
      const report = await run((context) => readBilanReport(context, request, { today: today() }));
      // pptxgenjs is large and only needed here: loaded on first use, it stays out of the pane's first paint.
      const { deckFileName, renderDeck } = await import(/* webpackChunkName: "deck" */ "../report/deck");
      const options = { cdsf: request.cdsf ?? false, now: clock(), ...(request.seriesIndicatorId ? { seriesIndicatorId: request.seriesIndicatorId } : {}) };
      const deck = await renderDeck(report, options);
      return { fileName: deckFileName(report, options.cdsf), bytes: deck.bytes, slides: deck.titles.length };
    },
  };
}
