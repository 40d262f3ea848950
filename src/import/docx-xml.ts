/**
 * A streaming check of one XML part of a Word document, fed as it inflates: well-formedness (tags closed in order,
 * one root, nothing cut), and each element handed on with its namespace resolved from the `xmlns` declarations in
 * scope, whatever prefix the document chose (`<w:p>`, `<x:p>` or a default namespace). Nothing of the document is
 * kept but the names of the open elements, so that a hostile part is judged in constant memory.
 */
import { fileLabels } from "../labels/catalog";

const t = fileLabels.xml;

const XML_NAMESPACE = "http://www.w3.org/XML/1998/namespace";
const ATTRIBUTE = /\s+([^\s=/>]+)\s*=\s*("[^"]*"|'[^']*')/y;

/** The part is not well-formed XML; the message is a detail of fileLabels.xml. */
export class XmlMalformed extends Error {}

export interface XmlElement {
  namespace: string | undefined;
  localName: string;
  /** The attributes as written (qualified names, values with their entities decoded). */
  attributes: readonly (readonly [string, string])[];
}

interface OpenElement {
  name: string;
  /** The bindings this element's declarations replaced, restored when it closes. */
  replaced?: (readonly [string, string | undefined])[];
}

/** Markup whose end is searched for: a fixed terminator, or a tag's `>` outside quoted values. */
interface Pending {
  terminator?: string;
  /** Where the search resumes in the carried text, so that a long token is never scanned twice. */
  from: number;
  quote?: string;
  doctype?: boolean;
}

export class XmlPartScanner {
  private carry = "";
  private pending: Pending | undefined;
  private readonly open: OpenElement[] = [];
  private readonly scope = new Map<string, string>([["xml", XML_NAMESPACE]]);
  private rootClosed = false;
  private sawRoot = false;

  constructor(private readonly onElement: (element: XmlElement) => void) {}

  feed(chunk: string): void {
    const text = this.carry + chunk;
    let at = 0;
    for (;;) {
      const markup = this.pending ? 0 : text.indexOf("<", at);
      if (markup < 0) {
        at = text.length;
        break;
      }
      const end = this.markupEnd(text, markup);
      if (end < 0) {
        at = markup;
        break;
      }
      this.pending = undefined;
      this.markup(text.slice(markup, end));
      at = end;
    }
    this.carry = text.slice(at);
  }

  /** The part ended: anything still open or cut is malformed. */
  end(): void {
    if (this.carry.includes("<")) throw new XmlMalformed(t.truncated);
    if (this.open.length > 0) throw new XmlMalformed(t.unclosed(this.open[this.open.length - 1].name));
    if (!this.sawRoot) throw new XmlMalformed(t.empty);
  }

  /** The index just past the markup starting at `start`, or -1 when the text ends inside it (remembered in `pending`). */
  private markupEnd(text: string, start: number): number {
    if (!this.pending) {
      // Until the kind of markup is known, nothing is remembered: the next chunk starts again from its `<`.
      if (start + 1 >= text.length) return -1;
      if (text[start + 1] === "?") this.pending = { terminator: "?>", from: 2 };
      else if (text[start + 1] === "!") {
        const head = text.slice(start, start + 9);
        if (head.startsWith("<!--")) this.pending = { terminator: "-->", from: 4 };
        else if (head.startsWith("<![CDATA[")) this.pending = { terminator: "]]>", from: 9 };
        else if (head.startsWith("<!DOCTYPE")) this.pending = { from: 9, doctype: true };
        else if (head.length < 9 && ["<!--", "<![CDATA[", "<!DOCTYPE"].some((kind) => kind.startsWith(head))) return -1;
        else throw new XmlMalformed(t.unexpected(head));
      } else this.pending = { from: 1 };
    }
    const pending = this.pending;
    if (pending.terminator) {
      const found = text.indexOf(pending.terminator, start + pending.from);
      if (found >= 0) return found + pending.terminator.length;
      pending.from = Math.max(pending.from, text.length - start - pending.terminator.length + 1);
      return -1;
    }
    for (let index = start + pending.from; index < text.length; index++) {
      const char = text[index];
      if (pending.quote) {
        if (char === pending.quote) pending.quote = undefined;
      } else if (char === '"' || char === "'") pending.quote = char;
      else if (char === ">") return index + 1;
      // Internal definitions are how entity bombs are built; Word never writes a DOCTYPE at all.
      else if (char === "[" && pending.doctype) throw new XmlMalformed(t.doctype);
      else if (char === "<") throw new XmlMalformed(t.unexpected(text.slice(start, Math.min(index, start + 40))));
    }
    pending.from = text.length - start;
    return -1;
  }

  private markup(markup: string): void {
    if (markup.startsWith("<?") || markup.startsWith("<!--") || markup.startsWith("<![CDATA[")) return;
    if (markup.startsWith("<!DOCTYPE")) return;
    if (markup.startsWith("</")) return this.close(markup);
    const selfClosing = markup.endsWith("/>");
    const body = markup.slice(1, selfClosing ? -2 : -1);
    const name = /^[^\s/>]+/.exec(body)?.[0];
    if (!name) throw new XmlMalformed(t.unexpected(markup.slice(0, 40)));
    if (this.rootClosed) throw new XmlMalformed(t.secondRoot(name));
    this.sawRoot = true;
    const attributes: [string, string][] = [];
    let parsed = name.length;
    ATTRIBUTE.lastIndex = parsed;
    for (let match = ATTRIBUTE.exec(body); match; match = ATTRIBUTE.exec(body)) {
      attributes.push([match[1], decodeEntities(match[2].slice(1, -1))]);
      parsed = ATTRIBUTE.lastIndex;
    }
    if (body.slice(parsed).trim()) throw new XmlMalformed(t.unexpected(markup.slice(0, 40)));
    const element: OpenElement = { name };
    for (const [attribute, value] of attributes) {
      const prefix = attribute === "xmlns" ? "" : attribute.startsWith("xmlns:") ? attribute.slice(6) : undefined;
      if (prefix === undefined) continue;
      (element.replaced ??= []).push([prefix, this.scope.get(prefix)]);
      if (value) this.scope.set(prefix, value);
      else this.scope.delete(prefix);
    }
    const colon = name.indexOf(":");
    const prefix = colon > 0 ? name.slice(0, colon) : "";
    this.onElement({ namespace: this.scope.get(prefix), localName: name.slice(colon + 1), attributes });
    if (selfClosing) this.restore(element);
    else this.open.push(element);
    if (selfClosing && this.open.length === 0) this.rootClosed = true;
  }

  private close(markup: string): void {
    const name = markup.slice(2, -1).trim();
    const element = this.open.pop();
    if (!element || element.name !== name) throw new XmlMalformed(t.mismatched(name, element?.name));
    this.restore(element);
    if (this.open.length === 0) this.rootClosed = true;
  }

  private restore(element: OpenElement): void {
    if (!element.replaced) return;
    for (let index = element.replaced.length - 1; index >= 0; index--) {
      const [prefix, previous] = element.replaced[index];
      if (previous === undefined) this.scope.delete(prefix);
      else this.scope.set(prefix, previous);
    }
  }
}

function decodeEntities(value: string): string {
  if (!value.includes("&")) return value;
  return value.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (_, entity: string) => {
    if (entity === "lt") return "<";
    if (entity === "gt") return ">";
    if (entity === "amp") return "&";
    if (entity === "quot") return '"';
    if (entity === "apos") return "'";
    const code = entity.startsWith("#x") ? parseInt(entity.slice(2), 16) : Number(entity.slice(1));
    return code <= 0x10ffff ? String.fromCodePoint(code) : "";
  });
}
