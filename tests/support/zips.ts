/** Archives made by hand for the guard's tests: their directory says what the test wants, true or not. */
import { crc32, deflateRawSync } from "node:zlib";

interface HandMadeEntry {
  name: string;
  raw: Buffer;
  /** The inflated size the headers declare; differs from `raw.length` only in lying archives. */
  declared: number;
  /** Whether the headers carry the real CRC (lying archives leave it zero). */
  checksum: boolean;
}

function handMadeZip(entries: HandMadeEntry[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const data = deflateRawSync(entry.raw);
    const nameBytes = Buffer.from(entry.name);
    const crc = entry.checksum ? crc32(entry.raw) : 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(entry.declared, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(entry.declared, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

/**
 * A one-entry zip whose entry inflates to `actual` zero bytes while the archive declares `declared`: a zip bomb
 * when `actual` is large, a lying archive when `declared` is smaller.
 */
export function zipWith(name: string, actual: number, declared = actual): Uint8Array {
  return handMadeZip([{ name, raw: Buffer.alloc(actual), declared, checksum: false }]);
}

/** A zip of the given entries, deflated with Node's zlib (fast enough for tens of megabytes of test XML). */
export function zipOf(entries: Record<string, string | Buffer>): Uint8Array {
  return handMadeZip(
    Object.entries(entries).map(([name, content]) => {
      const raw = typeof content === "string" ? Buffer.from(content, "utf8") : content;
      return { name, raw, declared: raw.length, checksum: true };
    }),
  );
}
