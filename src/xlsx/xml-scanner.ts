/**
 * A small XML scanner for the parts of a workbook, fed text chunk by chunk as the zip entry inflates. A sheet of a
 * territory holds some 50 000 cells: a general SAX parser that walks every character through a state machine spends
 * most of the consolidation's time (and its garbage) there. This one jumps from `<` to `>` with indexOf, reads
 * attributes only when a handler asks for them, and still refuses what is not well formed: tags that do not match,
 * an unknown entity, a part that ends inside a tag or with elements left open.
 *
 * What a workbook's XML does not use is refused rather than half-read: a DOCTYPE with an internal subset (entity
 * definitions, the « billion laughs »), since no Office writer emits one.
 */
import { fileLabels } from "../labels/catalog";

const words = fileLabels.xml;

export class XmlMalformed extends Error {}

/** A start tag. `attribute` reads one attribute, its entities decoded; the name is as written (prefix included). */
export interface XmlTag {
  readonly name: string;
  readonly selfClosing: boolean;
  attribute(name: string): string | undefined;
  /** Every attribute, for the few tags whose attribute names vary (`r:id` under any prefix). */
  attributes(): Map<string, string>;
  /** Whether the tag declares a namespace (`xmlns…`), found without reading its attributes. */
  declaresNamespaces(): boolean;
}

export interface XmlHandlers {
  open?(tag: XmlTag): void;
  close?(name: string): void;
  /** Character data between tags, entities decoded; CDATA sections too. */
  text?(text: string): void;
  /** Whether the text at this point is wanted: the whitespace between a sheet's tags is then never copied. */
  wantsText?(): boolean;
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function decodeEntities(raw: string): string {
  if (!raw.includes("&")) return raw;
  return raw.replace(/&([^;&\s<]*);?/g, (whole, name: string) => {
    if (!whole.endsWith(";")) throw new XmlMalformed(words.badEntity(whole));
    if (name.startsWith("#")) {
      const code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      if (!Number.isFinite(code) || code < 0 || code > 0x10ffff) throw new XmlMalformed(words.badEntity(whole));
      return String.fromCodePoint(code);
    }
    const known = ENTITIES[name];
    if (known === undefined) throw new XmlMalformed(words.badEntity(whole));
    return known;
  });
}

/** One-letter names (a sheet's `c`, `v`, `f`, a string's `t`), the same string each time instead of a copy. */
const SHORT_NAMES: Record<number, string> = Object.fromEntries([..."abcdefghijklmnopqrstuvwxyz"].map((letter) => [letter.charCodeAt(0), letter]));

function normalizedLines(raw: string): string {
  return raw.includes("\r") ? raw.replace(/\r\n?/g, "\n") : raw;
}

/** Line ends as XML reads them (XML 1.0, 2.11): CR LF and a lone CR are a LF, before any entity is decoded. */
function textOf(raw: string): string {
  return decodeEntities(normalizedLines(raw));
}

/** An attribute value as XML reads it (3.3.3): line ends and tabs are spaces; `&#10;` stays a line break. */
function attributeOf(raw: string): string {
  return decodeEntities(/[\r\n\t]/.test(raw) ? raw.replace(/\r\n?|[\n\t]/g, " ") : raw);
}

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;
}

/**
 * A start tag, read in place in the scanner's buffer between `from` (after its name) and `to` (its `>` or `/>`):
 * its attributes are found when asked, without copying the tag. Valid only during the handler's call.
 */
class ScannedTag implements XmlTag {
  constructor(
    readonly name: string,
    readonly selfClosing: boolean,
    private readonly raw: string,
    private readonly from: number,
    private readonly to: number,
  ) {}

  attribute(wanted: string): string | undefined {
    const raw = this.raw;
    let at = raw.indexOf(wanted, this.from);
    while (at >= 0 && at < this.to) {
      const end = at + wanted.length;
      if (isSpace(raw.charCodeAt(at - 1))) {
        let i = end;
        while (isSpace(raw.charCodeAt(i))) i++;
        if (raw.charCodeAt(i) === 0x3d /* = */) {
          i++;
          while (isSpace(raw.charCodeAt(i))) i++;
          const quote = raw[i];
          if (quote === '"' || quote === "'") {
            const close = raw.indexOf(quote, i + 1);
            if (close > i && close < this.to) return attributeOf(raw.slice(i + 1, close));
          }
        }
      }
      at = raw.indexOf(wanted, end);
    }
    return undefined;
  }

  declaresNamespaces(): boolean {
    // Within the tag only: an unbounded search would walk the rest of the chunk for every tag.
    const raw = this.raw;
    for (let i = this.from; i < this.to - 4; i++) if (raw.charCodeAt(i) === 0x78 /* x */ && raw.startsWith("xmlns", i)) return true;
    return false;
  }

  attributes(): Map<string, string> {
    const found = new Map<string, string>();
    const raw = this.raw;
    let i = this.from;
    for (;;) {
      while (isSpace(raw.charCodeAt(i))) i++;
      const equals = raw.indexOf("=", i);
      if (equals < 0 || equals >= this.to) return found;
      const name = raw.slice(i, equals).trim();
      let j = equals + 1;
      while (isSpace(raw.charCodeAt(j))) j++;
      const quote = raw[j];
      const close = quote === '"' || quote === "'" ? raw.indexOf(quote, j + 1) : -1;
      if (close < 0 || close >= this.to) return found;
      found.set(name, attributeOf(raw.slice(j + 1, close)));
      i = close + 1;
    }
  }
}

export class XmlScanner {
  private pending = "";
  private readonly open: string[] = [];
  private seenRoot = false;

  constructor(private readonly handlers: XmlHandlers) {}

  write(chunk: string): void {
    const buffer = this.pending + chunk;
    this.pending = buffer.slice(this.scan(buffer));
  }

  close(): void {
    if (this.pending.trim() !== "") throw new XmlMalformed(words.truncated);
    if (this.open.length > 0) throw new XmlMalformed(words.unclosed(this.open[this.open.length - 1]));
    if (!this.seenRoot) throw new XmlMalformed(words.empty);
  }

  /** Handles every complete token of `buffer`; returns where the incomplete rest begins. */
  private scan(buffer: string): number {
    const { handlers } = this;
    let p = 0;
    for (;;) {
      const lt = buffer.indexOf("<", p);
      if (lt < 0) return p;
      if (lt > p && this.open.length > 0 && handlers.text && (!handlers.wantsText || handlers.wantsText())) handlers.text(textOf(buffer.slice(p, lt)));
      const next = buffer.charCodeAt(lt + 1);
      if (Number.isNaN(next)) return lt;
      if (next === 0x21 /* ! */) {
        const end = this.special(buffer, lt);
        if (end < 0) return lt;
        p = end;
      } else if (next === 0x3f /* ? */) {
        const end = buffer.indexOf("?>", lt + 2);
        if (end < 0) return lt;
        p = end + 2;
      } else if (next === 0x2f /* / */) {
        const gt = buffer.indexOf(">", lt + 2);
        if (gt < 0) return lt;
        const expected = this.open.pop();
        // The name is compared in place: a sheet closes some 100 000 tags, none of them needs copying.
        const matches = expected !== undefined && buffer.startsWith(expected, lt + 2) && buffer.slice(lt + 2 + expected.length, gt).trim() === "";
        if (!matches) throw new XmlMalformed(words.mismatched(buffer.slice(lt + 2, gt).trim(), expected));
        handlers.close?.(expected);
        p = gt + 1;
      } else {
        const end = this.startTag(buffer, lt);
        if (end < 0) return lt;
        p = end;
      }
    }
  }

  /** `<!-- -->`, `<![CDATA[ ]]>` or `<!DOCTYPE >`: where it ends, or -1 when it is not complete yet. */
  private special(buffer: string, lt: number): number {
    if (buffer.startsWith("<!--", lt)) {
      const end = buffer.indexOf("-->", lt + 4);
      return end < 0 ? -1 : end + 3;
    }
    if (buffer.startsWith("<![CDATA[", lt)) {
      const end = buffer.indexOf("]]>", lt + 9);
      if (end < 0) return -1;
      if (this.open.length > 0) this.handlers.text?.(normalizedLines(buffer.slice(lt + 9, end)));
      return end + 3;
    }
    if (buffer.length - lt < 9) return -1;
    if (buffer.startsWith("<!DOCTYPE", lt)) {
      const gt = buffer.indexOf(">", lt);
      if (gt < 0) return -1;
      if (buffer.slice(lt, gt).includes("[")) throw new XmlMalformed(words.doctype);
      return gt + 1;
    }
    throw new XmlMalformed(words.unexpected(buffer.slice(lt, lt + 12)));
  }

  /** A start tag from `lt`: where it ends, or -1 when it is not complete yet (a `>` may sit inside a value). */
  private startTag(buffer: string, lt: number): number {
    let i = lt + 1;
    while (i < buffer.length) {
      const code = buffer.charCodeAt(i);
      if (isSpace(code) || code === 0x3e /* > */ || code === 0x2f /* / */) break;
      i++;
    }
    if (i >= buffer.length) return -1;
    const name = i === lt + 2 ? (SHORT_NAMES[buffer.charCodeAt(lt + 1)] ?? buffer[lt + 1]) : buffer.slice(lt + 1, i);
    if (name === "") throw new XmlMalformed(words.unexpected(buffer.slice(lt, lt + 12)));
    const from = i;
    for (;;) {
      const code = buffer.charCodeAt(i);
      if (Number.isNaN(code)) return -1;
      if (code === 0x22 /* " */ || code === 0x27 /* ' */) {
        const close = buffer.indexOf(buffer[i], i + 1);
        if (close < 0) return -1;
        i = close + 1;
      } else if (code === 0x3e /* > */) {
        break;
      } else {
        i++;
      }
    }
    const selfClosing = buffer.charCodeAt(i - 1) === 0x2f;
    if (this.open.length === 0 && this.seenRoot) throw new XmlMalformed(words.secondRoot(name));
    this.seenRoot = true;
    if (!selfClosing) this.open.push(name);
    this.handlers.open?.(new ScannedTag(name, selfClosing, buffer, from, selfClosing ? i - 1 : i));
    if (selfClosing) this.handlers.close?.(name);
    return i + 1;
  }
}
