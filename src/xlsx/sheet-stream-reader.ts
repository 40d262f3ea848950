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

export class UnreadableWorkbook extends Error {}

interface ZipEntry {
  method: number;
  compressedSize: number;
  size: number;
  localHeaderOffset: number;
}

const END_OF_DIRECTORY = 0x06054b50;
const CENTRAL_HEADER = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;

function readAt(fd: number, position: number, length: number): Buffer {
  const buffer = Buffer.alloc(length);
  const read = readSync(fd, buffer, 0, length, position);
  if (read < length) throw new UnreadableWorkbook("archive zip tronquée");
  return buffer;
}

function zipDirectory(path: string): Map<string, ZipEntry> {
  const fd = openSync(path, "r");
  try {
    const size = fstatSync(fd).size;
    const tailLength = Math.min(size, 22 + 0xffff);
    const tail = readAt(fd, size - tailLength, tailLength);
    let end = -1;
    for (let offset = tailLength - 22; offset >= 0; offset--) {
      if (tail.readUInt32LE(offset) === END_OF_DIRECTORY) {
        end = offset;
        break;
      }
    }
    if (end < 0) throw new UnreadableWorkbook("ce n'est pas une archive zip (fin de l'archive introuvable)");
    const count = tail.readUInt16LE(end + 10);
    const directorySize = tail.readUInt32LE(end + 12);
    const directoryOffset = tail.readUInt32LE(end + 16);
    if (count === 0xffff || directoryOffset === 0xffffffff) throw new UnreadableWorkbook("archive zip au format ZIP64, non prise en charge");
    const directory = readAt(fd, directoryOffset, directorySize);
    const entries = new Map<string, ZipEntry>();
    let offset = 0;
    for (let index = 0; index < count; index++) {
      if (directory.readUInt32LE(offset) !== CENTRAL_HEADER) throw new UnreadableWorkbook("répertoire de l'archive zip corrompu");
      const nameLength = directory.readUInt16LE(offset + 28);
      const extraLength = directory.readUInt16LE(offset + 30);
      const commentLength = directory.readUInt16LE(offset + 32);
      const name = directory.toString("utf8", offset + 46, offset + 46 + nameLength);
      const localHeaderOffset = directory.readUInt32LE(offset + 42);
      // The data starts after the local header, whose name and extra field may differ from the central one's.
      const local = readAt(fd, localHeaderOffset, 30);
      if (local.readUInt32LE(0) !== LOCAL_HEADER) throw new UnreadableWorkbook(`élément « ${name} » introuvable dans l'archive`);
      entries.set(name, {
        method: directory.readUInt16LE(offset + 10),
        compressedSize: directory.readUInt32LE(offset + 20),
        size: directory.readUInt32LE(offset + 24),
        localHeaderOffset: localHeaderOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28),
      });
      offset += 46 + nameLength + extraLength + commentLength;
    }
    return entries;
  } finally {
    closeSync(fd);
  }
}

/** An entry's text as it inflates; more bytes than the archive declares means it lies, and reading stops. */
async function* entryText(path: string, name: string, entry: ZipEntry): AsyncGenerator<string> {
  if (entry.method !== 0 && entry.method !== 8) throw new UnreadableWorkbook(`élément « ${name} » compressé d'une manière inconnue`);
  const raw = entry.compressedSize === 0 ? [] : createReadStream(path, { start: entry.localHeaderOffset, end: entry.localHeaderOffset + entry.compressedSize - 1 });
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

function sharedTexts(path: string, name: string, entry: ZipEntry): Promise<string[]> {
  return collected(
    parsedPart<string>(path, name, entry, (parser, emit) => {
      let text = "";
      let inText = false;
      // Phonetic guides (rPh) are not part of the text.
      let inPhonetic = false;
      parser.on("opentag", (tag) => {
        const tagName = local(tag);
        if (tagName === "si") text = "";
        else if (tagName === "rPh") inPhonetic = true;
        else if (tagName === "t" && !inPhonetic) inText = !tag.isSelfClosing;
      });
      parser.on("text", (value) => {
        if (inText) text += value;
      });
      parser.on("cdata", (value) => {
        if (inText) text += value;
      });
      parser.on("closetag", (tag) => {
        const tagName = local(tag);
        if (tagName === "t") inText = false;
        else if (tagName === "rPh") inPhonetic = false;
        else if (tagName === "si") emit(unescaped(text));
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
    let row: CellValue[] | undefined;
    let column = -1;
    let type = "n";
    let text = "";
    let collecting = false;
    let inPhonetic = false;
    parser.on("opentag", (tag) => {
      const tagName = local(tag);
      if (tagName === "row") row = [];
      else if (tagName === "c" && row) {
        const reference = tag.attributes.r;
        column = typeof reference === "string" ? columnIndex(reference) : column + 1;
        type = String(tag.attributes.t ?? "n");
        text = "";
      } else if (tagName === "rPh") inPhonetic = true;
      else if ((tagName === "v" || tagName === "t") && !inPhonetic) collecting = !tag.isSelfClosing;
    });
    parser.on("text", (value) => {
      if (collecting) text += value;
    });
    parser.on("cdata", (value) => {
      if (collecting) text += value;
    });
    parser.on("closetag", (tag) => {
      const tagName = local(tag);
      if (tagName === "v" || tagName === "t") collecting = false;
      else if (tagName === "rPh") inPhonetic = false;
      else if (tagName === "c" && row && column >= 0) {
        const value = cellValue(type, text, shared);
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
