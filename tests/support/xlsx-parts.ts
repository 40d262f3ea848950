/**
 * A workbook as its raw parts, for tests (and benches) that write what no tool we have would: bytes in another
 * encoding, a row past Excel's grid, a cell holding a character XML forbids. Edited as text or bytes, zipped again
 * with zlib.
 */
import JSZip from "jszip";
import { zipOf } from "./zips";

export type Parts = Record<string, Buffer>;

export async function partsOf(bytes: Uint8Array): Promise<Parts> {
  const zip = await JSZip.loadAsync(bytes);
  const parts: Parts = {};
  for (const [name, entry] of Object.entries(zip.files)) if (!entry.dir) parts[name] = Buffer.from(await entry.async("uint8array"));
  return parts;
}

/** The part of the sheet named `sheet`, found through the workbook and its relationships as a reader finds it. */
export function sheetPart(parts: Parts, sheet: string): string {
  const workbook = parts["xl/workbook.xml"].toString("utf8");
  const rels = parts["xl/_rels/workbook.xml.rels"].toString("utf8");
  // Writers differ in how they write an apostrophe in an attribute: as it is, or as `&apos;`.
  const escaped = sheet
    .replace(/&/g, "&amp;")
    .replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
    .replace(/'/g, "(?:'|&apos;)");
  const id = new RegExp(`<sheet [^>]*name="${escaped}"[^>]*r:id="([^"]+)"`).exec(workbook)?.[1];
  if (!id) throw new Error(`no sheet ${sheet}`);
  const target = new RegExp(`<Relationship [^>]*Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1];
  if (!target) throw new Error(`no relationship ${id}`);
  return target.startsWith("/") ? target.slice(1) : `xl/${target}`;
}

/** Rewrites a part's UTF-8 text. */
export function editText(parts: Parts, name: string, edit: (text: string) => string): void {
  parts[name] = Buffer.from(edit(parts[name].toString("utf8")), "utf8");
}

export function zipped(parts: Parts): Uint8Array {
  return zipOf(parts);
}

/**
 * Text as ISO-8859-1 bytes, declared so: characters past U+00FF (œ, ’, the narrow no-break space) become character
 * references, as a Latin-1 writer must write them.
 */
export function latin1(text: string): Buffer {
  const declared = text.replace(/^<\?xml([^?]*)encoding="[^"]*"/, '<?xml$1encoding="ISO-8859-1"');
  let escaped = "";
  for (const char of declared) escaped += char.codePointAt(0)! > 0xff ? `&#x${char.codePointAt(0)!.toString(16)};` : char;
  return Buffer.from(escaped, "latin1");
}

/** Text as UTF-16 bytes: little-endian with its byte order mark, or big-endian without one, declared UTF-16. */
export function utf16(text: string, order: "le" | "be"): Buffer {
  const declared = text.replace(/^<\?xml([^?]*)encoding="[^"]*"/, '<?xml$1encoding="UTF-16"');
  const little = Buffer.from(order === "le" ? `\ufeff${declared}` : declared, "utf16le");
  return order === "le" ? little : little.swap16();
}
