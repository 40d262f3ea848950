/**
 * Node only: every row of every sheet of an .xlsx file, read as a stream with bounded memory, whatever order the
 * package's parts come in. Used to read back a consolidation before adding territories to it, whether this
 * program wrote it or Excel or LibreOffice saved it since. The zip's central directory gives each part's place,
 * so the workbook and its shared texts are read first and each sheet is then inflated and parsed as it streams.
 * (ExcelJS's streaming reader depends on the parts' order and lost the shared texts of some files.)
 */
import { closeSync, createReadStream, fstatSync, openSync, readSync } from "node:fs";
import { posix } from "node:path";
import { createInflateRaw } from "node:zlib";
import { SaxesParser, type SaxesTagPlain } from "saxes";
import type { CellValue } from "../workbook/sheet-plan";
import { directoryRecord, findEndOfDirectory, localDataStart } from "./zip-guard";

export class UnreadableWorkbook extends Error {}

interface ZipEntry {
  method: number;
  compressedSize: number;
  size: number;
  dataOffset: number;
}

function readAt(fd: number, position: number, length: number): Buffer {
  const buffer = Buffer.alloc(length);
  const read = readSync(fd, buffer, 0, length, position);
  if (read < length) throw new UnreadableWorkbook("archive zip tronquée");
  return buffer;
}

/** The archive's entries by name, from its central directory: only the file's tail and directory are read. */
function zipDirectory(path: string): Map<string, ZipEntry> {
  const fd = openSync(path, "r");
  try {
    const size = fstatSync(fd).size;
    const tailLength = Math.min(size, 22 + 0xffff);
    const endRecord = findEndOfDirectory(readAt(fd, size - tailLength, tailLength));
    if (!endRecord) throw new UnreadableWorkbook("ce n'est pas une archive zip (fin de l'archive introuvable)");
    const { count, directorySize, directoryOffset } = endRecord;
    if (count === 0xffff || directoryOffset === 0xffffffff) throw new UnreadableWorkbook("archive zip au format ZIP64, non prise en charge");
    const directory = readAt(fd, directoryOffset, directorySize);
    const entries = new Map<string, ZipEntry>();
    let offset = 0;
    for (let index = 0; index < count; index++) {
      const record = directoryRecord(directory, offset);
      if (!record) throw new UnreadableWorkbook("répertoire de l'archive zip corrompu");
      const dataStart = localDataStart(readAt(fd, record.localHeaderOffset, 30), 0);
      if (dataStart === undefined) throw new UnreadableWorkbook(`élément « ${record.name} » introuvable dans l'archive`);
      entries.set(record.name, { method: record.method, compressedSize: record.compressedSize, size: record.uncompressedSize, dataOffset: record.localHeaderOffset + dataStart });
      offset += record.length;
    }
    return entries;
  } finally {
    closeSync(fd);
  }
}

/** An entry's text as it inflates; more bytes than the archive declares means it lies, and reading stops. */
async function* entryText(path: string, name: string, entry: ZipEntry): AsyncGenerator<string> {
  if (entry.method !== 0 && entry.method !== 8) throw new UnreadableWorkbook(`élément « ${name} » compressé d'une manière inconnue`);
  const raw = entry.compressedSize === 0 ? [] : createReadStream(path, { start: entry.dataOffset, end: entry.dataOffset + entry.compressedSize - 1 });
  const bytes = entry.method === 8 && entry.compressedSize > 0 ? (raw as NodeJS.ReadableStream).pipe(createInflateRaw()) : raw;
  const decoder = new TextDecoder("utf-8");
  let total = 0;
  for await (const chunk of bytes as AsyncIterable<Buffer>) {
    total += chunk.length;
    if (total > entry.size) throw new UnreadableWorkbook(`élément « ${name} » plus grand que sa taille déclarée`);
    yield decoder.decode(chunk, { stream: true });
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}

/** Items an XML part's parse gives, yielded after each chunk so that only one chunk's worth is ever held. */
async function* parsedPart<T>(path: string, name: string, entry: ZipEntry, listen: (parser: SaxesParser, emit: (item: T) => void) => void): AsyncGenerator<T> {
  const parser = new SaxesParser();
  const ready: T[] = [];
  listen(parser, (item) => ready.push(item));
  try {
    for await (const chunk of entryText(path, name, entry)) {
      parser.write(chunk);
      yield* ready.splice(0);
    }
    parser.close();
  } catch (error) {
    if (error instanceof UnreadableWorkbook) throw error;
    throw new UnreadableWorkbook(`élément « ${name} » illisible (${error instanceof Error ? error.message.split("\n")[0] : String(error)})`);
  }
  yield* ready.splice(0);
}

/** Tag names without a namespace prefix: some writers use `x:row`. */
function local(tag: SaxesTagPlain): string {
  const colon = tag.name.indexOf(":");
  return colon < 0 ? tag.name : tag.name.slice(colon + 1);
}

/** Excel writes characters XML cannot hold as `_xHHHH_`. */
function unescaped(text: string): string {
  return text.includes("_x") ? text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : text;
}

async function collected<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}

function relationships(path: string, entries: Map<string, ZipEntry>, part: string): Promise<{ id: string; type: string; target: string }[]> {
  const name = posix.join(posix.dirname(part), "_rels", `${posix.basename(part)}.rels`);
  const entry = entries.get(name);
  if (!entry) return Promise.resolve([]);
  return collected(
    parsedPart<{ id: string; type: string; target: string }>(path, name, entry, (parser, emit) =>
      parser.on("opentag", (tag) => {
        if (local(tag) === "Relationship") emit({ id: String(tag.attributes.Id ?? ""), type: String(tag.attributes.Type ?? ""), target: String(tag.attributes.Target ?? "") });
      }),
    ),
  );
}

function partName(from: string, target: string): string {
  return target.startsWith("/") ? target.slice(1) : posix.normalize(posix.join(posix.dirname(from), target));
}

/**
 * The text inside the given elements (a run's `t`, a cell's `v`), phonetic guides (rPh) left out, gathered until
 * taken. A parser has one handler per event: its tag handlers pass each tag on to `opened` and `closed`.
 */
class GatheredText {
  private text = "";
  private inside = false;
  private inPhonetic = false;

  constructor(
    parser: SaxesParser,
    private readonly elements: ReadonlySet<string>,
  ) {
    const add = (value: string) => {
      if (this.inside) this.text += value;
    };
    parser.on("text", add);
    parser.on("cdata", add);
  }

  opened(tag: SaxesTagPlain): void {
    const tagName = local(tag);
    if (tagName === "rPh") this.inPhonetic = true;
    else if (this.elements.has(tagName) && !this.inPhonetic) this.inside = !tag.isSelfClosing;
  }

  closed(tag: SaxesTagPlain): void {
    const tagName = local(tag);
    if (tagName === "rPh") this.inPhonetic = false;
    else if (this.elements.has(tagName)) this.inside = false;
  }

  take(): string {
    const text = this.text;
    this.text = "";
    return text;
  }
}

function sharedTexts(path: string, name: string, entry: ZipEntry): Promise<string[]> {
  return collected(
    parsedPart<string>(path, name, entry, (parser, emit) => {
      const gathered = new GatheredText(parser, new Set(["t"]));
      parser.on("opentag", (tag) => {
        gathered.opened(tag);
        if (local(tag) === "si") gathered.take();
      });
      parser.on("closetag", (tag) => {
        gathered.closed(tag);
        if (local(tag) === "si") emit(unescaped(gathered.take()));
      });
    }),
  );
}

function columnIndex(reference: string): number {
  let index = 0;
  for (const character of reference) {
    const code = character.charCodeAt(0);
    if (code < 65 || code > 90) break;
    index = index * 26 + (code - 64);
  }
  return index - 1;
}

function sheetRows(path: string, name: string, entry: ZipEntry, shared: readonly string[]): AsyncGenerator<CellValue[]> {
  return parsedPart<CellValue[]>(path, name, entry, (parser, emit) => {
    const gathered = new GatheredText(parser, new Set(["v", "t"]));
    let row: CellValue[] | undefined;
    let column = -1;
    let type = "n";
    parser.on("opentag", (tag) => {
      gathered.opened(tag);
      const tagName = local(tag);
      if (tagName === "row") row = [];
      else if (tagName === "c" && row) {
        const reference = tag.attributes.r;
        column = typeof reference === "string" ? columnIndex(reference) : column + 1;
        type = String(tag.attributes.t ?? "n");
        gathered.take();
      }
    });
    parser.on("closetag", (tag) => {
      gathered.closed(tag);
      const tagName = local(tag);
      if (tagName === "c" && row && column >= 0) {
        const value = cellValue(type, gathered.take(), shared);
        if (value !== null) {
          while (row.length < column) row.push(null);
          row[column] = value;
        }
      } else if (tagName === "row" && row) {
        emit(row);
        row = undefined;
        column = -1;
      }
    });
  });
}

function cellValue(type: string, text: string, shared: readonly string[]): CellValue {
  if (type === "s") return text === "" ? null : (shared[Number(text)] ?? null);
  if (type === "inlineStr" || type === "str") return text === "" ? null : unescaped(text);
  if (type === "b") return text === "" ? null : text === "1" || text === "true";
  // An error (#N/A…) or an ISO date is shown as it is written; the consolidation's cells hold neither.
  if (type === "e" || type === "d") return text || null;
  if (text === "") return null;
  const number = Number(text);
  return Number.isFinite(number) ? number : text;
}

/** Every row (header included) of every sheet, in workbook order, with the sheet's name and position. */
export async function* readSheetRows(path: string): AsyncGenerator<{ sheet: string; position: number; values: CellValue[] }> {
  const entries = zipDirectory(path);
  const rootRelationships = await relationships(path, entries, "");
  const workbookPart = partName("", rootRelationships.find((relation) => relation.type.endsWith("/officeDocument"))?.target ?? "xl/workbook.xml");
  const workbookEntry = entries.get(workbookPart);
  if (!workbookEntry) throw new UnreadableWorkbook("ce n'est pas un classeur Excel (partie « workbook.xml » absente)");
  const sheets = await collected(
    parsedPart<{ name: string; id: string }>(path, workbookPart, workbookEntry, (parser, emit) =>
      parser.on("opentag", (tag) => {
        if (local(tag) === "sheet") emit({ name: String(tag.attributes.name ?? ""), id: String(tag.attributes["r:id"] ?? "") });
      }),
    ),
  );
  const workbookRelationships = await relationships(path, entries, workbookPart);
  const sharedPart = workbookRelationships.find((relation) => relation.type.endsWith("/sharedStrings"));
  const sharedName = sharedPart ? partName(workbookPart, sharedPart.target) : undefined;
  const sharedEntry = sharedName ? entries.get(sharedName) : undefined;
  const shared = sharedName && sharedEntry ? await sharedTexts(path, sharedName, sharedEntry) : [];
  for (const [position, sheet] of sheets.entries()) {
    const relation = workbookRelationships.find((candidate) => candidate.id === sheet.id);
    const name = relation ? partName(workbookPart, relation.target) : undefined;
    const entry = name ? entries.get(name) : undefined;
    if (!name || !entry) throw new UnreadableWorkbook(`feuille « ${sheet.name} » introuvable dans l'archive`);
    for await (const values of sheetRows(path, name, entry, shared)) yield { sheet: sheet.name, position, values };
  }
}
