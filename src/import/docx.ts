/**
 * Text of a Word répertoire (.docx), through mammoth's raw text extraction: paragraphs become lines. The file goes
 * through the same archive guard as every workbook first (sizes, ratios, each part inflated through a counter),
 * and its document is counted in paragraphs before mammoth builds anything: a tiny file that unfolds into millions
 * of paragraphs is refused, in French, instead of exhausting memory.
 */
import { Refusal } from "../domain/refusal";
import { fileLabels } from "../labels/catalog";
import { ZipArchive, bytesSource } from "../xlsx/zip-archive";
import { ZIP_LIMITS, ZipRefused } from "../xlsx/zip-guard";

const t = fileLabels.docx;

/** A .docx that cannot be read as a répertoire; the message names the file (without a final period). */
export class DocxUnreadable extends Refusal {}

export const DOCX_LIMITS = {
  ...ZIP_LIMITS,
  /** A répertoire of 60 fiches holds a few thousand paragraphs. */
  maxParagraphs: 50_000,
} as const;

export async function docxText(bytes: Uint8Array, fileName: string, limits: typeof DOCX_LIMITS = DOCX_LIMITS): Promise<string> {
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw new DocxUnreadable(t.notDocx(fileName));
  try {
    const archive = await ZipArchive.open(bytesSource(bytes), limits);
    await archive.verifyAll();
    const document = archive.find("word/document.xml");
    if (!document) throw new DocxUnreadable(t.noDocumentPart(fileName));
    const paragraphs = await countParagraphs(archive, document, limits.maxParagraphs);
    if (paragraphs > limits.maxParagraphs) throw new DocxUnreadable(t.tooManyParagraphs(fileName, limits.maxParagraphs));
  } catch (error) {
    if (error instanceof ZipRefused) throw new DocxUnreadable(t.refused(fileName, error.message));
    throw error;
  }
  // Loaded on demand: the task pane pays for mammoth only when a user imports a document.
  const mammoth = await import("mammoth");
  try {
    const arrayBuffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    const input = typeof Buffer !== "undefined" ? { buffer: Buffer.from(arrayBuffer) } : { arrayBuffer };
    const result = await mammoth.extractRawText(input as { arrayBuffer: ArrayBuffer });
    return result.value;
  } catch (error) {
    throw new DocxUnreadable(t.unreadable(fileName, error instanceof Error ? error.message : String(error)));
  }
}

/** Paragraph elements (`<w:p>`, `<w:p …>`, `<w:p/>`) as the document inflates, stopping past the limit. */
async function countParagraphs(archive: ZipArchive, part: string, limit: number): Promise<number> {
  let count = 0;
  let carry = "";
  for await (const chunk of archive.text(part)) {
    const text = carry + chunk;
    const matches = text.match(/<w:p[\s>/]/g);
    count += matches?.length ?? 0;
    if (count > limit) return count;
    // A tag cut between two chunks is counted in the next one, and only there.
    const cut = text.lastIndexOf("<");
    carry = cut >= 0 && text.length - cut < 5 ? text.slice(cut) : "";
    if (carry && /<w:p[\s>/]/.test(carry)) carry = "";
  }
  return count;
}
