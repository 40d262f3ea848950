/** Text of a Word répertoire (.docx), through mammoth's raw text extraction: paragraphs become lines. */

export class DocxUnreadable extends Error {}

export async function docxText(bytes: Uint8Array, fileName: string): Promise<string> {
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw new DocxUnreadable(`« ${fileName} » n'est pas un document Word .docx`);
  // Loaded on demand: the task pane pays for mammoth only when a user imports a document.
  const mammoth = await import("mammoth");
  try {
    const arrayBuffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    const input = typeof Buffer !== "undefined" ? { buffer: Buffer.from(arrayBuffer) } : { arrayBuffer };
    const result = await mammoth.extractRawText(input as { arrayBuffer: ArrayBuffer });
    return result.value;
  } catch (error) {
    throw new DocxUnreadable(`« ${fileName} » ne peut pas être lu comme un document Word (${error instanceof Error ? error.message : String(error)})`);
  }
}
