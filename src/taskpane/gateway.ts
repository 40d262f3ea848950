/**
 * What the task pane asks of the workbook, behind one interface: the Office.js implementation runs in Excel, and
 * tests hand the same implementation a fake host. Components never touch Office.js.
 */
import type { CollectBy } from "../domain/collection";
import { type IsoDate, todayIso } from "../domain/dates";
import type { Plan } from "../domain/plan";
import { Refusal } from "../domain/refusal";
import { officeLabels, paneLabels } from "../labels/catalog";
import type { MergeOutcome, SoundTableau } from "../services/collection";
import type { CollectionPackage, PickedFile } from "../services/collection-files";
import {
  TableauNotFound,
  generateBilan,
  readBilanReport,
  readConsolidation,
  openBegunQuarters,
  readGrids,
  selectCell,
  setQuarterLocked,
  setUpTableau,
  writeConsolidation,
  writeQuarterEntry,
  writeEvaluation,
  writeMergedReturns,
  type BilanRequest,
  type EvaluationEntry,
  type WrittenEvaluation,
  type ExcelRun,
  type Feature,
  FULL_SUPPORT,
  type HostSupport,
  type QuarterEntry,
  type WrittenEntry,
} from "../excel";
import { CONSOLIDATION_SHEETS } from "../workbook/build-consolidation";
import { SHEETS } from "../workbook/layout";
import { type KeyedRow, mergedContent } from "../workbook/merge-consolidation";
import type { BatchFile, FileVerdict } from "../domain/consolidation-batch";
import { TABLEAU_SHEETS, readTableau, type TableauReading } from "../workbook/parse-tableau";

export interface WorkbookState {
  hasTableau: boolean;
  /** The workbook holds a consolidation of territories (the Caf's workbook). */
  hasConsolidation?: boolean;
  reading?: TableauReading;
  /** The first row of each sheet read, by sheet: Vérifier names a problem's column by its header. */
  headers?: Record<string, string[]>;
}

export interface ConsolidationProgress {
  /** Files done so far. */
  index: number;
  total: number;
  file: string;
  /** The file's verdict once read; final only when the whole batch is seen (duplicates are found at the end). */
  verdict?: FileVerdict;
}

export interface ConsolidationOutcome {
  verdicts: FileVerdict[];
  /** False when no file was accepted: the workbook is left as it was. */
  written: boolean;
  /** Territories in the consolidation after this batch, of which `kept` come from earlier batches. */
  territories: number;
  kept: number;
  charts: number;
}

export interface CollectionProgress {
  /** Files read so far; equal to `total` once the workbook is being written. */
  index: number;
  total: number;
  file: string;
}

/** What « Intégrer les retours » did: the merge's outcome per file, and the cells it wrote in the workbook. */
export interface MergedReturns extends MergeOutcome {
  /** Addresses written, `Suivi des fiches!F14` style. */
  cells: string[];
  /** What the host could not keep, in French. */
  notes: string[];
}

export interface TableauGateway {
  today(): IsoDate;
  read(): Promise<WorkbookState>;
  /** `notes`: what the host could not do (the print settings below ExcelApi 1.9), in French. */
  setUp(plan: Plan): Promise<{ kept: number; archived: number; notes: string[] }>;
  writeEntry(entry: QuarterEntry): Promise<WrittenEntry>;
  /** One year's evaluation of a fiche or an axe, already checked. */
  writeEvaluation(entry: EvaluationEntry): Promise<WrittenEvaluation>;
  setLocked(quarter: string, locked: boolean): Promise<string[]>;
  select(sheet: string, cell: string): Promise<void>;
  /** Writes (or rewrites) the bilan sheet with its native charts. */
  generateBilan(request: BilanRequest): Promise<{ sheetName: string; charts: number; notes: string[] }>;
  /** The written bilan (Word), read from the workbook as it is now. */
  bilanDocument(request: BilanRequest): Promise<{ fileName: string; bytes: Uint8Array; axes: number; actions: number }>;
  /** The COPIL deck of the bilan, read from the workbook as it is now. */
  bilanDeck(request: BilanRequest): Promise<{ fileName: string; bytes: Uint8Array; slides: number }>;
  /**
   * Reads territories' tableaux one at a time and merges them into the consolidation of this workbook. The
   * workbook is written once, at the end, and not at all when the batch is cancelled or no file is accepted.
   */
  consolidate(
    files: readonly BatchFile[],
    options?: { signal?: AbortSignal; onProgress?: (progress: ConsolidationProgress) => void },
  ): Promise<ConsolidationOutcome>;
  /** The quarter's collection workbooks, one per pilote (or partner), in one .zip, from the tableau as it is now. */
  collectionPackage(request: { quarter: string; by: CollectBy }): Promise<CollectionPackage>;
  /**
   * Reads the returned collection files, merges them into the tableau as it is now, and writes only the cells
   * whose value they bring and the journal's new lines; nothing when no file brings anything new. `quarter`, when
   * given, refuses the files of another quarter and tells who has not returned theirs.
   */
  mergeReturns(
    files: readonly PickedFile[],
    options?: { quarter?: string; by?: CollectBy; onProgress?: (progress: CollectionProgress) => void },
  ): Promise<MergedReturns>;
}

/**
 * The gateway of the pane. `support` says which features the host's requirement sets allow: a feature the host
 * lacks is refused in French before anything reaches Excel, and the print settings are skipped below ExcelApi 1.9.
 */
export interface PayloadLimits {
  /** Bytes of a request and of a response the add-in plans for (under Excel on the web's 5 MB). */
  maxRequestBytes?: number;
  maxResponseBytes?: number;
}

export function officeGateway(
  run: ExcelRun,
  clock: () => Date = () => new Date(),
  support: HostSupport = FULL_SUPPORT,
  limits: PayloadLimits = {},
): TableauGateway {
  const today = () => todayIso(clock());
  const pageLayout = () => support.supports("pageLayout");
  const host = () => ({
    pageLayout: pageLayout(),
    dataValidation: support.supports("dataValidation"),
    ...(limits.maxRequestBytes ? { maxRequestBytes: limits.maxRequestBytes } : {}),
  });
  const reads = limits.maxResponseBytes ? { maxResponseBytes: limits.maxResponseBytes } : {};
  /**
   * The tableau read from the workbook, without errors: a collection is prepared from, and merged into, a tableau
   * whose every entry was read (one left out for an error would be taken for an empty cell). Its name, told in the
   * prepared files' guide, is the workbook's file name, loaded with the sheets' first read.
   */
  const soundTableau = async (context: Excel.RequestContext): Promise<SoundTableau> => {
    const workbook = context.workbook;
    workbook.load("name");
    const grids = await readGrids(context, TABLEAU_SHEETS, reads);
    if (grids[SHEETS.meta] === undefined) throw new TableauNotFound(officeLabels.tableau.notFound);
    const reading = readTableau(grids, { today: today() });
    const errors = reading.issues.filter((issue) => issue.severity === "error").length;
    if (!reading.tracking || !reading.meta || errors > 0) throw new Refusal(paneLabels.collection.tableauHasErrors(Math.max(1, errors)));
    return { tracking: reading.tracking, meta: reading.meta, name: workbook.name || reading.tracking.plan.convention.territory };
  };
  const guarded = <T>(feature: Feature, work: () => Promise<T>): Promise<T> => {
    try {
      support.require(feature);
    } catch (refused) {
      return Promise.reject(refused);
    }
    return work();
  };
  return {
    today,
    read: () =>
      guarded("check", () =>
        run(async (context) => {
          const grids = await readGrids(context, [...TABLEAU_SHEETS, CONSOLIDATION_SHEETS.meta]);
          if (grids[SHEETS.meta] === undefined) return { hasTableau: false, hasConsolidation: grids[CONSOLIDATION_SHEETS.meta] !== undefined };
          // The rows of a quarter begun since the tableau was last written are still locked: opened here, so that
          // they can be filled in the sheets as in the pane. A refusal (a sheet protected with someone's password,
          // renamed columns) leaves them locked and the reading goes on: the reading says what is wrong.
          await openBegunQuarters(context, today()).catch((error: unknown) => {
            if (!(error instanceof Refusal)) throw error;
          });
          const headers = Object.fromEntries(
            Object.entries(grids).map(([sheet, grid]) => [sheet, (grid?.[0] ?? []).map((cell) => (cell === null || cell === undefined ? "" : String(cell)))]),
          );
          return { hasTableau: true, reading: readTableau(grids, { today: today() }), headers };
        }),
      ),
    setUp: (plan) =>
      guarded("setup", () =>
        run(async (context) => {
          const result = await setUpTableau(context, plan, { now: clock().toISOString(), today: today() }, host());
          return { kept: result.tracking.statuses.length + result.tracking.measurements.length, archived: result.newlyArchived.length, notes: result.notes };
        }),
      ),
    writeEntry: (entry) => guarded("entry", () => run((context) => writeQuarterEntry(context, entry))),
    writeEvaluation: (entry) => guarded("entry", () => run((context) => writeEvaluation(context, entry))),
    setLocked: (quarter, locked) => guarded("lock", () => run(async (context) => (await setQuarterLocked(context, quarter, locked, today())).lockedQuarters)),
    select: (sheet, cell) => guarded("check", () => run((context) => selectCell(context, sheet, cell))),
    generateBilan: (request) =>
      guarded("bilan", () =>
        run(async (context) => {
          const generated = await generateBilan(context, request, { today: today(), ...host() });
          return { sheetName: generated.sheetName, charts: generated.charts, notes: generated.notes };
        }),
      ),
    bilanDeck: async (request) => {
      support.require("check");
      const report = await run((context) => readBilanReport(context, request, { today: today() }));
      // pptxgenjs is large and only needed here: loaded on first use, it stays out of the pane's first paint.
      const { deckFileName, renderDeck } = await import(/* webpackChunkName: "deck" */ "../report/deck");
      const options = { cdsf: request.cdsf ?? false, now: clock(), ...(request.seriesIndicatorId ? { seriesIndicatorId: request.seriesIndicatorId } : {}) };
      const deck = await renderDeck(report, options);
      return { fileName: deckFileName(report, options.cdsf), bytes: deck.bytes, slides: deck.titles.length };
    },
    bilanDocument: async (request) => {
      support.require("check");
      const report = await run((context) => readBilanReport(context, request, { today: today() }));
      // The docx library is only needed here: loaded on first use, it stays out of the pane's first paint.
      const { documentFileName, renderBilanDocument } = await import(/* webpackChunkName: "document" */ "../report/bilan-document");
      const cdsf = request.cdsf ?? false;
      const document = await renderBilanDocument(report, { cdsf, now: clock() });
      return { fileName: documentFileName(report, cdsf), bytes: document.bytes, axes: report.statuses.perAxis.length, actions: report.actions.length };
    },
    consolidate: async (files, options = {}) => {
      support.require("consolidation");
      // Refusals (a territory's tableau, foreign sheets) come before any file is read.
      const stored = await run((context) => readConsolidation(context, reads));
      // The reader and the batch are loaded on first use: they stay out of the pane's first paint.
      const { consolidateBatch, ConsolidationCancelled } = await import(/* webpackChunkName: "consolidation" */ "../services/consolidate-batch");
      const fresh: { statuses: KeyedRow[]; values: KeyedRow[] } = { statuses: [], values: [] };
      const batch = await consolidateBatch(
        files,
        stored.byKey,
        { statusRow: (key, row) => void fresh.statuses.push({ key, row }), valueRow: (key, row) => void fresh.values.push({ key, row }) },
        {
          today: today(),
          ...(options.signal ? { signal: options.signal } : {}),
          ...(options.onProgress ? { onProgress: options.onProgress } : {}),
        },
      );
      if (options.signal?.aborted) throw new ConsolidationCancelled();
      if (batch.accepted.length === 0)
        return { verdicts: batch.verdicts, written: false, territories: stored.territories.length, kept: stored.territories.length, charts: 0 };
      const content = mergedContent(stored, batch, fresh, clock().toISOString());
      const written = await run((context) => writeConsolidation(context, content, host()));
      return { verdicts: batch.verdicts, written: true, territories: content.territories.length, kept: content.kept, charts: written.charts };
    },
    collectionPackage: async (request) => {
      support.require("check");
      const now = clock();
      const tableau = await run(soundTableau);
      // The collection's builder and the writer are loaded on first use: they stay out of the pane's first paint.
      const { collectionPackage } = await import(/* webpackChunkName: "collection" */ "../services/collection-files");
      return collectionPackage(tableau, { ...request, now, today: todayIso(now) });
    },
    mergeReturns: async (files, options = {}) => {
      support.require("entry");
      const { readReturnedFiles } = await import(/* webpackChunkName: "collection" */ "../services/collection-files");
      const { mergeReturns } = await import(/* webpackChunkName: "collection" */ "../services/collection");
      const returned = await readReturnedFiles(files, (index, total, file) => options.onProgress?.({ index, total, file }));
      options.onProgress?.({ index: files.length, total: files.length, file: "" });
      // Read, merged and written in one batch: what the merge compares with is the workbook of this moment.
      return run(async (context) => {
        const now = clock();
        const tableau = await soundTableau(context);
        const outcome = mergeReturns(tableau, returned, {
          now,
          today: todayIso(now),
          ...(options.quarter ? { quarter: options.quarter } : {}),
          ...(options.by ? { by: options.by } : {}),
        });
        if (!outcome.changed) return { ...outcome, cells: [], notes: [] };
        const written = await writeMergedReturns(
          context,
          {
            plan: tableau.tracking.plan,
            files: outcome.files.flatMap((file) =>
              file.status !== "rejected" && file.quarter ? [{ file: file.file, quarter: file.quarter, changes: file.changes }] : [],
            ),
            journal: (outcome.tracking.journal ?? []).slice(tableau.tracking.journal?.length ?? 0),
          },
          host(),
        );
        return { ...outcome, cells: written.cells, notes: written.notes };
      });
    },
  };
}
