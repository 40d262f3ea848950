/**
 * Checks a file received from a territory before any workbook library opens it: it must be a plain zip archive
 * whose entries stay within the limits below once inflated. A zip bomb (tiny file, huge content) or an archive that
 * lies about its sizes is refused here, by inflating each entry with a counter and stopping at its declared size,
 * so that ExcelJS never allocates what an attacker chose. Runs the same in Node and in the browser
 * (DecompressionStream).
 */

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

export class ZipRefused extends Error {}

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
const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0];

const mb = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} Mo`;

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
      return { offset, count: view.getUint16(offset + 10, true), directorySize: view.getUint32(offset + 12, true), directoryOffset: view.getUint32(offset + 16, true) };
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

/** The entries of the central directory, with every limit that can be checked without inflating. */
export function listZipEntries(bytes: Uint8Array, limits: ZipLimits = ZIP_LIMITS): ZipEntryInfo[] {
  if (bytes.length > limits.maxFileBytes) throw new ZipRefused(`fichier trop volumineux (${mb(bytes.length)}, limite ${mb(limits.maxFileBytes)})`);
  if (OLE_SIGNATURE.every((byte, index) => bytes[index] === byte)) {
    throw new ZipRefused("fichier protégé par un mot de passe ou au format Excel 97-2003 (.xls) : enregistrez-le en .xlsx sans mot de passe");
  }
  if (bytes.length < 22 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw new ZipRefused("ce n'est pas un classeur .xlsx (le fichier n'est pas une archive zip)");
  const endRecord = findEndOfDirectory(bytes);
  if (!endRecord) throw new ZipRefused("archive zip corrompue ou incomplète (fin de l'archive introuvable)");
  const { offset: end, count, directorySize, directoryOffset } = endRecord;
  if (count === 0xffff || directoryOffset === 0xffffffff) throw new ZipRefused("archive zip au format ZIP64, inattendu pour un tableau de suivi");
  if (count > limits.maxEntries) throw new ZipRefused(`archive de ${count} éléments (limite ${limits.maxEntries})`);
  if (directoryOffset + directorySize > end) throw new ZipRefused("archive zip corrompue (répertoire central hors du fichier)");

  const entries: ZipEntryInfo[] = [];
  let total = 0;
  let offset = directoryOffset;
  for (let index = 0; index < count; index++) {
    const record = offset + 46 > end ? undefined : directoryRecord(bytes, offset);
    if (!record) throw new ZipRefused("archive zip corrompue (répertoire central illisible)");
    const { name, flags, method, compressedSize, uncompressedSize, localHeaderOffset } = record;
    offset += record.length;
    if (flags & 1) throw new ZipRefused("archive chiffrée : enregistrez le classeur sans mot de passe");
    if (method !== 0 && method !== 8) throw new ZipRefused(`élément « ${name} » compressé par une méthode inconnue (${method})`);
    if (uncompressedSize > limits.maxEntryBytes) throw new ZipRefused(`élément « ${name} » trop volumineux une fois décompressé (${mb(uncompressedSize)}, limite ${mb(limits.maxEntryBytes)})`);
    if (uncompressedSize > limits.ratioFloorBytes && uncompressedSize > compressedSize * limits.maxRatio) {
      throw new ZipRefused(`élément « ${name} » anormalement compressé (${Math.round(uncompressedSize / Math.max(1, compressedSize))} pour 1, limite ${limits.maxRatio}) : possible bombe de décompression`);
    }
    total += uncompressedSize;
    if (total > limits.maxTotalBytes) throw new ZipRefused(`contenu décompressé trop volumineux (plus de ${mb(limits.maxTotalBytes)})`);
    if (localHeaderOffset + 30 > bytes.length) throw new ZipRefused(`archive zip corrompue (élément « ${name} » hors du fichier)`);
    entries.push({ name, method, compressedSize, uncompressedSize, localHeaderOffset });
  }
  return entries;
}

/** Inflates every entry with a counter: content larger than declared, or a broken stream, is refused. */
export async function checkZip(bytes: Uint8Array, limits: ZipLimits = ZIP_LIMITS): Promise<ZipEntryInfo[]> {
  const entries = listZipEntries(bytes, limits);
  for (const entry of entries) {
    const start = localDataStart(bytes, entry.localHeaderOffset);
    if (start === undefined) throw new ZipRefused(`archive zip corrompue (en-tête de « ${entry.name} » illisible)`);
    if (start + entry.compressedSize > bytes.length) throw new ZipRefused(`archive zip tronquée (élément « ${entry.name} » incomplet)`);
    const data = bytes.subarray(start, start + entry.compressedSize);
    if (entry.method === 0) {
      if (entry.compressedSize !== entry.uncompressedSize) throw new ZipRefused(`archive zip corrompue (tailles de « ${entry.name} » incohérentes)`);
      continue;
    }
    const inflated = await inflatedSize(data, entry.uncompressedSize);
    if (inflated === "too-large") throw new ZipRefused(`élément « ${entry.name} » plus volumineux que la taille qu'il déclare : archive falsifiée, refusée`);
    if (inflated === "corrupt") throw new ZipRefused(`archive zip corrompue (élément « ${entry.name} » illisible)`);
    if (inflated !== entry.uncompressedSize) throw new ZipRefused(`archive zip corrompue (élément « ${entry.name} » incomplet)`);
  }
  return entries;
}

async function inflatedSize(data: Uint8Array, limit: number): Promise<number | "too-large" | "corrupt"> {
  const stream = new Blob([data as BlobPart]).stream().pipeThrough(new DecompressionStream("deflate-raw"));
  const reader = stream.getReader();
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return size;
      size += value.length;
      if (size > limit) {
        await reader.cancel();
        return "too-large";
      }
    }
  } catch {
    return "corrupt";
  }
}
