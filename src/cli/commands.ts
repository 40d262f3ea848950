/**
 * The `ctg` commands: each takes parsed options and returns an exit code, printing through `out`/`err`. Refusals of
 * the layers below (a workbook file that cannot be read, a refused update, a bilan outside the convention) carry
 * their whole message and exit code: they go up to `run`, which prints them.
 */
import { join } from "node:path";
import { formatFrenchDate, todayIso } from "../domain/dates";
import { type Plan, readPlanJson } from "../domain/plan";
import { allActions, allIndicators } from "../domain/plan";
import { EXIT_CODES } from "../domain/refusal";
import { cliLabels, deckLabels, documentLabels } from "../labels/catalog";
import { demoTracking } from "../samples/demo-entries";
import { samplePlan } from "../samples/sample-plan";
import { readTableauFile, writeSheetFile, writeTableauFile, writeTrackingFile } from "../xlsx/tableau-file";
import { countLine, describeIssue } from "./format-issues";
import { rmSync } from "node:fs";
import { CliError, FileWriteFailed, fileExists, readBytes, stillHolds, temporaryName, writeBackup, writeBytes } from "./io";
import { readPlanText, readRepertoireInput, repertoireRefusal } from "./input-files";
import { keepHeapUnderCeiling } from "./heap-ceiling";
import { lockOutput, withCleanup } from "./output-guard";
import { type PlannedOutput, guardOutputs, sameFile } from "./output-paths";
import { NotARepertoire, parseRepertoire } from "../import/parse-repertoire";
import { computeReport, petiteEnfanceOnly, reportJson, type ReportKind } from "../domain/report";
import { buildReportSheet, seriesIndicator } from "../workbook/build-report";
import { deckFileName, writeDeck } from "../report/deck";
import { documentFileName, writeBilanDocument } from "../report/bilan-document";

export interface Console {
  out(line: string): void;
  err(line: string): void;
}

export interface Clock {
  now(): Date;
}

function loadPlan(file: string): Plan {
  const reading = readPlanJson(readPlanText(file));
  if (!reading.ok) {
    const lines = reading.issues.map((issue) => cliLabels.plan.issue(issue.path, issue.message)).join("\n");
    throw new CliError(cliLabels.plan.invalid(file, lines), EXIT_CODES.problems);
  }
  return reading.plan;
}

/** Moments of an update a test can step into (a save by someone else while the update runs). */
export interface UpdateMoments {
  beforeReplace?(): void | Promise<void>;
}

export async function initCommand(
  options: { plan?: string; out?: string; update?: boolean },
  io: Console,
  clock: Clock,
  moments: UpdateMoments = {},
): Promise<number> {
  const t = cliLabels.init;
  if (!options.plan || !options.out) throw new CliError(t.usage, EXIT_CODES.refused);
  const out = options.out;
  if (sameFile(options.plan, out)) throw new CliError(cliLabels.output.isInput(out), EXIT_CODES.refused);
  const plan = loadPlan(options.plan);
  const now = clock.now();
  if (!options.update) {
    if (fileExists(out)) throw new CliError(t.exists(out), EXIT_CODES.refused);
    const written = await writeTableauFile(plan, { now: now.toISOString(), today: todayIso(now) });
    writeBytes(out, written.bytes);
    io.out(t.written(out, allActions(plan).length, allIndicators(plan).length));
    return EXIT_CODES.ok;
  }
  // One update at a time on a tableau; a save by someone else while it runs stops it before anything is written.
  const lock = lockOutput(out, "update");
  let backup: string | undefined;
  return withCleanup(
    () => {
      rmSync(temporaryName(out), { force: true });
      lock.release();
    },
    async () => {
      const existing = readBytes(out);
      const written = await writeTableauFile(plan, {
        now: now.toISOString(),
        today: todayIso(now),
        existing: { bytes: existing, fileName: out },
        // A large tableau's cells, once read, are garbage V8 would keep: collected between the steps.
        between: keepHeapUnderCeiling,
      });
      await moments.beforeReplace?.();
      if (!stillHolds(out, existing)) throw new CliError(t.changedMeanwhile(out), EXIT_CODES.refused);
      backup = writeBackup(out, existing, now);
      try {
        writeBytes(out, written.bytes);
      } catch (error) {
        // The tableau is as it was: its copy would only be a second one.
        rmSync(backup, { force: true });
        throw error instanceof FileWriteFailed ? new CliError(t.cannotReplace(out, error.reason), EXIT_CODES.refused) : error;
      }
      io.out(t.written(out, allActions(plan).length, allIndicators(plan).length));
      io.out(t.kept(written.tracking.statuses.length, written.tracking.measurements.length, backup));
      for (const move of written.moved) io.out(t.columnKept(move));
      if (written.newlyArchived.length > 0) io.out(t.archived(written.newlyArchived.length));
      if (written.newIdentity) io.out(t.newIdentity(plan.convention.territory));
      return EXIT_CODES.ok;
    },
  );
}

export async function checkCommand(options: { file?: string; json?: boolean }, io: Console, clock: Clock): Promise<number> {
  if (!options.file) throw new CliError(cliLabels.check.usage, EXIT_CODES.refused);
  const bytes = readBytes(options.file);
  const reading = await readTableauFile(bytes, options.file, todayIso(clock.now()));
  const ok = !reading.issues.some((issue) => issue.severity === "error");
  if (options.json) {
    io.out(JSON.stringify({ ok, issues: reading.issues.map(({ sheet, cell, severity, message }) => ({ sheet, cell, severity, message })) }, null, 2));
  } else {
    for (const issue of reading.issues) io.out(describeIssue(issue));
    const territory = reading.tracking?.plan.convention.territory;
    io.out(cliLabels.check.summary(options.file, territory, ok, countLine(reading.issues)));
  }
  return ok ? EXIT_CODES.ok : EXIT_CODES.problems;
}

export async function demoCommand(options: { out?: string }, io: Console, clock: Clock): Promise<number> {
  const dir = options.out ?? "demo";
  const t = cliLabels.demo;
  const file = join(dir, t.tableauFile);
  const now = clock.now();
  const tracking = demoTracking(samplePlan());
  const year = tracking.statuses[0]?.quarter.slice(0, 4) ?? tracking.plan.convention.start.slice(0, 4);
  // A second run replaces the demo's own files; anything else at their place is kept, and the demo refused.
  await guardOutputs([{ path: file, kind: "demoTableau" }, ...bilanOutputs(dir, "annual", year, false)], []);
  writeBytes(file, await writeTrackingFile(tracking, now.toISOString()));
  io.out(t.written(file));
  io.out(t.plan(tracking.plan.convention.territory, allActions(tracking.plan).length, allIndicators(tracking.plan).length));
  io.out(t.entries(tracking.statuses.length, tracking.measurements.length));
  const reading = await readTableauFile(readBytes(file), file, todayIso(now));
  io.out(t.checked(countLine(reading.issues)));
  if (reading.tracking) {
    const year = Number(tracking.statuses[0]?.quarter.slice(0, 4) ?? tracking.plan.convention.start.slice(0, 4));
    const bilan = join(dir, t.bilanFile(year));
    const report = computeReport(reading.tracking, { kind: "annual", year, today: todayIso(now) });
    writeBytes(bilan, await writeSheetFile(buildReportSheet(report, { charts: true }), now));
    io.out(t.bilanWritten(year, bilan));
    const deck = join(dir, deckFileName(report));
    writeBytes(deck, await writeDeck(report, { now }));
    io.out(t.deckWritten(deck));
    const document = join(dir, documentFileName(report));
    writeBytes(document, await writeBilanDocument(report, { now }));
    io.out(t.documentWritten(document));
  }
  return reading.issues.some((issue) => issue.severity === "error") ? EXIT_CODES.problems : EXIT_CODES.ok;
}

export async function samplePlanCommand(options: { out?: string }, io: Console): Promise<number> {
  const json = `${JSON.stringify(samplePlan(), null, 2)}\n`;
  if (options.out) {
    await guardOutputs([{ path: options.out, kind: "plan" }], []);
    writeBytes(options.out, json);
    io.out(cliLabels.samplePlan.written(options.out));
  } else {
    io.out(json.trimEnd());
  }
  return EXIT_CODES.ok;
}

export async function importCommand(options: { file?: string; out?: string; report?: string }, io: Console): Promise<number> {
  const t = cliLabels.import;
  if (!options.file || !options.out) throw new CliError(t.usage, EXIT_CODES.refused);
  await guardOutputs(
    [{ path: options.out, kind: "plan" }, ...(options.report ? [{ path: options.report, kind: "importReport" as const }] : [])],
    [options.file],
  );
  const input = await readRepertoireInput(options.file);
  let result;
  try {
    result = parseRepertoire(input.text, input.warnings);
  } catch (error) {
    if (error instanceof NotARepertoire) throw new CliError(t.notARepertoire(options.file, error.message), error.exitCode);
    throw repertoireRefusal(options.file, error);
  }
  writeBytes(options.out, `${JSON.stringify(result.plan, null, 2)}\n`);
  if (options.report) writeBytes(options.report, `${JSON.stringify({ warnings: result.warnings }, null, 2)}\n`);
  const indicators = result.plan.axes.flatMap((axis) => axis.subAxes.flatMap((sub) => sub.actions.flatMap((action) => action.indicators))).length;
  const { convention } = result.plan;
  io.out(t.written(options.out, result.actionCount, indicators, convention.territory, convention.start, convention.end));
  for (const warning of result.warnings) io.out(t.warning(warning.code, warning.section, warning.message));
  io.out(t.reviewTypes);
  return EXIT_CODES.ok;
}

/** The three files `ctg bilan --out` writes, named before the bilan is computed so that they are checked first. */
function bilanOutputs(dir: string, kind: string, year: string | undefined, cdsf: boolean): PlannedOutput[] {
  return [
    { path: join(dir, cliLabels.bilan.fileName(kind, year, cdsf)), kind: "bilanWorkbook" },
    { path: join(dir, documentLabels.fileName(kind, year ?? "", cdsf)), kind: "bilanDocument" },
    { path: join(dir, deckLabels.fileName(kind, year ?? "", cdsf)), kind: "bilanDeck" },
  ];
}

export async function bilanCommand(
  options: {
    file?: string;
    kind?: string;
    year?: string;
    until?: string;
    cdsf?: boolean;
    provisoire?: boolean;
    indicator?: string;
    json?: boolean;
    out?: string;
  },
  io: Console,
  clock: Clock,
): Promise<number> {
  const t = cliLabels.bilan;
  if (!options.file || !options.kind || !["annual", "midterm", "final"].includes(options.kind)) throw new CliError(t.usage, EXIT_CODES.refused);
  if (!options.json && !options.out) throw new CliError(t.outOrJson, EXIT_CODES.refused);
  if (options.out) await guardOutputs(bilanOutputs(options.out, options.kind, options.year, options.cdsf ?? false), [options.file]);
  const reading = await readTableauFile(readBytes(options.file), options.file, todayIso(clock.now()));
  const errors = reading.issues.filter((issue) => issue.severity === "error");
  if (!reading.tracking || errors.length > 0) {
    for (const issue of errors) io.err(describeIssue(issue));
    throw new CliError(t.hasErrors(options.file, errors.length), EXIT_CODES.problems);
  }
  const tracking = options.cdsf ? petiteEnfanceOnly(reading.tracking) : reading.tracking;
  const report = computeReport(tracking, {
    kind: options.kind as ReportKind,
    today: todayIso(clock.now()),
    ...(options.provisoire ? { provisional: true } : {}),
    ...(options.year ? { year: Number(options.year) } : {}),
    ...(options.until ? { until: options.until.toUpperCase() } : {}),
  });
  if (options.indicator !== undefined && !seriesIndicator(report, options.indicator)) {
    throw new CliError(t.unknownIndicator(options.indicator), EXIT_CODES.refused);
  }
  if (options.json) io.out(JSON.stringify(reportJson(report), null, 2));
  if (options.out) {
    const say = options.json ? io.err : io.out;
    const cdsf = options.cdsf ?? false;
    const target = join(options.out, t.fileName(report.kind, options.year, cdsf));
    const sheet = buildReportSheet(report, { cdsf, charts: true, ...(options.indicator ? { seriesIndicatorId: options.indicator } : {}) });
    writeBytes(target, await writeSheetFile(sheet, clock.now()));
    say(t.written(target));
    const deck = join(options.out, deckFileName(report, cdsf));
    writeBytes(deck, await writeDeck(report, { cdsf, now: clock.now(), ...(options.indicator ? { seriesIndicatorId: options.indicator } : {}) }));
    say(t.deckWritten(deck));
    const document = join(options.out, documentFileName(report, cdsf));
    writeBytes(document, await writeBilanDocument(report, { cdsf, now: clock.now() }));
    say(t.documentWritten(document, report.statuses.perAxis.length, report.actions.length));
    if (report.toConfirm.length > 0) say(t.toConfirm(report.toConfirm.length));
    if (report.provisional) say(t.provisional(formatFrenchDate(report.asOf)));
  }
  return EXIT_CODES.ok;
}
