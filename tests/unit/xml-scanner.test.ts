import { XmlMalformed, XmlScanner } from "../../src/xlsx/xml-scanner";

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
    ["tags that do not match", "<a><b></a></b>", /balise fermante « a » au lieu de « b »/],
    ["a close tag without its open tag", "<a></a></b>", /balise fermante « b » sans balise ouvrante/],
    ["an unknown entity", "<a>&nbsp;</a>", /entité XML inconnue ou mal formée « &nbsp; »/],
    ["an entity without its semicolon", "<a>AT&T</a>", /entité XML inconnue ou mal formée « &T/],
    ["an element left open", "<a><b></b>", /élément XML « a » jamais fermé/],
    ["an end inside a tag", '<a><b c="1', /XML interrompu au milieu d'une balise/],
    ["a DOCTYPE with entity definitions", '<!DOCTYPE a [<!ENTITY x "xx">]><a>&x;</a>', /DOCTYPE avec définitions internes/],
    ["two root elements", "<a/><b/>", /second élément racine « b »/],
    ["nothing at all", "  ", /aucun élément XML/],
  ])("refuses %s, in French", (_, xml, message) => {
    expect(() => events(xml)).toThrow(XmlMalformed);
    expect(() => events(xml)).toThrow(message);
  });
});
