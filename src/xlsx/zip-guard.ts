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

/** The entries of the central directory, with every limit that can be checked without inflating. */
export function listZipEntries(bytes: Uint8Array, limits: ZipLimits = ZIP_LIMITS): ZipEntryInfo[] {
  if (bytes.length > limits.maxFileBytes) throw new ZipRefused(`fichier trop volumineux (${mb(bytes.length)}, limite ${mb(limits.maxFileBytes)})`);
  if (OLE_SIGNATURE.every((byte, index) => bytes[index] === byte)) {
    throw new ZipRefused("fichier protégé par un mot de passe ou au format Excel 97-2003 (.xls) : enregistrez-le en .xlsx sans mot de passe");
  }
  if (bytes.length < 22 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw new ZipRefused("ce n'est pas un classeur .xlsx (le fichier n'est pas une archive zip)");
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = -1;
  for (let offset = bytes.length - 22; offset >= Math.max(0, bytes.length - 22 - 0xffff); offset--) {
    if (view.getUint32(offset, true) === EOCD) {
      end = offset;
      break;
    }
  }
  if (end < 0) throw new ZipRefused("archive zip corrompue ou incomplète (fin de l'archive introuvable)");
  const count = view.getUint16(end + 10, true);
  const directorySize = view.getUint32(end + 12, true);
  const directoryOffset = view.getUint32(end + 16, true);
  if (count === 0xffff || directoryOffset === 0xffffffff) throw new ZipRefused("archive zip au format ZIP64, inattendu pour un tableau de suivi");
  if (count > limits.maxEntries) throw new ZipRefused(`archive de ${count} éléments (limite ${limits.maxEntries})`);
  if (directoryOffset + directorySize > end) throw new ZipRefused("archive zip corrompue (répertoire central hors du fichier)");

  const entries: ZipEntryInfo[] = [];
  let total = 0;
  let offset = directoryOffset;
  for (let index = 0; index < count; index++) {
    if (offset + 46 > end || view.getUint32(offset, true) !== CENTRAL) throw new ZipRefused("archive zip corrompue (répertoire central illisible)");
    const flags = view.getUint16(offset + 8, true);
    const method = view.getUint16(offset + 10, true);
    const compressedSize = view.getUint32(offset + 20, true);
    const uncompressedSize = view.getUint32(offset + 24, true);
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    const localHeaderOffset = view.getUint32(offset + 42, true);
    const name = new TextDecoder().decode(bytes.subarray(offset + 46, offset + 46 + nameLength));
    offset += 46 + nameLength + extraLength + commentLength;
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
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (const entry of entries) {
    const at = entry.localHeaderOffset;
    if (view.getUint32(at, true) !== LOCAL) throw new ZipRefused(`archive zip corrompue (en-tête de « ${entry.name} » illisible)`);
    const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
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
