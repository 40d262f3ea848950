/**
 * The workbook's shared string table. Texts repeated from row to row (a territory's name, a fiche's title, a
 * quarter, a status) are stored once and referred to by number. The table is bounded so that memory does not
 * grow with the size of what is written: long texts (comments, mostly unique) and any text past the limit stay in
 * their cell. An updated workbook keeps its table as it was, entry for entry (the cells the product does not own
 * refer to it by number); the product's texts take the entries of the same plain text already there, and only
 * new texts are added after them, so that the table does not grow with each update.
 */
import type { TextStore } from "./worksheet-xml";
import { textElement } from "./worksheet-xml";
import { NAMESPACES, XML_HEADER } from "./xml-text";

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** A `<t>`'s text as a reader reads it: entities decoded, and Excel's `_xHHHH_` escapes. */
function decodedText(raw: string): string {
  const text = raw.replace(/\r\n?/g, "\n").replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (whole, name: string) => {
    if (name.startsWith("#x")) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith("#")) return String.fromCodePoint(parseInt(name.slice(1), 10));
    return ENTITIES[name] ?? whole;
  });
  return text.includes("_x") ? text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : text;
}

export class SharedStrings implements TextStore {
  private readonly indexes = new Map<string, number>();
  private readonly texts: string[] = [];

  private readonly existing?: { xml: string; count: number };

  /** `existing`: the table part of a workbook being updated. */
  constructor(
    private readonly maxCount = 100_000,
    private readonly maxLength = 160,
    existing?: string,
  ) {
    if (existing !== undefined) this.existing = { xml: existing, count: this.seed(existing) };
  }

  /** Numbers the existing entries and knows those that are a plain text; returns how many there are. */
  private seed(xml: string): number {
    let index = 0;
    for (const entry of xml.matchAll(/<((?:[\w.-]+:)?)si\b[^>]*?(?:\/>|>([\s\S]*?)<\/\1si>)/g)) {
      const plain = entry[2] === undefined ? undefined : /^<(?:[\w.-]+:)?t(?:\s[^>]*)?>([^<]*)<\/(?:[\w.-]+:)?t>$/.exec(entry[2]);
      if (plain) {
        const text = decodedText(plain[1]);
        if (!this.indexes.has(text)) this.indexes.set(text, index);
      }
      index++;
    }
    return index;
  }

  index(text: string): number | undefined {
    const known = this.indexes.get(text);
    if (known !== undefined || text.length > this.maxLength || this.texts.length >= this.maxCount) return known;
    const index = (this.existing?.count ?? 0) + this.texts.length;
    this.texts.push(text);
    this.indexes.set(text, index);
    return index;
  }

  get size(): number {
    return this.texts.length;
  }

  *xml(): Generator<string> {
    if (this.existing) {
      yield* this.extended(this.existing.xml);
      return;
    }
    yield `${XML_HEADER}<sst xmlns="${NAMESPACES.main}" count="${this.texts.length}" uniqueCount="${this.texts.length}">`;
    for (const text of this.texts) yield `<si>${textElement(text)}</si>`;
    yield "</sst>";
  }

  /** The existing table, its counts dropped (they are optional, and would be wrong), the new texts at its end. */
  private *extended(xml: string): Generator<string> {
    const root = /<(?:([A-Za-z_][\w.-]*):)?sst\b[^>]*?(\/?)>/.exec(xml);
    if (!root) throw new Error("shared string table without its root element");
    const p = root[1] ? `${root[1]}:` : "";
    const open = root[0].replace(/\s(?:count|uniqueCount)="\d*"/g, "");
    const added = this.texts
      .map((text) => (p ? `<${p}si>${textElement(text).replace(/<(\/?)t\b/g, `<$1${p}t`)}</${p}si>` : `<si>${textElement(text)}</si>`))
      .join("");
    if (root[2]) {
      yield `${xml.slice(0, root.index)}${open.replace(/\/>$/, ">")}${added}</${p}sst>${xml.slice(root.index + root[0].length)}`;
      return;
    }
    const close = xml.lastIndexOf(`</${p}sst>`);
    yield `${xml.slice(0, root.index)}${open}${xml.slice(root.index + root[0].length, close)}`;
    yield added;
    yield xml.slice(close);
  }
}
