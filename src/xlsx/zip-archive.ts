/**
 * A zip archive read from any byte source (bytes in memory, or a file read piece by piece), with every limit of
 * the guard enforced as it is read: the directory is checked before anything is inflated, and each entry is
 * inflated as a stream through a counter that stops at its declared size and at the archive's total. Only the
 * entries asked for are ever inflated, so a part no reader needs costs nothing. Runs the same in Node and in the
 * browser (DecompressionStream); where the platform registered a one-call inflate (Node's zlib, entry-inflater.ts),
 * small entries use it, under the same limits.
 */
import { fileLabels } from "../labels/catalog";
import { ONE_SHOT_MAX_BYTES, oneShotInflate } from "./entry-inflater";
import { xmlText } from "./xml-encoding";
import { ZIP_LIMITS, ZipRefused, type ZipEntryInfo, type ZipLimits, directoryRecord, findEndOfDirectory, localDataStart } from "./zip-guard";

const t = fileLabels.archive;

/** Bytes an archive is read from: its size, and any slice of it. */
export interface ByteSource {
  size: number;
  read(offset: number, length: number): Promise<Uint8Array>;
}

export function bytesSource(bytes: Uint8Array): ByteSource {
  return { size: bytes.length, read: async (offset, length) => bytes.subarray(offset, Math.min(bytes.length, offset + length)) };
}

const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0];
/** Compressed bytes read from the source at a time. */
const SLICE_BYTES = 256 * 1024;

export class ZipArchive {
  private inflatedTotal = 0;

  private constructor(
    private readonly source: ByteSource,
    readonly entries: ReadonlyMap<string, ZipEntryInfo>,
    private readonly limits: ZipLimits,
  ) {}

  /** Reads and checks the central directory; refuses, in French, what no workbook should be. */
  static async open(source: ByteSource, limits: ZipLimits = ZIP_LIMITS): Promise<ZipArchive> {
    if (source.size > limits.maxFileBytes) throw new ZipRefused(t.fileTooLarge(source.size, limits.maxFileBytes));
    const head = await source.read(0, 4);
    if (OLE_SIGNATURE.every((byte, index) => head[index] === byte)) {
      throw new ZipRefused(t.passwordOrXls);
    }
    if (source.size < 22 || head[0] !== 0x50 || head[1] !== 0x4b) throw new ZipRefused(t.notZip);
    const tailStart = Math.max(0, source.size - (22 + 0xffff));
    const tail = await source.read(tailStart, source.size - tailStart);
    const endRecord = findEndOfDirectory(tail);
    if (!endRecord) throw new ZipRefused(t.noEndOfDirectory);
    const { count, directorySize, directoryOffset } = endRecord;
    const end = tailStart + endRecord.offset;
    if (count === 0xffff || directoryOffset === 0xffffffff) throw new ZipRefused(t.zip64);
    if (count > limits.maxEntries) throw new ZipRefused(t.tooManyEntries(count, limits.maxEntries));
    if (directoryOffset + directorySize > end) throw new ZipRefused(t.directoryOutside);
    const directory = await source.read(directoryOffset, directorySize);
    const entries = new Map<string, ZipEntryInfo>();
    let declaredTotal = 0;
    let offset = 0;
    for (let index = 0; index < count; index++) {
      const record = directoryRecord(directory, offset);
      if (!record) throw new ZipRefused(t.directoryUnreadable);
      const { name, flags, method, compressedSize, uncompressedSize, localHeaderOffset } = record;
      offset += record.length;
      if (flags & 1) throw new ZipRefused(t.encrypted);
      if (method !== 0 && method !== 8) throw new ZipRefused(t.unknownMethod(name, method));
      if (uncompressedSize > limits.maxEntryBytes) throw new ZipRefused(t.entryTooLarge(name, uncompressedSize, limits.maxEntryBytes));
      if (uncompressedSize > limits.ratioFloorBytes && uncompressedSize > compressedSize * limits.maxRatio) {
        throw new ZipRefused(t.suspiciousRatio(name, Math.round(uncompressedSize / Math.max(1, compressedSize)), limits.maxRatio));
      }
      declaredTotal += uncompressedSize;
      if (declaredTotal > limits.maxTotalBytes) throw new ZipRefused(t.contentTooLarge(limits.maxTotalBytes));
      if (localHeaderOffset + 30 > source.size) throw new ZipRefused(t.entryOutside(name));
      // Some Windows tools write `xl\workbook.xml`; Excel reads it as the part it means.
      const part = name.replace(/\\/g, "/");
      entries.set(part, { name: part, method, compressedSize, uncompressedSize, localHeaderOffset });
    }
    return new ZipArchive(source, entries, limits);
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** Names in any case: some writers differ from the references to them by case alone. */
  find(name: string): string | undefined {
    if (this.entries.has(name)) return name;
    const lower = name.toLowerCase();
    for (const candidate of this.entries.keys()) if (candidate.toLowerCase() === lower) return candidate;
    return undefined;
  }

  /** An entry's content as it inflates, refused the moment it passes its declared size or the archive's total. */
  async *inflate(name: string): AsyncGenerator<Uint8Array> {
    const entry = this.entries.get(name);
    if (!entry) throw new ZipRefused(t.entryMissing(name));
    const header = await this.source.read(entry.localHeaderOffset, 30);
    const relative = localDataStart(header, 0);
    if (relative === undefined) throw new ZipRefused(t.headerUnreadable(name));
    // The local header's name and extra field may be longer than the 30 bytes read: their lengths are in it.
    const start = entry.localHeaderOffset + relative;
    if (start + entry.compressedSize > this.source.size) throw new ZipRefused(t.truncated(name));
    let produced = 0;
    const count = (chunk: Uint8Array) => {
      produced += chunk.length;
      this.inflatedTotal += chunk.length;
      if (produced > entry.uncompressedSize) throw new ZipRefused(t.entryLies(name));
      if (this.inflatedTotal > this.limits.maxTotalBytes) throw new ZipRefused(t.contentTooLarge(this.limits.maxTotalBytes));
    };
    if (entry.method === 0) {
      if (entry.compressedSize !== entry.uncompressedSize) throw new ZipRefused(t.sizesMismatch(name));
      for await (const chunk of inSlices(entry.compressedSize, (at, length) => this.source.read(start + at, length))) {
        count(chunk);
        yield chunk;
      }
      return;
    }
    const inflateAtOnce = oneShotInflate();
    if (inflateAtOnce && entry.uncompressedSize <= ONE_SHOT_MAX_BYTES) {
      let inflated: Uint8Array;
      try {
        // One byte more than declared: an entry that inflates past its size is caught as a liar below.
        inflated = inflateAtOnce(await this.source.read(start, entry.compressedSize), entry.uncompressedSize + 1);
      } catch (error) {
        // Compared by name: an error of another realm (Node's own, under a test runner's sandbox) fails instanceof.
        if (typeof error === "object" && error !== null && (error as { name?: unknown }).name === "RangeError") throw new ZipRefused(t.entryLies(name));
        throw new ZipRefused(t.entryUnreadable(name));
      }
      for await (const chunk of inSlices(inflated.length, (at, length) => inflated.subarray(at, at + length))) {
        count(chunk);
        yield chunk;
      }
      if (produced !== entry.uncompressedSize) throw new ZipRefused(t.entryIncomplete(name));
      return;
    }
    const source = this.source;
    let at = 0;
    const compressed = new ReadableStream<BufferSource>({
      async pull(controller) {
        if (at >= entry.compressedSize) return controller.close();
        const length = Math.min(SLICE_BYTES, entry.compressedSize - at);
        const chunk = await source.read(start + at, length);
        at += length;
        // A copy: DecompressionStream may keep a view on it after the source reuses its buffer.
        controller.enqueue(chunk.slice());
      },
    });
    const reader = compressed.pipeThrough<Uint8Array>(new DecompressionStream("deflate-raw")).getReader();
    try {
      for (;;) {
        let next: ReadableStreamReadResult<Uint8Array>;
        try {
          next = await reader.read();
        } catch {
          throw new ZipRefused(t.entryUnreadable(name));
        }
        if (next.done) break;
        count(next.value);
        yield next.value;
      }
    } finally {
      await reader.cancel().catch(() => undefined);
    }
    if (produced !== entry.uncompressedSize) throw new ZipRefused(t.entryIncomplete(name));
  }

  /** An XML entry as text, decoded as it inflates in the encoding it declares (xml-encoding.ts). */
  text(name: string): AsyncGenerator<string> {
    return xmlText(this.inflate(name), name);
  }

  /** Every entry inflated through its counter, for callers that hand the bytes to another library afterwards. */
  async verifyAll(): Promise<void> {
    for (const name of this.entries.keys()) for await (const chunk of this.inflate(name)) void chunk;
  }
}

/** `total` bytes handed on in slices of at most SLICE_BYTES, each got by `read` (from the file, or from memory). */
async function* inSlices(total: number, read: (offset: number, length: number) => Uint8Array | Promise<Uint8Array>): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < total; at += SLICE_BYTES) yield await read(at, Math.min(SLICE_BYTES, total - at));
}
