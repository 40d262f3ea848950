/**
 * An XML part's bytes as text, decoded as XML says they are encoded (XML 1.0, 4.3.3 and appendix F): a byte order
 * mark first (UTF-8, UTF-16 either way), else UTF-16 recognised by its first `<` (LibreOffice reads a part declared
 * UTF-16 without a mark), else the encoding of the XML declaration, else UTF-8. Latin-1 declarations (ISO-8859-1,
 * latin1, windows-1252, US-ASCII…) are decoded as windows-1252, as browsers and Excel do; any other encoding is
 * refused by name rather than read wrong. Bytes that are not text in the chosen encoding are refused too: read as
 * U+FFFD they would be a silently mangled entry.
 *
 * Decoded as the bytes inflate: only the first kilobyte is held, to find the declaration. The text handed on says
 * what it now is: its declaration names UTF-8, so that a part written back as it was read (an update passes some
 * parts through as text) is not declared in an encoding it is no longer in.
 */
import { fileLabels } from "../labels/catalog";
import { ZipRefused } from "./zip-guard";

type Encoding = keyof typeof fileLabels.encodings;

/** Bytes held before the encoding is chosen: an XML declaration is well under this, even in UTF-16. */
const HEAD_BYTES = 1024;

/** Declared names (lower case) the reader decodes, and with what. */
const DECLARED: Record<string, Encoding | "utf-16"> = {
  "utf-8": "utf-8",
  utf8: "utf-8",
  "utf-16": "utf-16",
  "utf-16le": "utf-16",
  "utf-16be": "utf-16",
  "iso-8859-1": "windows-1252",
  iso_8859_1: "windows-1252",
  "iso_8859-1": "windows-1252",
  "iso8859-1": "windows-1252",
  "iso-ir-100": "windows-1252",
  latin1: "windows-1252",
  "latin-1": "windows-1252",
  l1: "windows-1252",
  "windows-1252": "windows-1252",
  cp1252: "windows-1252",
  "x-cp1252": "windows-1252",
  "us-ascii": "windows-1252",
  ascii: "windows-1252",
};

/** The encoding of a part from its first bytes (at most HEAD_BYTES, all of them for a shorter part). */
function encodingOf(head: Uint8Array, part: string): Encoding {
  const [b0, b1, b2, b3] = head;
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return "utf-8";
  if (b0 === 0xff && b1 === 0xfe) return "utf-16le";
  if (b0 === 0xfe && b1 === 0xff) return "utf-16be";
  if (b0 === 0x3c && b1 === 0x00 && b2 !== 0x00 && b3 === 0x00) return "utf-16le";
  if (b0 === 0x00 && b1 === 0x3c && b2 === 0x00 && b3 !== 0x00) return "utf-16be";
  const declared = declaredEncoding(head);
  if (declared === undefined) return "utf-8";
  const known = DECLARED[declared.toLowerCase()];
  if (known === undefined) throw new ZipRefused(fileLabels.reader.unsupportedEncoding(part, declared));
  // Bytes of one byte per character declared UTF-16: the declaration is wrong, the bytes say UTF-8 (as libxml2 reads it).
  return known === "utf-16" ? "utf-8" : known;
}

/** The `encoding` of an XML declaration written in ASCII bytes, when the part begins with one. */
function declaredEncoding(head: Uint8Array): string | undefined {
  let declaration = "";
  for (let i = 0; i < head.length && i < HEAD_BYTES; i++) {
    declaration += String.fromCharCode(head[i]);
    if (declaration.endsWith("?>")) break;
  }
  if (!declaration.startsWith("<?xml") || !declaration.endsWith("?>")) return undefined;
  return /\sencoding\s*=\s*(["'])([^"']*)\1/.exec(declaration)?.[2];
}

/** The declaration of a decoded part, rewritten to name the encoding its text is now in when it named another. */
function declaredUtf8(text: string): string {
  if (!text.startsWith("<?xml")) return text;
  const end = text.indexOf("?>");
  if (end < 0) return text;
  const declaration = text
    .slice(0, end)
    .replace(/(\sencoding\s*=\s*)(["'])([^"']*)\2/, (whole, before: string, quote: string, name: string) =>
      DECLARED[name.toLowerCase()] === "utf-8" ? whole : `${before}${quote}UTF-8${quote}`,
    );
  return declaration + text.slice(end);
}

function concatenated(first: Uint8Array, second: Uint8Array): Uint8Array {
  if (first.length === 0) return second;
  const joined = new Uint8Array(first.length + second.length);
  joined.set(first);
  joined.set(second, first.length);
  return joined;
}

/** The text of an XML part as its bytes arrive; refuses, in French naming the part, what it cannot decode. */
export async function* xmlText(bytes: AsyncIterable<Uint8Array>, part: string): AsyncGenerator<string> {
  let head: Uint8Array = new Uint8Array(0);
  let decoder: TextDecoder | undefined;
  let encoding: Encoding = "utf-8";
  const decode = (chunk: Uint8Array | undefined, stream: boolean): string => {
    try {
      return decoder!.decode(chunk, { stream });
    } catch {
      throw new ZipRefused(fileLabels.reader.badBytes(part, fileLabels.encodings[encoding]));
    }
  };
  const start = (): string => {
    encoding = encodingOf(head, part);
    decoder = new TextDecoder(encoding, { fatal: true });
    const text = decode(head, true);
    head = new Uint8Array(0);
    return declaredUtf8(text);
  };
  for await (const chunk of bytes) {
    if (decoder) {
      const text = decode(chunk, true);
      if (text) yield text;
      continue;
    }
    head = concatenated(head, chunk);
    if (head.length < HEAD_BYTES) continue;
    const text = start();
    if (text) yield text;
  }
  if (!decoder) {
    const text = start();
    if (text) yield text;
  }
  const rest = decode(undefined, false);
  if (rest) yield rest;
}
