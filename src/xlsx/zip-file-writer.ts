/**
 * Node only: a zip archive written entry by entry straight to a file, for workbooks too large to build in memory.
 * Each entry's text is deflated in slices as it comes; its checksum and sizes are written back into its local
 * header once known (the file is seekable), so the archive needs no data descriptors and every zip reader takes it.
 */
import { closeSync, openSync, writeSync } from "node:fs";
import { constants, crc32, deflateRawSync } from "node:zlib";
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
/** Text is deflated by slices of this size: large enough that compression barely suffers from the cuts. */
const SLICE_CHARS = 1 << 20;
/** Fastest compression: a consolidation is written once per batch, and Excel compresses it again when saving it. */
const DEFLATE_LEVEL = 1;
/** A deflate stream ends with a last block; this is an empty one with fixed codes. */
const FINAL_EMPTY_BLOCK = Buffer.from([0x03, 0x00]);

interface WrittenEntry {
  name: Buffer;
  crc: number;
  compressed: number;
  size: number;
  offset: number;
  time: number;
  date: number;
}

/** What a zip without ZIP64 records cannot hold; the reason is a sentence fragment. */
export class ZipTooLarge extends Refusal {}

function dosTime(date: Date): { time: number; date: number } {
  return {
    time: (date.getHours() << 11) | (date.getMinutes() << 5) | Math.floor(date.getSeconds() / 2),
    date: ((Math.max(1980, date.getFullYear()) - 1980) << 9) | ((date.getMonth() + 1) << 5) | date.getDate(),
  };
}

/** The fields a local header and a central record share, in the same order (26 bytes from "version needed"). */
function writeSharedFields(entry: WrittenEntry, header: Buffer, at: number): void {
  header.writeUInt16LE(VERSION, at);
  header.writeUInt16LE(UTF8_NAMES, at + 2);
  header.writeUInt16LE(DEFLATE, at + 4);
  header.writeUInt16LE(entry.time, at + 6);
  header.writeUInt16LE(entry.date, at + 8);
  header.writeUInt32LE(entry.crc >>> 0, at + 10);
  header.writeUInt32LE(entry.compressed, at + 14);
  header.writeUInt32LE(entry.size, at + 18);
  header.writeUInt16LE(entry.name.length, at + 22);
}

export class ZipFileWriter {
  private readonly fd: number;
  private position = 0;
  private readonly entries: WrittenEntry[] = [];
  private readonly stamp: { time: number; date: number };
  private closed = false;

  constructor(path: string, modified = new Date()) {
    this.fd = openSync(path, "w");
    this.stamp = dosTime(modified);
  }

  /**
   * Adds one entry whose content is the concatenation of `parts`, compressed as it is produced. Each slice is
   * deflated on its own and ended with a sync flush (byte-aligned, not final), so the slices join into one valid
   * deflate stream closed by a final empty block: memory holds one slice whatever the entry's size.
   */
  async addEntry(name: string, parts: AsyncIterable<string> | Iterable<string>): Promise<void> {
    if (this.entries.length >= MAX_ENTRIES) throw new ZipTooLarge(fileLabels.writing.tooManyEntries);
    const entry: WrittenEntry = { name: Buffer.from(name, "utf8"), crc: 0, compressed: 0, size: 0, offset: this.position, ...this.stamp };
    this.write(this.localHeader(entry));
    const dataStart = this.position;
    let pending: string[] = [];
    let pendingChars = 0;
    const flush = (last: boolean) => {
      if (pendingChars > 0) {
        const bytes = Buffer.from(pending.join(""), "utf8");
        entry.crc = crc32(bytes, entry.crc);
        entry.size += bytes.length;
        this.write(deflateRawSync(bytes, { level: DEFLATE_LEVEL, finishFlush: constants.Z_SYNC_FLUSH }));
        pending = [];
        pendingChars = 0;
      }
      if (last) this.write(FINAL_EMPTY_BLOCK);
    };
    for await (const part of parts) {
      pending.push(part);
      pendingChars += part.length;
      if (pendingChars >= SLICE_CHARS) flush(false);
    }
    flush(true);
    entry.compressed = this.position - dataStart;
    if (entry.size > MAX_OFFSET) throw new ZipTooLarge(fileLabels.writing.entryOver4GB(name));
    // The checksum and sizes are only known now: they go back into the local header written before the data.
    const sizes = Buffer.alloc(12);
    sizes.writeUInt32LE(entry.crc >>> 0, 0);
    sizes.writeUInt32LE(entry.compressed, 4);
    sizes.writeUInt32LE(entry.size, 8);
    writeSync(this.fd, sizes, 0, sizes.length, entry.offset + 14);
    this.entries.push(entry);
  }

  /** Writes the central directory and closes the file. */
  close(): void {
    const directoryStart = this.position;
    for (const entry of this.entries) this.write(this.centralHeader(entry));
    const end = Buffer.alloc(22);
    end.writeUInt32LE(END_OF_DIRECTORY, 0);
    end.writeUInt16LE(this.entries.length, 8);
    end.writeUInt16LE(this.entries.length, 10);
    end.writeUInt32LE(this.position - directoryStart, 12);
    end.writeUInt32LE(directoryStart, 16);
    this.write(end);
    this.closed = true;
    closeSync(this.fd);
  }

  /** Closes the file without finishing the archive (after a failure; the caller removes it). */
  abandon(): void {
    if (this.closed) return;
    this.closed = true;
    closeSync(this.fd);
  }

  private write(bytes: Buffer): void {
    if (this.position + bytes.length > MAX_OFFSET) throw new ZipTooLarge(fileLabels.writing.archiveOver4GB);
    writeSync(this.fd, bytes, 0, bytes.length, this.position);
    this.position += bytes.length;
  }

  /** Written before the data, with a zero checksum and sizes that `addEntry` fills in at offset 14 afterwards. */
  private localHeader(entry: WrittenEntry): Buffer {
    const header = Buffer.alloc(30 + entry.name.length);
    header.writeUInt32LE(LOCAL_HEADER, 0);
    writeSharedFields(entry, header, 4);
    entry.name.copy(header, 30);
    return header;
  }

  private centralHeader(entry: WrittenEntry): Buffer {
    const header = Buffer.alloc(46 + entry.name.length);
    header.writeUInt32LE(CENTRAL_HEADER, 0);
    header.writeUInt16LE(VERSION, 4);
    writeSharedFields(entry, header, 6);
    header.writeUInt32LE(entry.offset, 42);
    entry.name.copy(header, 46);
    return header;
  }
}
