/**
 * A zip archive written entry by entry to an output (a file, or memory), each entry compressed as its text comes.
 * Each entry's checksum and sizes are written back into its local header once known, so the archive needs no data
 * descriptors and every zip reader takes it. Platform-free: the output and the compressor are given (Node's zlib
 * in the command line, node-zip.ts).
 */
import { Refusal } from "../domain/refusal";
import { fileLabels } from "../labels/catalog";

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_DIRECTORY = 0x06054b50;
const VERSION = 20;
const UTF8_NAMES = 0x0800;
const DEFLATE = 8;
/** A zip without ZIP64 records stops at 4 GiB and 65 535 entries. */
const MAX_OFFSET = 0xffffffff;
const MAX_ENTRIES = 0xffff;
/** Text is compressed by slices of this size: large enough that compression barely suffers from the cuts. */
const SLICE_CHARS = 1 << 20;

/** Where the archive's bytes go; `writeAt` rewrites bytes already written (a local header's sizes). */
export interface ZipOutput {
  write(bytes: Uint8Array): void;
  writeAt(position: number, bytes: Uint8Array): void;
  close(): void;
}

/**
 * Raw deflate of slices that join into one stream: each slice ends with a sync flush (byte-aligned, not final) and
 * `finalBlock` closes the stream, so memory holds one slice whatever the entry's size.
 */
export interface SliceDeflater {
  deflate(bytes: Uint8Array): Uint8Array;
  readonly finalBlock: Uint8Array;
  crc32(bytes: Uint8Array, previous: number): number;
}

/** What a zip without ZIP64 records cannot hold; the reason is a sentence fragment. */
export class ZipTooLarge extends Refusal {}

interface WrittenEntry {
  name: Uint8Array;
  crc: number;
  compressed: number;
  size: number;
  offset: number;
}

function dosTime(date: Date): { time: number; date: number } {
  return {
    time: (date.getHours() << 11) | (date.getMinutes() << 5) | Math.floor(date.getSeconds() / 2),
    date: ((Math.max(1980, date.getFullYear()) - 1980) << 9) | ((date.getMonth() + 1) << 5) | date.getDate(),
  };
}

const encoder = new TextEncoder();

export class ZipWriter {
  private position = 0;
  private readonly entries: WrittenEntry[] = [];
  private readonly stamp: { time: number; date: number };
  private closed = false;

  constructor(
    private readonly output: ZipOutput,
    private readonly deflater: SliceDeflater,
    modified = new Date(),
  ) {
    this.stamp = dosTime(modified);
  }

  /** Adds one entry whose content is the concatenation of `parts`, compressed as it is produced. */
  async addEntry(name: string, parts: AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>): Promise<void> {
    if (this.entries.length >= MAX_ENTRIES) throw new ZipTooLarge(fileLabels.writing.tooManyEntries);
    const entry: WrittenEntry = { name: encoder.encode(name), crc: 0, compressed: 0, size: 0, offset: this.position };
    this.write(this.header(LOCAL_HEADER, entry));
    const dataStart = this.position;
    let pending: (string | Uint8Array)[] = [];
    let pendingSize = 0;
    const flush = () => {
      if (pendingSize === 0) return;
      const bytes = joined(pending);
      entry.crc = this.deflater.crc32(bytes, entry.crc);
      entry.size += bytes.length;
      this.write(this.deflater.deflate(bytes));
      pending = [];
      pendingSize = 0;
    };
    for await (const part of parts) {
      pending.push(part);
      pendingSize += part.length;
      if (pendingSize >= SLICE_CHARS) flush();
    }
    flush();
    this.write(this.deflater.finalBlock);
    entry.compressed = this.position - dataStart;
    if (entry.size > MAX_OFFSET) throw new ZipTooLarge(fileLabels.writing.entryOver4GB(name));
    // The checksum and sizes are only known now: they go back into the local header written before the data.
    const sizes = new Uint8Array(12);
    const view = new DataView(sizes.buffer);
    view.setUint32(0, entry.crc >>> 0, true);
    view.setUint32(4, entry.compressed, true);
    view.setUint32(8, entry.size, true);
    this.output.writeAt(entry.offset + 14, sizes);
    this.entries.push(entry);
  }

  /** Writes the central directory and closes the output. */
  finish(): void {
    const directoryStart = this.position;
    for (const entry of this.entries) this.write(this.header(CENTRAL_HEADER, entry));
    const end = new Uint8Array(22);
    const view = new DataView(end.buffer);
    view.setUint32(0, END_OF_DIRECTORY, true);
    view.setUint16(8, this.entries.length, true);
    view.setUint16(10, this.entries.length, true);
    view.setUint32(12, this.position - directoryStart, true);
    view.setUint32(16, directoryStart, true);
    this.write(end);
    this.closed = true;
    this.output.close();
  }

  /** Closes the output without finishing the archive (after a failure; the caller removes what was written). */
  abandon(): void {
    if (this.closed) return;
    this.closed = true;
    this.output.close();
  }

  private write(bytes: Uint8Array): void {
    if (this.position + bytes.length > MAX_OFFSET) throw new ZipTooLarge(fileLabels.writing.archiveOver4GB);
    this.output.write(bytes);
    this.position += bytes.length;
  }

  /** A local header (before the data, with sizes filled in afterwards) or a central directory record. */
  private header(signature: number, entry: WrittenEntry): Uint8Array {
    const central = signature === CENTRAL_HEADER;
    const fixed = central ? 46 : 30;
    const header = new Uint8Array(fixed + entry.name.length);
    const view = new DataView(header.buffer);
    view.setUint32(0, signature, true);
    // The fields both records share, from "version needed" on (26 bytes), come 2 bytes later in a central record.
    let at = 4;
    if (central) {
      view.setUint16(at, VERSION, true);
      at += 2;
    }
    view.setUint16(at, VERSION, true);
    view.setUint16(at + 2, UTF8_NAMES, true);
    view.setUint16(at + 4, DEFLATE, true);
    view.setUint16(at + 6, this.stamp.time, true);
    view.setUint16(at + 8, this.stamp.date, true);
    view.setUint32(at + 10, entry.crc >>> 0, true);
    view.setUint32(at + 14, entry.compressed, true);
    view.setUint32(at + 18, entry.size, true);
    view.setUint16(at + 22, entry.name.length, true);
    if (central) view.setUint32(42, entry.offset, true);
    header.set(entry.name, fixed);
    return header;
  }
}

function joined(parts: readonly (string | Uint8Array)[]): Uint8Array {
  if (parts.every((part) => typeof part === "string")) return encoder.encode((parts as string[]).join(""));
  const pieces = parts.map((part) => (typeof part === "string" ? encoder.encode(part) : part));
  const bytes = new Uint8Array(pieces.reduce((sum, piece) => sum + piece.length, 0));
  let at = 0;
  for (const piece of pieces) {
    bytes.set(piece, at);
    at += piece.length;
  }
  return bytes;
}

/** An archive built in memory (a tableau or a bilan: a few hundred kilobytes). */
export class MemoryOutput implements ZipOutput {
  private readonly chunks: Uint8Array[] = [];
  private readonly starts: number[] = [];
  private length = 0;

  write(bytes: Uint8Array): void {
    this.starts.push(this.length);
    this.chunks.push(bytes);
    this.length += bytes.length;
  }

  /** Rewrites bytes inside one chunk written earlier (a local header is written as one chunk). */
  writeAt(position: number, bytes: Uint8Array): void {
    let index = this.starts.length - 1;
    while (index > 0 && this.starts[index] > position) index--;
    this.chunks[index].set(bytes, position - this.starts[index]);
  }

  close(): void {}

  bytes(): Uint8Array {
    const all = new Uint8Array(this.length);
    this.chunks.forEach((chunk, index) => all.set(chunk, this.starts[index]));
    return all;
  }
}
