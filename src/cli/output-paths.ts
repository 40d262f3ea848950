/**
 * No command writes over what it did not create. Before any work, every output a command is about to write is
 * checked against its inputs (the same file under another name, a link, a hard link included) and against what
 * already lies at its path: a file the same command writes (a plan over a plan, a bilan over a bilan) may be
 * replaced; a tableau, a consolidation or any other file is refused in French, saying what it is.
 */
import { readFileSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { EXIT_CODES } from "../domain/refusal";
import { bilanLabels, cliLabels, collectionLabels, deckLabels, documentLabels, fileLabels } from "../labels/catalog";
import { samplePlan } from "../samples/sample-plan";
import { CONSOLIDATION_SHEETS } from "../workbook/build-consolidation";
import { COLLECTION_KEYS } from "../workbook/collection-workbook";
import { META_KEYS, SHEETS } from "../workbook/layout";
import { readXlsx } from "../xlsx/xlsx-reader";
import { ZipArchive, bytesSource } from "../xlsx/zip-archive";
import { CliError } from "./io";

const t = cliLabels.output;

export type OutputKind = keyof typeof t.kinds;

export interface PlannedOutput {
  path: string;
  kind: OutputKind;
}

/** JSON outputs are small: a larger file at their path is not one of them, and is not read whole to find out. */
const MAX_JSON_BYTES = 20 * 1024 * 1024;

/** The same file whatever its name: device and inode when it exists, else its absolute path. */
function identityOf(path: string): string {
  try {
    const stat = statSync(path);
    return `${stat.dev}:${stat.ino}`;
  } catch {
    return resolve(path);
  }
}

/** Whether two paths name one file (a link or another spelling of the same path included). */
export function sameFile(a: string, b: string): boolean {
  return identityOf(a) === identityOf(b);
}

type Found = { kind?: OutputKind; said: string };

function jsonKind(path: string, size: number): Found {
  if (size > MAX_JSON_BYTES) return { said: t.found.other };
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(path, "utf8"));
  } catch {
    return { said: t.found.other };
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) return { said: t.found.json };
  const record = value as Record<string, unknown>;
  if (typeof record.convention === "object" && record.convention !== null && Array.isArray(record.axes)) return { kind: "plan", said: t.found.json };
  if (Array.isArray(record.files) && typeof record.mergedAt === "string") return { kind: "mergeReport", said: t.found.json };
  if (Array.isArray(record.files)) return { kind: "consolidationReport", said: t.found.json };
  if (Array.isArray(record.warnings)) return { kind: "importReport", said: t.found.json };
  return { said: t.found.json };
}

async function entryText(archive: ZipArchive, name: string): Promise<string> {
  const part = archive.find(name);
  if (!part) return "";
  let text = "";
  for await (const chunk of archive.text(part)) text += chunk;
  return text;
}

/** What an Office file is: a tableau, a consolidation, or one of the files `ctg bilan` writes (by its properties). */
async function officeKind(path: string): Promise<Found> {
  let archive: ZipArchive;
  const bytes = new Uint8Array(readFileSync(path));
  try {
    archive = await ZipArchive.open(bytesSource(bytes));
  } catch {
    return { said: t.found.other };
  }
  const core = await entryText(archive, "docProps/core.xml").catch(() => "");
  const creator = /<dc:creator>([^<]*)<\/dc:creator>/.exec(core)?.[1];
  if (archive.find("xl/workbook.xml")) {
    const content = await readXlsx(bytesSource(bytes), [SHEETS.meta, collectionLabels.names.meta]).catch(() => undefined);
    if (!content) return { said: t.found.other };
    const names = content.sheets.map((sheet) => sheet.name);
    if (names.includes(SHEETS.meta)) {
      const grid = content.read.get(SHEETS.meta)?.grid ?? [];
      const value = (key: string) => String(grid.find((row) => row[0] === key)?.[1] ?? "");
      const sample = samplePlan().convention;
      // The demo's own tableau is the sample plan's: a tableau of any other territory or period is someone's work.
      const demo = value(META_KEYS.territory) === sample.territory && value(META_KEYS.start) === sample.start && value(META_KEYS.end) === sample.end;
      return { ...(demo ? { kind: "demoTableau" as const } : {}), said: t.found.tableau(value(META_KEYS.territory)) };
    }
    if (names.includes(collectionLabels.names.meta)) return collectionFileKind(content.read.get(collectionLabels.names.meta)?.grid ?? [], core);
    if (names.includes(CONSOLIDATION_SHEETS.meta)) return { kind: "consolidation", said: t.found.consolidation };
    if (creator === fileLabels.workbook.creator && names.length > 0 && names.every((name) => name.startsWith(bilanSheetPrefix)))
      return { kind: "bilanWorkbook", said: t.found.otherCtg };
    return { said: creator === fileLabels.workbook.creator ? t.found.otherCtg : t.found.office };
  }
  if (archive.find("word/document.xml"))
    return creator === documentLabels.properties.creator ? { kind: "bilanDocument", said: t.found.otherCtg } : { said: t.found.office };
  if (archive.find("ppt/presentation.xml"))
    return creator === deckLabels.properties.author ? { kind: "bilanDeck", said: t.found.otherCtg } : { said: t.found.office };
  return { said: t.found.other };
}

/**
 * A collection file as `ctg collect` left it may be prepared again; once someone saved it (a partner filled it,
 * most likely), its modification date is no longer its preparation's and it is refused: a return is never replaced.
 */
function collectionFileKind(grid: readonly (readonly unknown[])[], core: string): Found {
  const preparedAt = String(grid.find((row) => row[0] === COLLECTION_KEYS.preparedAt)?.[1] ?? "");
  const modified = /<dcterms:modified[^>]*>([^<]*)<\/dcterms:modified>/.exec(core)?.[1] ?? "";
  const untouched = preparedAt !== "" && Math.abs(Date.parse(modified) - Date.parse(preparedAt)) < 2000;
  return untouched ? { kind: "collection", said: t.found.collection } : { said: t.found.filledCollection };
}

/** Every bilan sheet's name starts as a point d'étape's does (« Bilan 2026 », « Bilan final CDSF »). */
const bilanSheetPrefix = bilanLabels.sheet.annualSheetName("").trim();

async function foundAt(path: string): Promise<Found | undefined> {
  let size: number;
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) return { said: t.found.folder };
    size = stat.size;
  } catch {
    return undefined;
  }
  const head = readFileSync(path).subarray(0, 2);
  return head[0] === 0x50 && head[1] === 0x4b ? officeKind(path) : jsonKind(path, size);
}

/** Refuses, in French and before any work, an output that is an input, given twice, or would replace another kind of file. */
export async function guardOutputs(outputs: readonly PlannedOutput[], inputs: readonly string[]): Promise<void> {
  const inputIds = new Set(inputs.map(identityOf));
  const seen = new Set<string>();
  for (const output of outputs) {
    const id = identityOf(output.path);
    if (inputIds.has(id)) throw new CliError(t.isInput(output.path), EXIT_CODES.refused);
    if (seen.has(id)) throw new CliError(t.sameOutput(output.path), EXIT_CODES.refused);
    seen.add(id);
    const found = await foundAt(output.path);
    if (found && found.kind !== output.kind) throw new CliError(t.wouldReplace(output.path, t.kinds[output.kind], found.said), EXIT_CODES.refused);
  }
}
