import { XmlMalformed, XmlScanner, forbiddenCharacter } from "../../src/xlsx/xml-scanner";

/** Every event of a document fed in chunks of `size` characters, as one list. */
function events(xml: string, size = xml.length): string[] {
  const seen: string[] = [];
  const scanner = new XmlScanner({
    open: (tag) =>
      seen.push(`<${tag.name} ${JSON.stringify(Object.fromEntries(tag.attributes()))} r=${tag.attribute("r") ?? "-"}${tag.selfClosing ? " /" : ""}>`),
    close: (name) => seen.push(`</${name}>`),
    text: (text) => seen.push(`"${text}"`),
  });
  for (let at = 0; at < xml.length; at += size) scanner.write(xml.slice(at, at + size));
  scanner.close();
  // Text split by a chunk boundary arrives in pieces: joined, as a reader gathers it.
  return seen.reduce<string[]>((joined, event) => {
    const last = joined[joined.length - 1];
    if (event.startsWith('"') && last?.startsWith('"')) joined[joined.length - 1] = `${last.slice(0, -1)}${event.slice(1)}`;
    else joined.push(event);
    return joined;
  }, []);
}

const SHEET = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<!-- écrit par un tableur -->
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://x">
  <sheetData>
    <row r="1" spans="1:2"><c r="A1" t="s"><v>0</v></c><c r='B1' t="inlineStr"><is><t xml:space="preserve"> a &amp; b &lt;&#233;&#x20AC;&gt; </t></is></c></row>
    <row r="2"><c r="A2" s="3" a="x>y"><f>SUM(A1)</f><v>1.5</v></c><c r="B2"/></row>
  </sheetData>
  <x:ext><![CDATA[<pas une balise> & brut]]></x:ext>
</worksheet>`;

describe("XML scanner of workbook parts", () => {
  it("gives tags, attributes (quotes of either kind, a > inside a value) and decoded text, the same whatever the chunks", () => {
    const whole = events(SHEET);
    expect(whole).toContain(`<c {"r":"A1","t":"s"} r=A1>`);
    expect(whole).toContain(`<c {"r":"B1","t":"inlineStr"} r=B1>`);
    expect(whole).toContain(`<c {"r":"A2","s":"3","a":"x>y"} r=A2>`);
    expect(whole).toContain(`<c {"r":"B2"} r=B2 />`);
    expect(whole).toContain(`" a & b <é€> "`);
    expect(whole).toContain(`"<pas une balise> & brut"`);
    expect(whole).toContain("</x:ext>");
    // `r` is not found inside `xmlns:r` nor in `spans`.
    expect(whole).toContain(`<row {"r":"1","spans":"1:2"} r=1>`);
    expect(whole.find((event) => event.startsWith("<worksheet"))).toMatch(/ r=->$/);
    for (const size of [1, 2, 3, 7, 64]) expect(events(SHEET, size)).toEqual(whole);
  });

  it("reads line ends as XML does: CR LF and CR are LF in text, spaces in attribute values; &#13; and &#10; are kept", () => {
    const read = events('<a b="x\r\ny\tz" c="1&#10;2"><t>l1\r\nl2\rl3&#13;</t><![CDATA[c1\r\nc2]]></a>', 3);
    expect(read).toContain('<a {"b":"x y z","c":"1\\n2"} r=->');
    expect(read).toContain('"l1\nl2\nl3\r"');
    expect(read).toContain('"c1\nc2"');
  });

  it.each([
    ["tags that do not match", "<a><b></a></b>", /balise fermante «\sa\s» au lieu de «\sb\s»/],
    ["a close tag without its open tag", "<a></a></b>", /balise fermante «\sb\s» sans balise ouvrante/],
    ["an unknown entity", "<a>&nbsp;</a>", /entité XML inconnue ou mal formée «\s&nbsp;\s»/],
    ["an entity without its semicolon", "<a>AT&T</a>", /entité XML inconnue ou mal formée «\s&T/],
    ["an element left open", "<a><b></b>", /élément XML «\sa\s» jamais fermé/],
    ["an end inside a tag", '<a><b c="1', /XML interrompu au milieu d'une balise/],
    ["a DOCTYPE with entity definitions", '<!DOCTYPE a [<!ENTITY x "xx">]><a>&x;</a>', /DOCTYPE avec définitions internes/],
    ["two root elements", "<a/><b/>", /second élément racine «\sb\s»/],
    ["nothing at all", "  ", /aucun élément XML/],
  ])("refuses %s, in French", (_, xml, message) => {
    expect(() => events(xml)).toThrow(XmlMalformed);
    expect(() => events(xml)).toThrow(message);
  });
});

/** The texts handed on, one per call, for a document fed in chunks of `size` characters. */
function texts(xml: string, size: number): string[] {
  const seen: string[] = [];
  const scanner = new XmlScanner({ text: (text) => seen.push(text) });
  for (let at = 0; at < xml.length; at += size) scanner.write(xml.slice(at, at + size));
  scanner.close();
  return seen;
}

const CHUNK = 64 * 1024;

describe("XML scanner: every character searched once", () => {
  it("gathers a text of 24 MB fed in 64 KB chunks, entities cut anywhere, and hands it on whole, once", () => {
    // Searched again from its start at each chunk, this text took minutes; searched once, it takes well under a second.
    const piece = "Très bien &amp; vite &#233;&#x20AC;\r\n";
    const body = piece.repeat(Math.ceil((24 * 1024 * 1024) / piece.length));
    const seen = texts(`<t>${body}</t>`, CHUNK);
    expect(seen).toHaveLength(1);
    const expected = "Très bien & vite é€\n";
    expect(seen[0].length).toBe(expected.length * (body.length / piece.length));
    expect(seen[0].startsWith(expected.repeat(3))).toBe(true);
    expect(seen[0].endsWith(expected.repeat(3))).toBe(true);
    // Room for a loaded machine: searched again at each chunk, the same text takes minutes, not seconds.
  }, 30_000);

  it("decodes entities and line ends cut by any chunk boundary, once the text is complete", () => {
    const xml = "<a><b>x &amp; y &#233;&#x20AC; &lt;z&gt;\r\nw\r</b><c/></a>";
    for (const size of [1, 2, 3, 4, 5, 7, 11]) expect([size, texts(xml, size)]).toEqual([size, ["x & y é€ <z>\nw\n"]]);
  });

  it("gathers a CDATA section of 20 MB in chunks, and takes a comment or instruction whose end is cut", () => {
    const body = "<pas une balise> & ]] ] >".repeat(800_000);
    expect(texts(`<a><![CDATA[${body}]]></a>`, CHUNK)).toEqual([body]);
    for (const size of [1, 2, 3, 5]) {
      expect(texts("<a>x<!-- - -- -><-->y<?pi ? >?>z<![CDATA[]] ]]]]></a>", size).join("")).toBe("xyz]] ]]");
    }
  });

  it.each([
    ["a comment over 8 MB", `<a><!--${"x".repeat(8 * 1024 * 1024 + 1)}--></a>`, /commentaire ou instruction XML de plus de 8\s388\s608 caractères/],
    ["an instruction over 8 MB", `<a><?pi ${"x".repeat(8 * 1024 * 1024 + 1)}?></a>`, /commentaire ou instruction XML de plus de 8\s388\s608 caractères/],
    ["a tag over 1 MB", `<a><c r="A1" x="${"x".repeat(1024 * 1024)}"/></a>`, /balise XML de plus de 1\s048\s576 caractères/],
    ["a tag name over 1 MB", `<a><${"c".repeat(1024 * 1024 + 1)}/></a>`, /balise XML de plus de 1\s048\s576 caractères/],
    ["an end tag over 1 MB", `<a></a${" ".repeat(1024 * 1024)}>`, /balise XML de plus de 1\s048\s576 caractères/],
  ])("refuses %s, in chunks or whole, instead of searching it again and again", (_, xml, message) => {
    for (const size of [CHUNK, xml.length]) expect(() => texts(xml, size)).toThrow(message);
  });
});

describe("XML scanner: attributes and characters", () => {
  it("reads an attribute only as an attribute, never inside another attribute's value", () => {
    const tags: { r?: string; t?: string; all: Record<string, string> }[] = [];
    const scanner = new XmlScanner({
      open: (tag) => {
        if (tag.name === "c") tags.push({ r: tag.attribute("r"), t: tag.attribute("t"), all: Object.fromEntries(tag.attributes()) });
      },
    });
    scanner.write(`<a><c x=' r="B2"' r="A1"/><c a="r=&quot;C3&quot; t=&quot;s&quot;" r = 'D4'/><c br="E5" rr="F6"/></a>`);
    scanner.close();
    expect(tags).toEqual([
      { r: "A1", t: undefined, all: { x: ' r="B2"', r: "A1" } },
      { r: "D4", t: undefined, all: { a: 'r="C3" t="s"', r: "D4" } },
      { r: undefined, t: undefined, all: { br: "E5", rr: "F6" } },
    ]);
  });

  it.each([
    ["an attribute without a value", "<a><c r/></a>"],
    ["an attribute without quotes", "<a><c r=A1/></a>"],
  ])("refuses %s when it is read, in French", (_, xml) => {
    const scanner = new XmlScanner({ open: (tag) => void tag.attribute("t") });
    expect(() => {
      scanner.write(xml);
      scanner.close();
    }).toThrow(/attribut XML mal formé/);
  });

  it("hands on characters XML forbids in text, for the cell to tell, and refuses them in an attribute", () => {
    const [text] = texts("<t>a&#0;b&#x1;c\u0008d&#xFFFE;&#xD800;&#x1F600;\te</t>", 3);
    // Lone surrogates built from their code: the test's compiler refuses them as escapes.
    const [high, low] = [String.fromCharCode(0xd800), String.fromCharCode(0xde00)];
    expect(text).toBe(`a\u0000b\u0001c\u0008d\ufffe${high}\u{1F600}\te`);
    expect(forbiddenCharacter(text)).toBe(0);
    expect(forbiddenCharacter("x\u0001")).toBe(1);
    expect(forbiddenCharacter("\ufffe")).toBe(0xfffe);
    expect(forbiddenCharacter("\uffff")).toBe(0xffff);
    expect(forbiddenCharacter(`a${high}b`)).toBe(0xd800);
    expect(forbiddenCharacter(`a${low}`)).toBe(0xde00);
    expect(forbiddenCharacter("é€ \u{1F600} \t\n\r \ud7ff \ue000 \ufffd")).toBeUndefined();
    for (const value of ["&#1;", "&#x0;", "\u0002", "&#xDC00;", "&#xFFFF;"]) {
      const scanner = new XmlScanner({ open: (tag) => void tag.attribute("b") });
      expect(() => scanner.write(`<a b="${value}"/>`)).toThrow(/caractère interdit en XML \(U\+[0-9A-F]{4}\)/);
    }
  });

  it.each([["&#12abc;"], ["&#x;"], ["&#;"], ["&#x110000;"], ["&#-1;"]])("refuses the malformed character reference %s", (reference) => {
    expect(() => texts(`<t>${reference}</t>`, 64)).toThrow(/entité XML inconnue ou mal formée/);
  });
});
