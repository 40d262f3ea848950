/**
 * The text of a répertoire saved by any editor: UTF-8 (with or without its mark), UTF-16 (Windows Notepad's
 * « Unicode »), Windows-1252 / Latin-1 (older Windows editors, Word's « Texte brut »), or UTF-8 with a few lines
 * pasted from a Windows-1252 source: each line is then read in its own encoding, and those lines are named, so that
 * no accent is garbled silently. Sizes are bounded before anything is decoded (the file's), then line by line.
 * Runs in the browser too.
 */
import { Refusal } from "../domain/refusal";
import { fileLabels } from "../labels/catalog";

const t = fileLabels.text;

export type TextEncoding = "utf-8" | "utf-16le" | "utf-16be" | "windows-1252";

export const ENCODING_LABELS: Record<TextEncoding, string> = fileLabels.encodings;

export const TEXT_LIMITS = {
  /**
   * A répertoire of 60 fiches is about 400 KB of text; reading costs about a hundred times the size of its
   * longest line, so both are bounded. Pasted text is held to the same number of characters.
   */
  maxBytes: 5 * 1024 * 1024,
  /** The longest paragraph of a répertoire is a few hundred characters. */
  maxLineLength: 10_000,
} as const;

export type TextLimits = { [key in keyof typeof TEXT_LIMITS]: number };

/** A text past the limits; the message is the reason alone (fileLabels.text), each door telling it in its own sentence. */
export class TextRefused extends Refusal {}

/** Bytes that are not text at all (a zero byte outside UTF-16); the message is the reason alone. */
export class NotText extends Refusal {
  constructor() {
    super(t.notText);
  }
}

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
  /** Lines (counted from 1, as an editor shows them) of a UTF-8 text that were not UTF-8, read as Windows-1252. */
  windows1252Lines: number[];
}

export function decodeText(bytes: Uint8Array, limits: TextLimits = TEXT_LIMITS): DecodedText {
  if (bytes.length > limits.maxBytes) throw new TextRefused(t.fileTooLarge(bytes.length, limits.maxBytes));
  const utf16 = utf16Encoding(bytes);
  if (utf16) {
    const text = new TextDecoder(utf16.encoding).decode(bytes.subarray(utf16.markBytes));
    if (text.includes("\u0000")) throw new NotText();
    checkLines(text, limits);
    return { text, encoding: utf16.encoding, windows1252Lines: [] };
  }
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  // Before the lines: a binary file would otherwise be refused for a long « line ».
  if (body.includes(0)) throw new NotText();
  let whole: string | undefined;
  try {
    whole = new TextDecoder("utf-8", { fatal: true }).decode(body);
  } catch {
    whole = undefined;
  }
  if (whole !== undefined) {
    checkLines(whole, limits);
    return { text: whole, encoding: "utf-8", windows1252Lines: [] };
  }
  return decodeLineByLine(body, limits);
}

/** A text already decoded (pasted in the pane, extracted from a Word document), held to the same limits. */
export function checkTextLimits(text: string, limits: TextLimits = TEXT_LIMITS): void {
  if (text.length > limits.maxBytes) throw new TextRefused(t.textTooLong(text.length, limits.maxBytes));
  checkLines(text, limits);
}

function utf16Encoding(bytes: Uint8Array): { encoding: "utf-16le" | "utf-16be"; markBytes: number } | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: "utf-16le", markBytes: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: "utf-16be", markBytes: 2 };
  // Without its mark, UTF-16 text of a Latin alphabet has a zero in every other byte.
  const sample = bytes.subarray(0, 4096);
  let evenZeros = 0;
  let oddZeros = 0;
  for (let index = 0; index < sample.length; index++) if (sample[index] === 0) index % 2 === 0 ? evenZeros++ : oddZeros++;
  if (oddZeros > sample.length / 4 && evenZeros < sample.length / 50) return { encoding: "utf-16le", markBytes: 0 };
  if (evenZeros > sample.length / 4 && oddZeros < sample.length / 50) return { encoding: "utf-16be", markBytes: 0 };
  return undefined;
}

/**
 * A text that is not UTF-8 as a whole: each line that is UTF-8 is read as such, the others as Windows-1252. When no
 * line holds UTF-8 beyond ASCII, the file is simply Windows-1252 and nothing needs saying.
 */
function decodeLineByLine(body: Uint8Array, limits: TextLimits): DecodedText {
  const strict = new TextDecoder("utf-8", { fatal: true });
  const lines: string[] = [];
  const breaks: string[] = [];
  const notUtf8: number[] = [];
  let utf8Beyond = false;
  let start = 0;
  for (let number = 1; ; number++) {
    const end = lineEnd(body, start);
    const raw = body.subarray(start, end);
    let line: string;
    try {
      line = strict.decode(raw);
      if (!utf8Beyond && /[^\x00-\x7f]/.test(line)) utf8Beyond = true;
    } catch {
      line = decodeWindows1252(raw);
      notUtf8.push(number);
    }
    if (line.length > limits.maxLineLength) throw new TextRefused(t.lineTooLong(number, line.length, limits.maxLineLength));
    lines.push(line);
    if (end >= body.length) break;
    const width = body[end] === 0x0d && body[end + 1] === 0x0a ? 2 : 1;
    breaks.push(width === 2 ? "\r\n" : body[end] === 0x0d ? "\r" : "\n");
    start = end + width;
  }
  let text = lines[0];
  for (let index = 1; index < lines.length; index++) text += breaks[index - 1] + lines[index];
  if (!utf8Beyond) return { text, encoding: "windows-1252", windows1252Lines: [] };
  return { text, encoding: "utf-8", windows1252Lines: notUtf8 };
}

/**
 * Characters of bytes 0x80 to 0x9F in Windows-1252 (the five it leaves undefined keep their code): French text
 * needs `’ œ € … – —` from them. Decoded here because Node's TextDecoder reads "windows-1252" as Latin-1 and would
 * give control characters for all of them.
 */
const WINDOWS_1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d,
  0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

export function decodeWindows1252(bytes: Uint8Array): string {
  const codes = new Uint16Array(bytes.length);
  for (let index = 0; index < bytes.length; index++) {
    const byte = bytes[index];
    codes[index] = byte >= 0x80 && byte < 0xa0 ? WINDOWS_1252_HIGH[byte - 0x80] : byte;
  }
  let text = "";
  // In slices: a call takes a bounded number of arguments.
  for (let start = 0; start < codes.length; start += 8192) text += String.fromCharCode(...codes.subarray(start, start + 8192));
  return text;
}

/** Where the line starting at `start` ends: its CR, LF or CR LF, or the end of the bytes. */
function lineEnd(bytes: Uint8Array, start: number): number {
  for (let index = start; index < bytes.length; index++) if (bytes[index] === 0x0a || bytes[index] === 0x0d) return index;
  return bytes.length;
}

/** Lines end at CR LF, LF or a lone CR (old Mac editors), and are counted as an editor counts them. */
function checkLines(text: string, limits: TextLimits): void {
  const breaks = /\r\n?|\n/g;
  let start = 0;
  for (let number = 1; ; number++) {
    const found = breaks.exec(text);
    const end = found ? found.index : text.length;
    if (end - start > limits.maxLineLength) throw new TextRefused(t.lineTooLong(number, end - start, limits.maxLineLength));
    if (!found) return;
    start = breaks.lastIndex;
  }
}
