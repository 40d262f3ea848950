/**
 * The text of a répertoire saved by any editor: UTF-8 (with or without its mark), UTF-16 (Windows Notepad's
 * « Unicode »), or Windows-1252 / Latin-1 (older Windows editors, Word's « Texte brut »). Runs in the browser too.
 */
import { fileLabels } from "../labels/catalog";

export type TextEncoding = "utf-8" | "utf-16le" | "utf-16be" | "windows-1252";

export const ENCODING_LABELS: Record<TextEncoding, string> = fileLabels.encodings;

export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncoding } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: new TextDecoder("utf-8").decode(bytes.subarray(3)), encoding: "utf-8" };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), encoding: "utf-16le" };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder("utf-16be").decode(bytes.subarray(2)), encoding: "utf-16be" };
  // Without its mark, UTF-16 text of a Latin alphabet has a zero in every other byte.
  const sample = bytes.subarray(0, 4096);
  let evenZeros = 0;
  let oddZeros = 0;
  for (let index = 0; index < sample.length; index++) if (sample[index] === 0) index % 2 === 0 ? evenZeros++ : oddZeros++;
  if (oddZeros > sample.length / 4 && evenZeros < sample.length / 50) return { text: new TextDecoder("utf-16le").decode(bytes), encoding: "utf-16le" };
  if (evenZeros > sample.length / 4 && oddZeros < sample.length / 50) return { text: new TextDecoder("utf-16be").decode(bytes), encoding: "utf-16be" };
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    return { text: new TextDecoder("windows-1252").decode(bytes), encoding: "windows-1252" };
  }
}
