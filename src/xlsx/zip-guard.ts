/**
 * The archive guard's limits and the zip records it reads: every file any command or the pane receives is read
 * through `zip-archive.ts` under these limits. A zip bomb (tiny file, huge content) or an archive that lies about
 * its sizes is refused there, each entry being inflated with a counter that stops at its declared size.
 */
import { Refusal } from "../domain/refusal";

export const ZIP_LIMITS = {
  /** A territory's tableau is under 1 MB for 200 fiches; 20 MB leaves room for pictures pasted in. */
  maxFileBytes: 20 * 1024 * 1024,
  maxEntries: 2_000,
  maxEntryBytes: 100 * 1024 * 1024,
  maxTotalBytes: 250 * 1024 * 1024,
  /** Spreadsheet XML compresses about 10:1; beyond 200:1 on a large entry the content is made to explode. */
  maxRatio: 200,
  /** Below this size an entry's ratio does not matter. */
  ratioFloorBytes: 1024 * 1024,
} as const;

export type ZipLimits = { [key in keyof typeof ZIP_LIMITS]: number };

/**
 * What the guard refuses, with its reason as a sentence fragment: every reader puts the file's name before it
 * (« x.xlsx » ne peut pas être lu comme un tableau de suivi : <reason>).
 */
export class ZipRefused extends Refusal {}

export interface ZipEntryInfo {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

function viewOf(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

export interface EndOfDirectory {
  /** Where the end-of-directory record starts in the bytes searched. */
  offset: number;
  count: number;
  directorySize: number;
  directoryOffset: number;
}

/** The end-of-central-directory record, searched backwards in `bytes` (a whole archive, or its last 64 KiB). */
export function findEndOfDirectory(bytes: Uint8Array): EndOfDirectory | undefined {
  const view = viewOf(bytes);
  for (let offset = bytes.length - 22; offset >= Math.max(0, bytes.length - 22 - 0xffff); offset--) {
    if (view.getUint32(offset, true) === EOCD) {
      return {
        offset,
        count: view.getUint16(offset + 10, true),
        directorySize: view.getUint32(offset + 12, true),
        directoryOffset: view.getUint32(offset + 16, true),
      };
    }
  }
  return undefined;
}

export interface DirectoryRecord {
  name: string;
  flags: number;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
  /** Bytes the record takes, to find the next one. */
  length: number;
}

/** The central directory record starting at `offset`, or undefined when none does. */
export function directoryRecord(bytes: Uint8Array, offset: number): DirectoryRecord | undefined {
  const view = viewOf(bytes);
  if (offset + 46 > bytes.length || view.getUint32(offset, true) !== CENTRAL) return undefined;
  const nameLength = view.getUint16(offset + 28, true);
  return {
    name: new TextDecoder().decode(bytes.subarray(offset + 46, offset + 46 + nameLength)),
    flags: view.getUint16(offset + 8, true),
    method: view.getUint16(offset + 10, true),
    compressedSize: view.getUint32(offset + 20, true),
    uncompressedSize: view.getUint32(offset + 24, true),
    localHeaderOffset: view.getUint32(offset + 42, true),
    length: 46 + nameLength + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true),
  };
}

/** Where an entry's data starts, from its local header at `offset`: its name and extra field may differ from the central record's. */
export function localDataStart(bytes: Uint8Array, offset: number): number | undefined {
  const view = viewOf(bytes);
  if (offset + 30 > bytes.length || view.getUint32(offset, true) !== LOCAL) return undefined;
  return offset + 30 + view.getUint16(offset + 26, true) + view.getUint16(offset + 28, true);
}
