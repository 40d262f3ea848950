/** The `ctg` commands: each takes parsed options and returns an exit code, printing through `out`/`err`. */
import { join } from "node:path";
import { todayIso } from "../domain/dates";
import { type Plan, readPlanJson } from "../domain/plan";
import { allActions, allIndicators } from "../domain/plan";
import { demoTracking } from "../samples/demo-entries";
import { samplePlan } from "../samples/sample-plan";
import { SetupRefused } from "../workbook/setup";
import { WorkbookFileError } from "../xlsx/file";
import { readTableauFile, writeSheetFile, writeTableauFile, writeTrackingFile } from "../xlsx/tableau-file";
import { countLine, describeIssue } from "./format-issues";
import { CliError, fileExists, readBytes, readText, writeBackup, writeBytes } from "./io";
import { NotARepertoire, parseRepertoire } from "../import/parse-repertoire";
import { DocxUnreadable, docxText } from "../import/docx";
import { decodeText } from "../import/text-encoding";
import { ReportRequestError, computeReport, petiteEnfanceOnly, reportJson, type ReportKind } from "../domain/report";
import { buildReportSheet, seriesIndicator } from "../workbook/build-report";
import { deckFileName, writeDeck } from "../report/deck";

export interface Console {
  out(line: string): void;
  err(line: string): void;
}

export interface Clock {
  now(): Date;
}

function loadPlan(file: string): Plan {
  const reading = readPlanJson(readText(file));
  if (!reading.ok) {
    const lines = reading.issues.map((issue) => `  ${issue.path} : ${issue.message}`).join("\n");
    throw new CliError(`Le plan « ${file} » n'est pas valide :\n${lines}`, 1);
  }
  return reading.plan;
}

export async function initCommand(options: { plan?: string; out?: string; update?: boolean }, io: Console, clock: Clock): Promise<number> {
  if (!options.plan || !options.out) throw new CliError("Usage : ctg init --plan PLAN.json --out FICHIER.xlsx [--update]", 2);
  const plan = loadPlan(options.plan);
  const now = clock.now();
  const existing = options.update ? { bytes: readBytes(options.out), fileName: options.out } : undefined;
  if (!options.update && fileExists(options.out)) {
    throw new CliError(`« ${options.out} » existe déjà. Ajoutez --update pour mettre à jour sa structure en gardant les saisies, ou choisissez un autre fichier.`, 2);
  }
  try {
    const written = await writeTableauFile(plan, { now: now.toISOString(), today: todayIso(now), ...(existing ? { existing } : {}) });
    const backup = existing ? writeBackup(options.out, existing.bytes, now) : undefined;
    writeBytes(options.out, written.bytes);
    io.out(`Tableau de suivi écrit : ${options.out} (${allActions(plan).length} fiches actions, ${allIndicators(plan).length} indicateurs).`);
    if (existing) {
      io.out(`Saisies conservées : ${written.tracking.statuses.length} suivis de fiche, ${written.tracking.measurements.length} valeurs d'indicateur. Copie de l'ancien fichier : ${backup}`);
      for (const move of written.moved) io.out(`Colonne ajoutée conservée : ${move}.`);
      if (written.newlyArchived.length > 0) {
        io.out(`${written.newlyArchived.length} saisie(s) d'une fiche, d'un indicateur ou d'un trimestre retirés du plan ont été déplacées dans la feuille « Archives ».`);
      }
    }
    return 0;
  } catch (error) {
    if (error instanceof SetupRefused) throw new CliError(error.message, error.exitCode);
    if (error instanceof WorkbookFileError) throw new CliError(error.message, 2);
    throw error;
  }
}

export async function checkCommand(options: { file?: string; json?: boolean }, io: Console, clock: Clock): Promise<number> {
  if (!options.file) throw new CliError("Usage : ctg check FICHIER.xlsx [--json]", 2);
  const bytes = readBytes(options.file);
  let reading;
  try {
    reading = await readTableauFile(bytes, options.file, todayIso(clock.now()));
  } catch (error) {
    if (error instanceof WorkbookFileError) throw new CliError(error.message, 2);
    throw error;
  }
  const ok = !reading.issues.some((issue) => issue.severity === "error");
  if (options.json) {
    io.out(JSON.stringify({ ok, issues: reading.issues.map(({ sheet, cell, severity, message }) => ({ sheet, cell, severity, message })) }, null, 2));
  } else {
    for (const issue of reading.issues) io.out(describeIssue(issue));
    const territory = reading.tracking?.plan.convention.territory;
    io.out(`${options.file}${territory ? ` (${territory})` : ""} : ${ok ? "tableau valide" : "tableau à corriger"} — ${countLine(reading.issues)}.`);
  }
  return ok ? 0 : 1;
}

export async function demoCommand(options: { out?: string }, io: Console, clock: Clock): Promise<number> {
  const dir = options.out ?? "demo";
  const file = join(dir, "suivi-ctg-demo.xlsx");
  const now = clock.now();
  const tracking = demoTracking(samplePlan());
  writeBytes(file, await writeTrackingFile(tracking, now.toISOString()));
  io.out(`Démonstration écrite : ${file}`);
  io.out(`  ${tracking.plan.convention.territory}, ${allActions(tracking.plan).length} fiches actions, ${allIndicators(tracking.plan).length} indicateurs.`);
  io.out(`  Saisies : ${tracking.statuses.length} suivis de fiche et ${tracking.measurements.length} valeurs d'indicateur sur 2 trimestres (le premier est verrouillé).`);
  const reading = await readTableauFile(readBytes(file), file, todayIso(now));
  io.out(`  Vérification : ${countLine(reading.issues)}.`);
  if (reading.tracking) {
    const year = Number(tracking.statuses[0]?.quarter.slice(0, 4) ?? tracking.plan.convention.start.slice(0, 4));
    const bilan = join(dir, `bilan-annuel-${year}.xlsx`);
    const report = computeReport(reading.tracking, { kind: "annual", year });
    writeBytes(bilan, await writeSheetFile(buildReportSheet(report)));
    io.out(`Point d'étape ${year} de la démonstration écrit : ${bilan}`);
    const deck = join(dir, deckFileName(report));
    writeBytes(deck, await writeDeck(report, { now }));
    io.out(`Présentation COPIL de la démonstration écrite : ${deck}`);
  }
  return reading.issues.some((issue) => issue.severity === "error") ? 1 : 0;
}

export async function samplePlanCommand(options: { out?: string }, io: Console): Promise<number> {
  const json = `${JSON.stringify(samplePlan(), null, 2)}\n`;
  if (options.out) {
    writeBytes(options.out, json);
    io.out(`Plan d'exemple écrit : ${options.out}`);
  } else {
    io.out(json.trimEnd());
  }
  return 0;
}

export async function importCommand(options: { file?: string; out?: string; report?: string }, io: Console): Promise<number> {
  if (!options.file || !options.out) throw new CliError("Usage : ctg import REPERTOIRE.(txt|docx) --out PLAN.json [--report RAPPORT.json]", 2);
  const text = await repertoireText(options.file);
  let result;
  try {
    result = parseRepertoire(text);
  } catch (error) {
    if (error instanceof NotARepertoire) throw new CliError(`« ${options.file} » : ${error.message}.`, 2);
    throw error;
  }
  writeBytes(options.out, `${JSON.stringify(result.plan, null, 2)}\n`);
  if (options.report) writeBytes(options.report, `${JSON.stringify({ warnings: result.warnings }, null, 2)}\n`);
  const indicators = result.plan.axes.flatMap((axis) => axis.subAxes.flatMap((sub) => sub.actions.flatMap((action) => action.indicators))).length;
  io.out(`Plan écrit : ${options.out} (${result.actionCount} fiches actions, ${indicators} indicateurs, territoire : ${result.plan.convention.territory}, du ${result.plan.convention.start} au ${result.plan.convention.end}).`);
  for (const warning of result.warnings) io.out(`  ${warning.code ? `${warning.code} — ` : ""}${warning.section} : ${warning.message}`);
  io.out("Vérifiez les types d'indicateurs proposés (nombre, taux, montant, oui-non, echelle, texte) avant de créer le tableau avec « ctg init ».");
  return 0;
}

async function repertoireText(file: string): Promise<string> {
  const bytes = readBytes(file);
  if (/\.docx$/i.test(file)) {
    try {
      return await docxText(bytes, file);
    } catch (error) {
      if (error instanceof DocxUnreadable) throw new CliError(`${error.message}.`, 2);
      throw error;
    }
  }
  const { text } = decodeText(bytes);
  if (text.includes("\u0000")) throw new CliError(`« ${file} » n'est pas un fichier texte : enregistrez le répertoire au format .txt.`, 2);
  return text;
}

export async function bilanCommand(
  options: { file?: string; kind?: string; year?: string; until?: string; cdsf?: boolean; indicator?: string; json?: boolean; out?: string },
  io: Console,
  clock: Clock,
): Promise<number> {
  const usage = "Usage : ctg bilan FICHIER.xlsx --kind annual --year 2026 | --kind midterm [--until 2028-T4] | --kind final [--cdsf] [--indicator ID] (--out DOSSIER | --json)";
  if (!options.file || !options.kind || !["annual", "midterm", "final"].includes(options.kind)) throw new CliError(usage, 2);
  if (!options.json && !options.out) throw new CliError(`Indiquez --out DOSSIER pour écrire le classeur du bilan, ou --json pour l'afficher.\n${usage}`, 2);
  let reading;
  try {
    reading = await readTableauFile(readBytes(options.file), options.file, todayIso(clock.now()));
  } catch (error) {
    if (error instanceof WorkbookFileError) throw new CliError(error.message, 2);
    throw error;
  }
  const errors = reading.issues.filter((issue) => issue.severity === "error");
  if (!reading.tracking || errors.length > 0) {
    for (const issue of errors) io.err(describeIssue(issue));
    throw new CliError(`« ${options.file} » contient ${errors.length} erreur(s) : corrigez-les (ctg check) avant le bilan, qui sinon laisserait de côté les saisies erronées.`, 1);
  }
  const tracking = options.cdsf ? petiteEnfanceOnly(reading.tracking) : reading.tracking;
  try {
    const report = computeReport(tracking, { kind: options.kind as ReportKind, ...(options.year ? { year: Number(options.year) } : {}), ...(options.until ? { until: options.until.toUpperCase() } : {}) });
    if (options.indicator !== undefined && !seriesIndicator(report, options.indicator)) {
      throw new CliError(`Indicateur « ${options.indicator} » inconnu ou sans valeur numérique sur la période : choisissez un identifiant de la colonne « Identifiant » de la feuille « Saisies ».`, 2);
    }
    if (options.json) io.out(JSON.stringify(reportJson(report), null, 2));
    if (options.out) {
      const say = options.json ? io.err : io.out;
      const cdsf = options.cdsf ?? false;
      const name = `bilan-${report.kind === "annual" ? `annuel-${options.year}` : report.kind === "midterm" ? "intermediaire" : "final"}${cdsf ? "-cdsf" : ""}.xlsx`;
      const target = join(options.out, name);
      writeBytes(target, await writeSheetFile(buildReportSheet(report, { cdsf })));
      say(`Bilan écrit : ${target} (tableaux ; les graphiques natifs sont créés par le complément dans Excel).`);
      const deck = join(options.out, deckFileName(report, cdsf));
      writeBytes(deck, await writeDeck(report, { cdsf, now: clock.now(), ...(options.indicator ? { seriesIndicatorId: options.indicator } : {}) }));
      say(`Présentation COPIL écrite : ${deck}`);
    }
    return 0;
  } catch (error) {
    if (error instanceof ReportRequestError) throw new CliError(error.message, error.exitCode);
    throw error;
  }
}
