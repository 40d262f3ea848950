/**
 * Node only: the zip writer's compressor (zlib) and its output to a file, written as it goes so that a
 * consolidation too large for memory never is in memory.
 */
import { closeSync, openSync, writeSync } from "node:fs";
import { constants, crc32, deflateRawSync } from "node:zlib";
import type { SliceDeflater, ZipOutput } from "./zip-writer";

/**
 * Fastest compression: a consolidation is written once per batch, and Excel compresses again when it saves; a
 * tableau is small either way.
 */
const DEFLATE_LEVEL = 1;

export const nodeDeflater: SliceDeflater = {
  deflate: (bytes) => deflateRawSync(bytes, { level: DEFLATE_LEVEL, finishFlush: constants.Z_SYNC_FLUSH }),
  // An empty last block with fixed codes ends the stream.
  finalBlock: Uint8Array.from([0x03, 0x00]),
  crc32: (bytes, previous) => crc32(bytes, previous),
};

export class FileOutput implements ZipOutput {
  private readonly fd: number;
  private position = 0;
  private closed = false;

  constructor(path: string) {
    this.fd = openSync(path, "w");
  }

  write(bytes: Uint8Array): void {
    writeSync(this.fd, bytes, 0, bytes.length, this.position);
    this.position += bytes.length;
  }

  writeAt(position: number, bytes: Uint8Array): void {
    writeSync(this.fd, bytes, 0, bytes.length, position);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    closeSync(this.fd);
  }
}
