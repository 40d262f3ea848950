/**
 * Text of a Word répertoire (.docx), through mammoth's raw text extraction: paragraphs become lines. The file goes
 * through the same archive guard as every workbook first (sizes, ratios, each part inflated through a counter), and
 * every XML part is checked as it inflates before mammoth builds anything: well-formed, under a size, and counted in
 * elements and in paragraphs of WordprocessingML whatever prefix names its namespace. A tiny file that unfolds into
 * millions of paragraphs, or a damaged one, is refused in French instead of exhausting memory or leaking a library's
 * English.
 */
import { Refusal } from "../domain/refusal";
import { fileLabels } from "../labels/catalog";
import { ZipArchive, bytesSource } from "../xlsx/zip-archive";
import { ZIP_LIMITS, ZipRefused } from "../xlsx/zip-guard";
import { type XmlElement, XmlMalformed, XmlPartScanner } from "./docx-xml";

const t = fileLabels.docx;

/** A .docx that cannot be read as a répertoire; the message names the file (without a final period). */
export class DocxUnreadable extends Refusal {}

export const DOCX_LIMITS = {
  ...ZIP_LIMITS,
  /** A répertoire of 60 fiches holds a few thousand paragraphs. */
  maxParagraphs: 50_000,
  /** Word writes a 60-fiche répertoire in under 5 MB of XML; mammoth holds a whole part as a tree. */
  maxPartBytes: 10 * 1024 * 1024,
  /**
   * mammoth's tree takes about 2 KB an element: 300,000 keep the import under 1 GB, and a 60-fiche répertoire
   * (all parts together: document, styles, numbering, notes) has fewer than 150,000.
   */
  maxElements: 300_000,
} as const;

export type DocxLimits = { [key in keyof typeof DOCX_LIMITS]: number };

/** The paragraph element `p` of WordprocessingML, transitional and strict, as mammoth reads both. */
const WORDPROCESSING = new Set(["http://schemas.openxmlformats.org/wordprocessingml/2006/main", "http://purl.oclc.org/ooxml/wordprocessingml/main"]);
const PACKAGE_RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships";
const OFFICE_DOCUMENT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument";
const PACKAGE_RELATIONSHIPS_PART = "_rels/.rels";

export async function docxText(bytes: Uint8Array, fileName: string, limits: DocxLimits = DOCX_LIMITS): Promise<string> {
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw new DocxUnreadable(t.notDocx(fileName));
  try {
    await checkParts(await ZipArchive.open(bytesSource(bytes), limits), fileName, limits);
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
  } catch {
    // mammoth's reasons are English and about its internals: the user can only save the document again.
    throw new DocxUnreadable(t.unreadable(fileName, t.contentUnreadable));
  }
}

/**
 * Every entry inflated through its counter (mammoth's own zip reader trusts the sizes an archive declares), the XML
 * ones scanned on the way. The main document is found as mammoth finds it: the package's relationships name it,
 * Word's usual name otherwise.
 */
async function checkParts(archive: ZipArchive, fileName: string, limits: DocxLimits): Promise<void> {
  let elements = 0;
  let paragraphs = 0;
  const count = (element: XmlElement) => {
    if (++elements > limits.maxElements) throw new DocxUnreadable(t.tooManyElements(fileName, limits.maxElements));
    if (element.localName === "p" && element.namespace !== undefined && WORDPROCESSING.has(element.namespace) && ++paragraphs > limits.maxParagraphs) {
      throw new DocxUnreadable(t.tooManyParagraphs(fileName, limits.maxParagraphs));
    }
  };
  const targets: string[] = [];
  if (archive.has(PACKAGE_RELATIONSHIPS_PART)) {
    await scanPart(archive, PACKAGE_RELATIONSHIPS_PART, fileName, limits, (element) => {
      count(element);
      if (element.localName !== "Relationship" || element.namespace !== PACKAGE_RELATIONSHIPS) return;
      const attribute = (name: string) => element.attributes.find(([candidate]) => candidate === name)?.[1];
      const target = attribute("Target");
      if (attribute("Type") === OFFICE_DOCUMENT && target) targets.push(target.replace(/^\//, ""));
    });
  }
  const main = targets.find((target) => archive.has(target)) ?? "word/document.xml";
  if (!archive.has(main)) throw new DocxUnreadable(t.unreadable(fileName, t.documentPartMissing(main)));
  await scanPart(archive, main, fileName, limits, count);
  for (const name of archive.entries.keys()) {
    if (name === PACKAGE_RELATIONSHIPS_PART || name === main) continue;
    if (/\.(xml|rels)$/i.test(name)) await scanPart(archive, name, fileName, limits, count);
    else for await (const chunk of archive.inflate(name)) void chunk;
  }
}

async function scanPart(archive: ZipArchive, part: string, fileName: string, limits: DocxLimits, onElement: (element: XmlElement) => void): Promise<void> {
  const scanner = new XmlPartScanner(onElement);
  const decoder = new TextDecoder("utf-8");
  let size = 0;
  try {
    for await (const chunk of archive.inflate(part)) {
      size += chunk.length;
      if (size > limits.maxPartBytes) throw new DocxUnreadable(t.refused(fileName, t.partTooLarge(part, limits.maxPartBytes)));
      scanner.feed(decoder.decode(chunk, { stream: true }));
    }
    scanner.feed(decoder.decode());
    scanner.end();
  } catch (error) {
    if (error instanceof XmlMalformed) throw new DocxUnreadable(t.unreadable(fileName, t.partMalformed(part, error.message)));
    throw error;
  }
}
