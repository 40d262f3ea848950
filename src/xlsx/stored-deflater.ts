/**
 * The zip writer's compressor where Node's zlib is not there (the task pane's browser): raw deflate made of STORED
 * blocks (RFC 1951 §3.2.4), the bytes as they are, and a table-driven CRC-32. The browser's CompressionStream is
 * asynchronous and the writer's SliceDeflater is not; a collection file is a few tens of kilobytes, so leaving it
 * uncompressed costs little in a mail, and Excel compresses it again when the partner saves it. The entry still
 * declares deflate: stored blocks are deflate, read by every zip reader.
 */
import type { SliceDeflater } from "./zip-writer";

/** LEN is 16 bits: a stored block holds at most 65 535 bytes. */
const MAX_STORED_BYTES = 0xffff;
/** BFINAL 0, BTYPE 00, then padding to the byte boundary: one zero byte, since every slice starts on a boundary. */
const STORED_HEADER_BYTES = 5;

/** The reflected polynomial of zip's CRC-32 (IEEE 802.3), one entry per byte value. */
const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let byte = 0; byte < 256; byte++) {
    let crc = byte;
    for (let bit = 0; bit < 8; bit++) crc = crc & 1 ? 0xedb88320 ^ (crc >>> 1) : crc >>> 1;
    table[byte] = crc >>> 0;
  }
  return table;
})();

/** The CRC-32 of `bytes` continuing `previous` (the CRC of what came before, 0 at the start), as zlib's crc32. */
export function crc32(bytes: Uint8Array, previous = 0): number {
  let crc = ~previous >>> 0;
  for (let index = 0; index < bytes.length; index++) crc = CRC_TABLE[(crc ^ bytes[index]) & 0xff] ^ (crc >>> 8);
  return ~crc >>> 0;
}

/** `bytes` as non-final stored blocks: each block ends on a byte boundary, so slices join into one stream. */
export function storedBlocks(bytes: Uint8Array): Uint8Array {
  const blocks = Math.ceil(bytes.length / MAX_STORED_BYTES);
  const out = new Uint8Array(bytes.length + blocks * STORED_HEADER_BYTES);
  let at = 0;
  for (let start = 0; start < bytes.length; start += MAX_STORED_BYTES) {
    const length = Math.min(MAX_STORED_BYTES, bytes.length - start);
    out[at] = 0x00;
    out[at + 1] = length & 0xff;
    out[at + 2] = length >>> 8;
    out[at + 3] = ~length & 0xff;
    out[at + 4] = (~length >>> 8) & 0xff;
    out.set(bytes.subarray(start, start + length), at + STORED_HEADER_BYTES);
    at += STORED_HEADER_BYTES + length;
  }
  return out;
}

export const storedDeflater: SliceDeflater = {
  deflate: storedBlocks,
  // An empty last block with fixed codes ends the stream, as after zlib's slices (node-zip.ts).
  finalBlock: Uint8Array.from([0x03, 0x00]),
  crc32,
};
