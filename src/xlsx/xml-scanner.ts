/**
 * A small XML scanner for the parts of a workbook, fed text chunk by chunk as the zip entry inflates. A sheet of a
 * territory holds some 50 000 cells: a general SAX parser that walks every character through a state machine spends
 * most of the consolidation's time (and its garbage) there. This one jumps from `<` to `>` with indexOf, reads
 * attributes only when a handler asks for them, and still refuses what is not well formed: tags that do not match,
 * an unknown entity, a malformed attribute, a part that ends inside a tag or with elements left open.
 *
 * Every character is searched once, whatever the chunks: text between tags is gathered in pieces and decoded when its
 * end is seen (an entity may be cut between two chunks), and the end of a comment, CDATA section or processing
 * instruction is looked for only in what arrived since the last look. Only tags are searched again from their start
 * when a chunk ends inside one, which their bounded size keeps cheap: a part made to be scanned forever (one long
 * tag, one long comment) is refused instead.
 *
 * What a workbook's XML does not use is refused rather than half-read: a DOCTYPE with an internal subset (entity
 * definitions, the « billion laughs »), since no Office writer emits one.
 */
import { fileLabels } from "../labels/catalog";

const words = fileLabels.xml;

export class XmlMalformed extends Error {}

/** Longest start or end tag (its attributes included) or DOCTYPE: Office writers keep tags to a few kilobytes. */
export const MAX_TAG_CHARS = 1024 * 1024;
/** Longest comment or processing instruction: they carry nothing a reader needs. */
export const MAX_MARKUP_CHARS = 8 * 1024 * 1024;

/** A start tag. `attribute` reads one attribute, its entities decoded; the name is as written (prefix included). */
export interface XmlTag {
  readonly name: string;
  readonly selfClosing: boolean;
  attribute(name: string): string | undefined;
  /** Every attribute, for the few tags whose attribute names vary (`r:id` under any prefix). */
  attributes(): Map<string, string>;
  /** Whether the tag declares a namespace (`xmlns…`). */
  declaresNamespaces(): boolean;
}

export interface XmlHandlers {
  open?(tag: XmlTag): void;
  close?(name: string): void;
  /**
   * Character data between tags, entities decoded; CDATA sections too. Characters XML forbids (a `&#1;`) are handed
   * on as they are: the reader of a cell says which cell holds one (see `forbiddenCharacter`).
   */
  text?(text: string): void;
  /** Whether the text at this point is wanted: the whitespace between a sheet's tags is then never copied. */
  wantsText?(): boolean;
}

/**
 * The first character XML 1.0 does not allow (2.2: controls but tab, LF and CR; U+FFFE, U+FFFF; a surrogate without
 * its pair), as a code unit, or undefined. One pass over the text, which most characters leave at the first test.
 */
export function forbiddenCharacter(text: string): number | undefined {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x20 && code < 0xd800) continue;
    if (code < 0x20) {
      if (code !== 0x09 && code !== 0x0a && code !== 0x0d) return code;
    } else if (code <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return code;
      i++;
    } else if (code <= 0xdfff || code === 0xfffe || code === 0xffff) {
      return code;
    }
  }
  return undefined;
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function decodeEntities(raw: string): string {
  if (!raw.includes("&")) return raw;
  return raw.replace(/&([^;&\s<]*);?/g, (whole, name: string) => {
    if (!whole.endsWith(";")) throw new XmlMalformed(words.badEntity(whole));
    if (name.startsWith("#")) {
      const hex = name[1] === "x" || name[1] === "X";
      const digits = name.slice(hex ? 2 : 1);
      // parseInt reads a prefix: `&#12abc;` or `&#x;` would otherwise pass as a character.
      if (!(hex ? /^[0-9A-Fa-f]{1,8}$/ : /^[0-9]{1,10}$/).test(digits)) throw new XmlMalformed(words.badEntity(whole));
      const code = parseInt(digits, hex ? 16 : 10);
      if (code > 0x10ffff) throw new XmlMalformed(words.badEntity(whole));
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

/**
 * An attribute value as XML reads it (3.3.3): line ends and tabs are spaces; `&#10;` stays a line break. A value
 * holding a character XML forbids is refused: no cell is there to tell it at. Most values (`A1`, `s`, `3`) are
 * plain: one look at each character sends them back as they are.
 */
function attributeOf(raw: string): string {
  for (let i = 0; i < raw.length; i++) {
    const code = raw.charCodeAt(i);
    if (code < 0x20 || code === 0x26 /* & */ || code >= 0xd800) return unusualAttribute(raw);
  }
  return raw;
}

function unusualAttribute(raw: string): string {
  const value = decodeEntities(/[\r\n\t]/.test(raw) ? raw.replace(/\r\n?|[\n\t]/g, " ") : raw);
  const forbidden = forbiddenCharacter(value);
  if (forbidden !== undefined) throw new XmlMalformed(words.forbiddenCharacter(forbidden));
  return value;
}

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;
}

/** Where the attribute last read by `readAttribute` lies in its tag; one object, so that reading allocates nothing. */
const found = { nameStart: 0, nameEnd: 0, valueStart: 0, valueEnd: 0 };

/**
 * The attribute that starts at or after `i` (spaces first) in `raw`, up to `to`: its place is left in `found`, and
 * where the next may start is returned, or -1 when the tag has no more. Attributes are read in order, each value
 * skipped whole, so that a name is never found inside another attribute's value.
 */
function readAttribute(raw: string, i: number, to: number): number {
  while (i < to && isSpace(raw.charCodeAt(i))) i++;
  if (i >= to) return -1;
  const nameStart = i;
  while (i < to) {
    const code = raw.charCodeAt(i);
    if (code === 0x3d /* = */ || isSpace(code)) break;
    i++;
  }
  const nameEnd = i;
  while (i < to && isSpace(raw.charCodeAt(i))) i++;
  if (nameEnd === nameStart || raw.charCodeAt(i) !== 0x3d) throw new XmlMalformed(words.badAttribute(raw.slice(nameStart, Math.min(to, nameStart + 40))));
  i++;
  while (i < to && isSpace(raw.charCodeAt(i))) i++;
  const quote = raw.charCodeAt(i);
  const close = quote === 0x22 ? raw.indexOf('"', i + 1) : quote === 0x27 ? raw.indexOf("'", i + 1) : -1;
  if (close < 0 || close >= to) throw new XmlMalformed(words.badAttribute(raw.slice(nameStart, Math.min(to, nameStart + 40))));
  found.nameStart = nameStart;
  found.nameEnd = nameEnd;
  found.valueStart = i + 1;
  found.valueEnd = close;
  return close + 1;
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
    const { raw, to } = this;
    for (let i = readAttribute(raw, this.from, to); i >= 0; i = readAttribute(raw, i, to)) {
      if (found.nameEnd - found.nameStart === wanted.length && raw.startsWith(wanted, found.nameStart)) {
        return attributeOf(raw.slice(found.valueStart, found.valueEnd));
      }
    }
    return undefined;
  }

  declaresNamespaces(): boolean {
    const { raw, to } = this;
    for (let i = readAttribute(raw, this.from, to); i >= 0; i = readAttribute(raw, i, to)) if (raw.startsWith("xmlns", found.nameStart)) return true;
    return false;
  }

  attributes(): Map<string, string> {
    const all = new Map<string, string>();
    const { raw, to } = this;
    for (let i = readAttribute(raw, this.from, to); i >= 0; i = readAttribute(raw, i, to)) {
      all.set(raw.slice(found.nameStart, found.nameEnd), attributeOf(raw.slice(found.valueStart, found.valueEnd)));
    }
    return all;
  }
}

/** A comment, CDATA section or processing instruction whose end has not arrived yet. */
interface OpenMarkup {
  end: "-->" | "]]>" | "?>";
  /** What it holds so far, kept only for a CDATA section whose text is wanted. */
  parts: string[] | undefined;
  size: number;
  /** Its last characters, where the first part of its end may already be. */
  tail: string;
}

export class XmlScanner {
  /** The beginning of a tag (or of `<!`…) cut by the end of the last chunk: at most MAX_TAG_CHARS. */
  private pending = "";
  /** Pieces of the text not yet ended by a `<`, when the text is wanted. */
  private textParts: string[] = [];
  /** Whether text has begun that no `<` has ended yet, and whether it is wanted. */
  private textOpen = false;
  private textWanted = false;
  /** Text that is not blank after the root element, with nothing after it yet. */
  private stray = false;
  private markup: OpenMarkup | undefined;
  private readonly open: string[] = [];
  private seenRoot = false;

  constructor(private readonly handlers: XmlHandlers) {}

  write(chunk: string): void {
    if (this.markup) {
      const after = this.continueMarkup(chunk);
      if (after < 0) return;
      chunk = chunk.slice(after);
    }
    const buffer = this.pending === "" ? chunk : this.pending + chunk;
    this.pending = "";
    const rest = this.scan(buffer);
    if (rest < buffer.length) {
      if (buffer.length - rest > MAX_TAG_CHARS) throw new XmlMalformed(words.tagTooLong(MAX_TAG_CHARS));
      this.pending = buffer.slice(rest);
    }
  }

  close(): void {
    if (this.pending !== "" || this.markup || this.stray) throw new XmlMalformed(words.truncated);
    if (this.open.length > 0) throw new XmlMalformed(words.unclosed(this.open[this.open.length - 1]));
    if (!this.seenRoot) throw new XmlMalformed(words.empty);
  }

  private wantsTextNow(): boolean {
    const { handlers } = this;
    return this.open.length > 0 && handlers.text !== undefined && (!handlers.wantsText || handlers.wantsText());
  }

  /** Text from `from` to the end of `buffer`, which a later chunk continues. */
  private textGoesOn(buffer: string, from: number): void {
    if (from >= buffer.length) return;
    if (!this.textOpen) {
      this.textOpen = true;
      this.textWanted = this.wantsTextNow();
    }
    if (this.textWanted) this.textParts.push(buffer.slice(from));
    else if (this.open.length === 0) this.stray ||= buffer.slice(from).trim() !== "";
  }

  /** Text from `from` to the `<` at `lt`, the end of the text (and maybe of pieces gathered before). */
  private textEnds(buffer: string, from: number, lt: number): void {
    const wanted = this.textOpen ? this.textWanted : lt > from && this.wantsTextNow();
    this.textOpen = false;
    this.stray = false;
    if (!wanted) {
      this.textParts.length = 0;
      return;
    }
    let raw = buffer.slice(from, lt);
    if (this.textParts.length > 0) {
      this.textParts.push(raw);
      raw = this.textParts.join("");
      this.textParts = [];
    }
    if (raw !== "") this.handlers.text?.(textOf(raw));
  }

  /** Handles every complete token of `buffer`; returns where the incomplete rest begins. */
  private scan(buffer: string): number {
    const { handlers } = this;
    let p = 0;
    for (;;) {
      const lt = buffer.indexOf("<", p);
      if (lt < 0) {
        this.textGoesOn(buffer, p);
        return buffer.length;
      }
      if (lt > p || this.textOpen) this.textEnds(buffer, p, lt);
      const next = buffer.charCodeAt(lt + 1);
      if (Number.isNaN(next)) return lt;
      if (next === 0x21 /* ! */) {
        const end = this.special(buffer, lt);
        if (end === -1) return lt;
        if (end === -2) return buffer.length;
        p = end;
      } else if (next === 0x3f /* ? */) {
        const end = buffer.indexOf("?>", lt + 2);
        if (end < 0) {
          this.markupGoesOn(buffer, lt + 2, "?>");
          return buffer.length;
        }
        if (end - lt > MAX_MARKUP_CHARS) throw new XmlMalformed(words.markupTooLong(MAX_MARKUP_CHARS));
        p = end + 2;
      } else if (next === 0x2f /* / */) {
        const gt = buffer.indexOf(">", lt + 2);
        if (gt < 0) return lt;
        if (gt - lt > MAX_TAG_CHARS) throw new XmlMalformed(words.tagTooLong(MAX_TAG_CHARS));
        const expected = this.open.pop();
        // The name is compared in place: a sheet closes some 100 000 tags, none of them needs copying.
        const matches = expected !== undefined && buffer.startsWith(expected, lt + 2) && buffer.slice(lt + 2 + expected.length, gt).trim() === "";
        if (!matches) throw new XmlMalformed(words.mismatched(buffer.slice(lt + 2, Math.min(gt, lt + 42)).trim(), expected));
        handlers.close?.(expected);
        p = gt + 1;
      } else {
        const end = this.startTag(buffer, lt);
        if (end < 0) return lt;
        p = end;
      }
    }
  }

  /**
   * A comment, CDATA section or processing instruction whose content starts at `from` and whose end is not in
   * `buffer`: what is there is taken (kept for a wanted CDATA section), and the end is looked for in the next chunks.
   */
  private markupGoesOn(buffer: string, from: number, end: OpenMarkup["end"]): void {
    const content = buffer.slice(from);
    const parts = end === "]]>" && this.wantsTextNow() ? [content] : undefined;
    this.markup = { end, parts, size: content.length, tail: content.slice(-(end.length - 1)) };
    this.checkMarkupSize();
  }

  private checkMarkupSize(): void {
    const markup = this.markup!;
    if (markup.end !== "]]>" && markup.size > MAX_MARKUP_CHARS) throw new XmlMalformed(words.markupTooLong(MAX_MARKUP_CHARS));
  }

  /** The next chunk of an open comment, CDATA section or processing instruction: where the rest begins, or -1. */
  private continueMarkup(chunk: string): number {
    const markup = this.markup!;
    const joined = markup.tail + chunk;
    const at = joined.indexOf(markup.end);
    if (at < 0) {
      markup.parts?.push(chunk);
      markup.size += chunk.length;
      markup.tail = joined.slice(-(markup.end.length - 1));
      this.checkMarkupSize();
      return -1;
    }
    // Where the content ends in `chunk`: before its start when the end began in the tail.
    const cut = at - markup.tail.length;
    markup.size += Math.max(0, cut);
    this.checkMarkupSize();
    this.markup = undefined;
    if (markup.parts) {
      const whole = markup.parts.join("") + chunk.slice(0, Math.max(0, cut));
      const content = cut < 0 ? whole.slice(0, whole.length + cut) : whole;
      if (this.open.length > 0) this.handlers.text?.(normalizedLines(content));
    }
    return cut + markup.end.length;
  }

  /**
   * `<!-- -->`, `<![CDATA[ ]]>` or `<!DOCTYPE >`: where it ends, -1 when its beginning is not complete yet, or -2
   * when the rest of the buffer was taken as the beginning of a comment or CDATA section.
   */
  private special(buffer: string, lt: number): number {
    if (buffer.startsWith("<!--", lt)) {
      const end = buffer.indexOf("-->", lt + 4);
      if (end < 0) {
        this.markupGoesOn(buffer, lt + 4, "-->");
        return -2;
      }
      if (end - lt > MAX_MARKUP_CHARS) throw new XmlMalformed(words.markupTooLong(MAX_MARKUP_CHARS));
      return end + 3;
    }
    if (buffer.startsWith("<![CDATA[", lt)) {
      const end = buffer.indexOf("]]>", lt + 9);
      if (end < 0) {
        this.markupGoesOn(buffer, lt + 9, "]]>");
        return -2;
      }
      if (this.open.length > 0) this.handlers.text?.(normalizedLines(buffer.slice(lt + 9, end)));
      return end + 3;
    }
    if (buffer.length - lt < 9) return -1;
    if (buffer.startsWith("<!DOCTYPE", lt)) {
      const gt = buffer.indexOf(">", lt);
      if (gt < 0) return -1;
      if (gt - lt > MAX_TAG_CHARS) throw new XmlMalformed(words.tagTooLong(MAX_TAG_CHARS));
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
    if (i - lt > MAX_TAG_CHARS) throw new XmlMalformed(words.tagTooLong(MAX_TAG_CHARS));
    const selfClosing = buffer.charCodeAt(i - 1) === 0x2f;
    if (this.open.length === 0 && this.seenRoot) throw new XmlMalformed(words.secondRoot(name));
    this.seenRoot = true;
    if (!selfClosing) this.open.push(name);
    this.handlers.open?.(new ScannedTag(name, selfClosing, buffer, from, selfClosing ? i - 1 : i));
    if (selfClosing) this.handlers.close?.(name);
    return i + 1;
  }
}
