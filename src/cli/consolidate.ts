/** `ctg consolidate FILES... --out CONSO.xlsx [--report REPORT.json]`: many territories' tableaux into one workbook. */
import { existsSync, readFileSync, rmSync } from "node:fs";
import { basename, resolve } from "node:path";
import type { FieldTally } from "../domain/consolidation";
import { todayIso } from "../domain/dates";
import { EXIT_CODES } from "../domain/refusal";
import { bilanLabels, cliLabels, errorLabels } from "../labels/catalog";
import {
  CONSOLIDATION_FORMAT_ID,
  CONSOLIDATION_SHEETS,
  FIELD_COLUMNS,
  REPORT_COLUMNS,
  STATUS_ROW_COLUMNS,
  TALLY_COLUMNS,
  TERRITORY_COLUMNS,
  VALUE_ROW_COLUMNS,
  type SheetRow,
  chartedSynthesis,
  keyColumn,
  metaRows,
  reportRow,
  storedTally,
  storedTerritory,
  synthesisPrintArea,
  valueFormats,
} from "../workbook/build-consolidation";
import { mergedSummaries } from "../workbook/merge-consolidation";
import type { BatchFile, StoredTerritory } from "../domain/consolidation-batch";
import { consolidateBatch } from "../services/consolidate-batch";
import { fileSystemReason } from "../services/outcome";
import { readSheetRows } from "../xlsx/sheet-stream-reader";
import type { EncodedRow, SheetEncoder } from "../xlsx/sheet-encoder";
import { EXCEL_MAX_ROWS, SheetTooLong, StreamedWorkbook } from "../xlsx/stream-workbook";
import { ZipTooLarge } from "../xlsx/zip-writer";
import type { Clock, Console } from "./commands";
import { CliError, writeBytes } from "./io";
import { guardOutputs } from "./output-paths";
import { checkOutputFolder, lockOutput, removeStaleTemporaries, withCleanup } from "./output-guard";
import { type RowSpool, SpoolDirectory } from "./spool";
import { keepHeapUnderCeiling } from "./heap-ceiling";

export interface Terminal {
  isTTY: boolean;
  write(text: string): void;
}

interface Stored {
  territories: { key: string; row: SheetRow }[];
  tallies: FieldTally[];
  byKey: Map<string, StoredTerritory>;
}

const META_COLUMNS = [
  { header: "cle", width: 20 },
  { header: "valeur", width: 40 },
];

const t = cliLabels.consolidate;

/** A long table of the consolidation: its rows are encoded with its sheet's encoder and parked in its spool. */
interface LongSheet {
  spool: RowSpool;
  encoder: SheetEncoder;
}

/** Reads what an earlier consolidation holds; its long tables go to spools, the rest (one row per territory) stays. */
async function readStored(out: string, sheets: { statuses: LongSheet; values: LongSheet }): Promise<Stored> {
  const stored: Stored = { territories: [], tallies: [], byKey: new Map() };
  let format: string | undefined;
  const statusKey = keyColumn(STATUS_ROW_COLUMNS);
  const valueKey = keyColumn(VALUE_ROW_COLUMNS);
  const headers: [string, readonly { header: string }[]][] = [
    [CONSOLIDATION_SHEETS.territories, TERRITORY_COLUMNS],
    [CONSOLIDATION_SHEETS.tallies, TALLY_COLUMNS],
    [CONSOLIDATION_SHEETS.statuses, STATUS_ROW_COLUMNS],
    [CONSOLIDATION_SHEETS.values, VALUE_ROW_COLUMNS],
    [CONSOLIDATION_SHEETS.meta, META_COLUMNS],
  ];
  const kinds = new Map<number, string>();
  try {
    for await (const { position, values } of readSheetRows(out)) {
      if (!kinds.has(position)) {
        // A sheet is known by its header row, whatever its name: a user may have renamed a tab.
        const kind = headers.find(([, columns]) => columns.every((column, index) => values[index] === column.header));
        kinds.set(position, kind?.[0] ?? "");
        continue;
      }
      const sheet = kinds.get(position);
      if (sheet === CONSOLIDATION_SHEETS.meta && values[0] === "format") format = String(values[1] ?? "");
      if (sheet === CONSOLIDATION_SHEETS.territories) {
        const territory = storedTerritory(values);
        if (!territory) continue;
        stored.territories.push({ key: territory.key, row: { values: values.slice(0, TERRITORY_COLUMNS.length) } });
        stored.byKey.set(territory.key, {
          territory: territory.territory,
          ...(territory.code ? { code: territory.code } : {}),
          ...(territory.savedAt ? { savedAt: territory.savedAt } : {}),
        });
      }
      if (sheet === CONSOLIDATION_SHEETS.tallies) {
        const tally = storedTally(values);
        if (tally) stored.tallies.push(tally);
      }
      if (sheet === CONSOLIDATION_SHEETS.statuses) {
        const key = values[statusKey];
        if (typeof key === "string") sheets.statuses.spool.add(key, sheets.statuses.encoder.encode({ values: values.slice(0, STATUS_ROW_COLUMNS.length) }));
      }
      if (sheet === CONSOLIDATION_SHEETS.values) {
        const key = values[valueKey];
        if (typeof key === "string") {
          const cells = values.slice(0, VALUE_ROW_COLUMNS.length);
          sheets.values.spool.add(key, sheets.values.encoder.encode({ values: cells, formats: valueFormats(String(cells[5] ?? ""), cells) }));
        }
      }
    }
  } catch (error) {
    throw new CliError(t.storedUnreadable(out, error instanceof Error ? error.message : String(error)), EXIT_CODES.refused);
  }
  if (format !== CONSOLIDATION_FORMAT_ID) throw new CliError(t.notAConsolidation(out), EXIT_CODES.refused);
  return stored;
}

function progressBar(terminal: Terminal | undefined) {
  if (!terminal?.isTTY) return { update: () => undefined, done: () => undefined };
  return {
    update: (index: number, total: number, file: string) => {
      const width = 24;
      const filled = Math.round((index / Math.max(1, total)) * width);
      terminal.write(`\r\u001b[2K[${"#".repeat(filled)}${".".repeat(width - filled)}] ${index}/${total} ${basename(file).slice(0, 40)}`);
    },
    done: () => terminal.write("\r\u001b[2K"),
  };
}

export async function consolidateCommand(
  /** `longTableRows`: rows a sheet of a long table holds, header included; Excel's limit unless a test makes it small. */
  options: { files: string[]; out?: string; report?: string; longTableRows?: number },
  io: Console,
  clock: Clock,
  terminal?: Terminal,
): Promise<number> {
  if (options.files.length === 0 || !options.out) throw new CliError(t.usage, EXIT_CODES.refused);
  const out = options.out;
  if (!/\.xlsx$/i.test(out)) throw new CliError(t.outputNotXlsx(out), EXIT_CODES.refused);
  if (options.files.some((file) => resolve(file) === resolve(out))) throw new CliError(t.outputIsInput(out), EXIT_CODES.refused);
  // Before any territory is read: neither output may be an input (under any name) nor replace another kind of file.
  await guardOutputs(
    [{ path: out, kind: "consolidation" }, ...(options.report ? [{ path: options.report, kind: "consolidationReport" as const }] : [])],
    options.files,
  );
  // Before any territory is read: a folder that takes no file, or another run on the same output, stops here.
  checkOutputFolder(out);
  removeStaleTemporaries(SpoolDirectory.PREFIX, out);
  const lock = lockOutput(out);
  const directory = new SpoolDirectory();
  const partial = `${out}.${process.pid}.tmp`;
  return withCleanup(
    () => {
      directory.remove();
      rmSync(partial, { force: true });
      lock.release();
    },
    () => consolidateLocked(options, out, directory, io, clock, terminal),
  );
}

/**
 * A long table's rows (the spools replayed, each filtered), in as many sheets of the same header as Excel's row
 * limit asks: « Indicateurs », « Indicateurs (2) »… A national consolidation holds more values than one sheet can.
 * The rows are counted first, for the workbook's parts list is written before the sheets.
 */
function longTable(
  book: StreamedWorkbook,
  first: SheetEncoder,
  maxRows: number,
  sources: { spool: RowSpool; keep: (key: string) => boolean }[],
): { encoder: SheetEncoder; rows: AsyncIterable<EncodedRow> }[] {
  const perSheet = maxRows - 1;
  const total = sources.reduce((sum, { spool, keep }) => sum + spool.count(keep), 0);
  const sheets = Math.max(1, Math.ceil(total / perSheet));
  async function* all(): AsyncGenerator<EncodedRow> {
    let replayed = 0;
    for (const { spool, keep } of sources) {
      for await (const row of spool.rows(keep)) {
        // Replaying a national batch's million rows makes garbage as reading its files did: the same ceiling holds.
        if (++replayed % 20_000 === 0) keepHeapUnderCeiling();
        yield row;
      }
    }
  }
  const rows = all();
  async function* part(): AsyncGenerator<EncodedRow> {
    for (let taken = 0; taken < perSheet; taken++) {
      const next = await rows.next();
      if (next.done) return;
      yield next.value;
    }
  }
  return Array.from({ length: sheets }, (_, index) => ({
    encoder: index === 0 ? first : book.sheet({ ...first.spec, name: bilanLabels.consolidation.continuation(first.spec.name, index + 1) }),
    // The last part takes whatever is left, so that a miscount could only ever make it longer, never lose a row.
    rows: index === sheets - 1 ? rows : part(),
  }));
}

async function consolidateLocked(
  options: { files: string[]; report?: string; longTableRows?: number },
  out: string,
  directory: SpoolDirectory,
  io: Console,
  clock: Clock,
  terminal?: Terminal,
): Promise<number> {
  {
    const spools = {
      oldStatuses: directory.spool("old-statuses"),
      oldValues: directory.spool("old-values"),
      statuses: directory.spool("statuses"),
      values: directory.spool("values"),
    };
    // The long tables' rows are encoded once, as they arrive, with the styles and texts of the workbook to write.
    // A bounded table of shared texts: the short texts every territory repeats come first and fill it; a national
    // batch's thousands of territory names and keys go inline instead of growing the memory with the batch.
    const book = new StreamedWorkbook({ maxCount: 20_000 });
    // The syntheses carry their chart's data on the right and print their table and chart, as in the add-in.
    const synthesisSpec = (name: string, kind: "territories" | "fields", columns: typeof TERRITORY_COLUMNS) => {
      const shape = chartedSynthesis(kind, columns, [], "");
      return { name, columns: shape.columns, tableColumns: shape.tableColumns, printColumns: synthesisPrintArea(shape).cols };
    };
    const encoders = {
      territories: book.sheet(synthesisSpec(CONSOLIDATION_SHEETS.territories, "territories", TERRITORY_COLUMNS)),
      fields: book.sheet(synthesisSpec(CONSOLIDATION_SHEETS.fields, "fields", FIELD_COLUMNS)),
      statuses: book.sheet({ name: CONSOLIDATION_SHEETS.statuses, columns: STATUS_ROW_COLUMNS }),
      values: book.sheet({ name: CONSOLIDATION_SHEETS.values, columns: VALUE_ROW_COLUMNS }),
      report: book.sheet({ name: CONSOLIDATION_SHEETS.report, columns: REPORT_COLUMNS }),
      tallies: book.sheet({ name: CONSOLIDATION_SHEETS.tallies, columns: TALLY_COLUMNS, plain: true }),
      meta: book.sheet({ name: CONSOLIDATION_SHEETS.meta, columns: META_COLUMNS, plain: true }),
    };
    const stored: Stored = existsSync(out)
      ? await readStored(out, {
          statuses: { spool: spools.oldStatuses, encoder: encoders.statuses },
          values: { spool: spools.oldValues, encoder: encoders.values },
        })
      : { territories: [], tallies: [], byKey: new Map() };
    spools.oldStatuses.close();
    spools.oldValues.close();

    const bar = progressBar(terminal);
    // Each file is read when its turn comes and dropped after: one territory in memory at a time.
    const files: BatchFile[] = options.files.map((file) => ({ name: file, read: async () => new Uint8Array(readFileSync(file)) }));
    const now = clock.now();
    const batch = await consolidateBatch(
      files,
      stored.byKey,
      {
        statusRow: (key, row) => spools.statuses.add(key, encoders.statuses.encode(row)),
        valueRow: (key, row) => spools.values.add(key, encoders.values.encode(row)),
      },
      {
        today: todayIso(now),
        onProgress: ({ index, total, file }) => bar.update(index, total, file),
        afterFile: keepHeapUnderCeiling,
      },
    );
    bar.done();
    // Verdicts are final only once the whole batch is seen (two files of one territory are both flagged).
    for (const verdict of batch.verdicts) {
      io.out(t.verdict(verdict.status === "rejected", verdict.file, verdict.territory, t.status[verdict.status]));
      for (const reason of verdict.reasons) io.out(t.reason(reason));
    }
    spools.statuses.close();
    spools.values.close();

    if (options.report) {
      writeBytes(
        options.report,
        `${JSON.stringify({ files: batch.verdicts.map((verdict) => ({ file: verdict.file, status: verdict.status, territory: verdict.territory ?? null, reasons: verdict.reasons })) }, null, 2)}\n`,
      );
    }
    const accepted = batch.verdicts.filter((verdict) => verdict.status !== "rejected").length;
    if (batch.accepted.length === 0) {
      io.err(t.noneAccepted(options.files.length, out, existsSync(out)));
      return EXIT_CODES.problems;
    }

    const { replaced, territories, tallies, fields, kept } = mergedSummaries(stored, batch);
    const maxRows = options.longTableRows ?? EXCEL_MAX_ROWS;
    const made = todayIso(now);
    const territorySynthesis = chartedSynthesis("territories", TERRITORY_COLUMNS, territories, made);
    const fieldSynthesis = chartedSynthesis("fields", FIELD_COLUMNS, fields, made);
    const chartsOf = (synthesis: typeof territorySynthesis) => (synthesis.chart ? [synthesis.chart] : []);
    await book
      .write(out, [
        { encoder: encoders.territories, rows: territorySynthesis.rows, charts: chartsOf(territorySynthesis) },
        { encoder: encoders.fields, rows: fieldSynthesis.rows, charts: chartsOf(fieldSynthesis) },
        ...longTable(book, encoders.statuses, maxRows, [
          { spool: spools.oldStatuses, keep: (key) => !replaced.has(key) },
          { spool: spools.statuses, keep: (key) => !batch.leftOut.has(key) },
        ]),
        ...longTable(book, encoders.values, maxRows, [
          { spool: spools.oldValues, keep: (key) => !replaced.has(key) },
          { spool: spools.values, keep: (key) => !batch.leftOut.has(key) },
        ]),
        { encoder: encoders.report, rows: batch.verdicts.map(reportRow) },
        { encoder: encoders.tallies, rows: tallies, state: "hidden" },
        { encoder: encoders.meta, rows: metaRows(now.toISOString()).slice(1), state: "veryHidden" },
      ])
      .catch((error: unknown) => {
        if (error instanceof SheetTooLong) throw new CliError(t.sheetTooLong(out, existsSync(out), error.message), error.exitCode);
        // Told as the catch-all told it before the zip limits became refusals: the same words, the same exit code.
        if (error instanceof ZipTooLarge) throw new CliError(errorLabels.unexpectedInCli(error.message), EXIT_CODES.refused);
        if ((error as NodeJS.ErrnoException).code) throw new CliError(t.cannotWrite(out, fileSystemReason(error), existsSync(out)), EXIT_CODES.refused);
        throw error;
      });
    io.out(t.written(out, territories.length, batch.accepted.length, kept, accepted, batch.verdicts.length - accepted));
    return EXIT_CODES.ok;
  }
}
