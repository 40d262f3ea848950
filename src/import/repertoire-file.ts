/**
 * A répertoire file as the import reads it, Word or plain text, for the command line and the pane alike: its text,
 * and what reading it had to assume, as warnings of the import (lines read in another encoding than the rest).
 */
import { fileLabels } from "../labels/catalog";
import { DOCX_LIMITS, DocxUnreadable, docxText } from "./docx";
import type { ImportWarning } from "./parse-repertoire";
import { type DecodedText, TEXT_LIMITS, TextRefused, decodeText } from "./text-encoding";

/** Lines named in the warning; more are counted, not listed. */
const LINES_SHOWN = 10;

export interface RepertoireText {
  text: string;
  warnings: ImportWarning[];
}

const isDocx = (fileName: string) => /\.docx$/i.test(fileName);

/** The size a répertoire file may have, to check before reading it: a Word document's archive, or a text. */
export function repertoireFileLimit(fileName: string): number {
  return isDocx(fileName) ? DOCX_LIMITS.maxFileBytes : TEXT_LIMITS.maxBytes;
}

/** The refusal of a répertoire file of `size` bytes, past its limit: the one reading it would give. */
export function repertoireTooLarge(fileName: string, size: number): DocxUnreadable | TextRefused {
  const limit = repertoireFileLimit(fileName);
  return isDocx(fileName)
    ? new DocxUnreadable(fileLabels.docx.refused(fileName, fileLabels.archive.fileTooLarge(size, limit)))
    : new TextRefused(fileLabels.text.fileTooLarge(size, limit));
}

/** Throws DocxUnreadable, TextRefused or NotText for what cannot be read as a répertoire's text. */
export async function readRepertoireFile(bytes: Uint8Array, fileName: string): Promise<RepertoireText> {
  if (isDocx(fileName)) return { text: await docxText(bytes, fileName), warnings: [] };
  const decoded = decodeText(bytes);
  return { text: decoded.text, warnings: encodingWarnings(decoded) };
}

export function encodingWarnings(decoded: DecodedText): ImportWarning[] {
  const lines = decoded.windows1252Lines;
  if (lines.length === 0) return [];
  const message = fileLabels.text.mixedEncoding(lines.slice(0, LINES_SHOWN), lines.length);
  return [{ code: "", section: fileLabels.repertoire.sections.encoding, message }];
}
