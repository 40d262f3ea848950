import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { readPlan } from "../../src/domain/plan";
import { inferIndicatorType } from "../../src/import/indicator-type";
import JSZip from "jszip";
import { DOCX_LIMITS, type DocxLimits, DocxUnreadable, docxText } from "../../src/import/docx";
import { type XmlElement, XmlMalformed, XmlPartScanner } from "../../src/import/docx-xml";
import { NotARepertoire, parseRepertoire } from "../../src/import/parse-repertoire";
import { encodingWarnings } from "../../src/import/repertoire-file";
import { NotText, TEXT_LIMITS, TextRefused, checkTextLimits, decodeText } from "../../src/import/text-encoding";

const seed = readFileSync(resolve(__dirname, "../../../shared/seeds/003_7db3a68b281f32e6.txt"), "utf8");

function actionsOf(result: ReturnType<typeof parseRepertoire>) {
  return result.plan.axes.flatMap((axis) => axis.subAxes.flatMap((sub) => sub.actions));
}

describe("import of the seed répertoire (CC Monts, Rance et Rougier)", () => {
  const result = parseRepertoire(seed);
  const actions = actionsOf(result);

  it("finds all 15 fiches with their exact codes, titles and indicator counts", () => {
    expect(actions.map((action) => action.code)).toEqual([
      "1.A.1",
      "1.A.2",
      "1.A.3",
      "1.B.1",
      "2.A.1",
      "2.A.2",
      "2.A.3",
      "2.A.4",
      "2.B.1",
      "2.B.2",
      "2.B.3",
      "3.A.1",
      "3.B.1",
      "3.B.2",
      "3.B.3",
    ]);
    expect(actions.map((action) => action.indicators.length)).toEqual([5, 7, 5, 5, 6, 4, 4, 3, 4, 3, 3, 4, 4, 6, 3]);
    expect(actions[0].title).toBe("Consolider et développer l'offre d'accueil petite enfance");
    expect(actions[12].title).toBe(
      "Rencontres des professionnels de la petite-enfance, de l'enfance et de la jeunesse et du sanitaire et du social du territoire (en lien avec les actions inscrites dans la CTG)",
    );
    expect(actions[14].title).toBe("Mise en place d'un Réseau Infos Familles (RIF)");
  });

  it("reads axes, sous-axes, pilotes, partenaires, objectifs, liens and the convention that follows", () => {
    expect(result.plan.axes.map((axis) => [axis.code, axis.subAxes.map((sub) => sub.code)])).toEqual([
      ["1", ["1.A", "1.B"]],
      ["2", ["2.A", "2.B"]],
      ["3", ["3.A", "3.B"]],
    ]);
    expect(actions[1].partners).toContain("Ligue de l'enseignement (ALSH Camarès)");
    expect(actions[1].partners).toContain("MDPH");
    expect(actions[3].pilots).toEqual([
      "Communauté de Communes – Chargée de coopération CTG",
      "Relais Petite Enfance – Coordinatrice",
      "Espace de Vie Sociale – Coordinatrice",
    ]);
    expect(actions[2].objectives).toContain("Mettre en place des activités par ou pour les jeunes en s'appuyant sur les ressources existantes");
    expect(actions[2].links).toEqual(["2.A.3", "3.A.1", "3.B.3"]);
    expect(actions[11].links).toEqual([]);
    expect(actions[0].sections["Éléments de contexte"]).toMatch(/19 Assistantes Maternelles/);
    expect(result.plan.convention).toEqual({ territory: "Communauté de communes Monts, Rance et Rougier", start: "2026-01-01", end: "2030-12-31" });
  });

  it("reports the document's inconsistencies, located by fiche and section", () => {
    const found = result.warnings.map((warning) => `${warning.code} ${warning.section}`);
    expect(found).toEqual(
      expect.arrayContaining(["2.A.3 intitulé", "3.B.3 intitulé", "1.A.2 échéance", "2.B.3 échéance", "2.B.1 liens", "2.B.2 liens", "2.B.3 liens"]),
    );
    expect(result.warnings.find((warning) => warning.code === "2.B.1")?.message).toMatch(/2\.B\.4, qui n'existe pas/);
  });

  it("gives a plan that the plan reader accepts as it is", () => {
    const reading = readPlan(JSON.parse(JSON.stringify(result.plan)));
    expect(reading.ok).toBe(true);
  });
});

const VARIANT = `Répertoire des fiches actions CTG 2025-2028

Axe 1 - Petite enfance
1.A - Accueil du jeune enfant
1.A.1 Créer une micro-crèche 2026
1.A.2 Former les assistantes maternelles
2027

Axe 2 : Jeunesse
2.A / Loisirs des jeunes
2.A.1 Ouvrir un espace jeunes 2028
2.A.2 Fiche annoncée sans contenu 2026

1.A.1 – Créer une micro-crèche

Elements de contexte
Aucune structure collective sur la commune.

Résultats attendus :
• Ouvrir 10 places
• Répondre aux familles
  qui travaillent en horaires décalés

Pilote de l'action / référents :
Mairie

Les partenaires a mobiliser :
Caf, MSA, PMI

LES INDICATEURS D'EVALUATION
1. Nombre de places ouvertes
2. Taux d'occupation de la

Répertoire des fiches actions CTG 2025-2028
   micro-crèche
3. Montant des investissements

Autres actions liées : 2.A.1 et 9.Z.9

Échéances :
Fin 2026

12

1.A.2 Former les assistantes maternelles

RÉSULTATS ATTENDUS / OBJECTIFS
− Proposer deux formations par an

PILOTES / REFERENTS
RPE

Indicateurs d'évaluation :
− Nb de formations
− Satisfaction des assistantes maternelles

Liens autres actions :
1.A.1 Créer une micro-crèche

Echéance : 2027

2.A.1 Ouvrir un espace jeunes

ÉLÉMENTS DE CONTEXTE :
Pas de lieu pour les 12-17 ans.

PILOTE DE L'ACTION :
Communauté de communes

Lien(s) avec d'autres actions :
Aucun

Echéance : 2028

3.A.1 Fiche absente du sommaire

Résultats attendus :
- Mieux informer
Pilote de l'action : CCAS
Les indicateurs d'évaluation :
- Mise en place d'un point info

CONVENTION TERRITORIALE GLOBALE
Entre la Caf et la Commune de Saint-Exemple représentée par son maire.
La présente convention est conclue à compter du 1er juillet 2025 jusqu'au 30 juin 2028.
`;

describe("import of another répertoire in the same template", () => {
  const result = parseRepertoire(VARIANT);
  const actions = actionsOf(result);

  it("reads headings with or without accents, capitals or colons, and every kind of item marker", () => {
    expect(actions.map((action) => action.code)).toEqual(["1.A.1", "1.A.2", "2.A.1", "3.A.1"]);
    const [creche, formation, jeunes] = actions;
    expect(creche.objectives).toEqual(["Ouvrir 10 places", "Répondre aux familles qui travaillent en horaires décalés"]);
    expect(creche.indicators).toEqual([
      { label: "Nombre de places ouvertes", type: "nombre" },
      { label: "Taux d'occupation de la micro-crèche", type: "taux" },
      { label: "Montant des investissements", type: "montant" },
    ]);
    expect(creche.partners).toEqual(["Caf", "MSA", "PMI"]);
    expect(creche.links).toEqual(["2.A.1", "9.Z.9"]);
    expect(formation.indicators.map((indicator) => indicator.type)).toEqual(["nombre", "echelle"]);
    expect(formation.deadline).toBe("2027");
    expect(jeunes.links).toEqual([]);
    expect(jeunes.pilots).toEqual(["Communauté de communes"]);
  });

  it("reads the convention after the last fiche without swallowing it", () => {
    expect(result.plan.convention).toEqual({ territory: "Commune de Saint-Exemple", start: "2025-07-01", end: "2028-06-30" });
    expect(actionsOf(result)[3].indicators).toEqual([{ label: "Mise en place d'un point info", type: "texte" }]);
  });

  it("reports a fiche without body, a body absent from the summary, a missing link and a fiche without indicator", () => {
    const found = result.warnings.map((warning) => `${warning.code} ${warning.section}`);
    expect(found).toEqual(expect.arrayContaining(["2.A.2 fiche", "3.A.1 sommaire", "1.A.1 liens", "2.A.1 indicateurs"]));
  });

  it("refuses a text that is not a répertoire, in French", () => {
    expect(() => parseRepertoire("Compte rendu du COPIL du 12 mars.\nPrésents : la Caf, la MSA.")).toThrow(NotARepertoire);
    expect(() => parseRepertoire("")).toThrow(/aucune fiche action trouvée/);
  });

  it("never throws anything else on random text", () => {
    let seedValue = 3;
    const random = () => (seedValue = (seedValue * 16807) % 2147483647) / 2147483647;
    const pieces = VARIANT.split("\n");
    for (let round = 0; round < 200; round++) {
      const text = Array.from({ length: 40 }, () => pieces[Math.floor(random() * pieces.length)]).join("\n");
      try {
        parseRepertoire(text);
      } catch (error) {
        expect(error).toBeInstanceOf(NotARepertoire);
      }
    }
  });
});

describe("indicator type inference", () => {
  it.each([
    ["Nombre de familles accompagnées", "nombre"],
    ["Nb d'aidants concernés", "nombre"],
    ["Taux de participation aux rencontres", "taux"],
    ["Part des familles (%)", "taux"],
    ["Satisfaction des habitants (enquête)", "echelle"],
    ["Montant des aides versées", "montant"],
    ["Budget en €", "montant"],
    ["Nature et diversité des demandes", "texte"],
  ])("%s → %s", (label, type) => {
    expect(inferIndicatorType(label)).toBe(type);
  });
});

describe("round trip through the répertoire template", () => {
  it("gives back the codes, titles, échéances and indicators of a 50-fiche plan", async () => {
    const { syntheticPlan } = await import("../../src/samples/synthetic-plan");
    const { repertoireText } = await import("../support/repertoire-writer");
    const plan = syntheticPlan({ actions: 50, indicatorsPerAction: 6 });
    const result = parseRepertoire(repertoireText(plan));
    const expected = plan.axes.flatMap((axis) => axis.subAxes.flatMap((sub) => sub.actions));
    const actions = actionsOf(result);
    expect(actions.map((action) => [action.code, action.title, action.deadline])).toEqual(
      expected.map((action) => [action.code, action.title, action.deadline]),
    );
    expect(actions.map((action) => action.indicators.map((indicator) => indicator.label))).toEqual(
      expected.map((action) => action.indicators.map((indicator) => indicator.label)),
    );
    // No convention text here: the territory is missing, and the period comes from the title line, which is said.
    expect(result.warnings.map((warning) => warning.message)).toEqual([
      expect.stringMatching(
        /^période de la convention devinée \(du 01\/01\/2026 au 31\/12\/2030\) d'après la ligne 1 «\sRépertoire des fiches actions CTG 2026-2030\s»/,
      ),
      expect.stringMatching(/^territoire introuvable/),
    ]);
  });
});

/** Windows-1252 bytes of a French line (Latin-1 covers the accents; the typographic apostrophe is 0x92). */
function windows1252(line: string): Buffer {
  return Buffer.from(Array.from(line, (char) => (char === "’" ? 0x92 : char.charCodeAt(0))));
}

describe("decoding a text répertoire", () => {
  const lines = ["Répertoire des fiches actions", "Élément de contexte", "plain ascii", "L’accès aux droits, à la santé", "fin"];

  it("reads a UTF-8 text with Windows-1252 lines line by line, naming those lines", () => {
    const bytes = Buffer.concat(
      lines.map((line, index) => Buffer.concat([index === 1 || index === 3 ? windows1252(line) : Buffer.from(line), Buffer.from(index < 4 ? "\r\n" : "")])),
    );
    const decoded = decodeText(bytes);
    expect(decoded).toEqual({ text: lines.join("\r\n"), encoding: "utf-8", windows1252Lines: [2, 4] });
    expect(encodingWarnings(decoded)).toEqual([
      {
        code: "",
        section: "encodage",
        message:
          "les lignes 2, 4 ne sont pas en UTF-8 comme le reste du texte\u00a0: elles ont été lues en Windows-1252 (Latin-1)\u00a0; vérifiez leurs accents",
      },
    ]);
  });

  it("counts lines as an editor does, lone carriage returns included, and lists ten lines at most", () => {
    const many = Array.from({ length: 13 }, (_, index) => (index === 0 ? Buffer.from("Début é") : windows1252("ligne à part")));
    const bytes = Buffer.concat(many.flatMap((line) => [line, Buffer.from("\r")]));
    const decoded = decodeText(bytes);
    expect(decoded.windows1252Lines).toEqual(Array.from({ length: 12 }, (_, index) => index + 2));
    expect(decoded.text.split("\r")[1]).toBe("ligne à part");
    expect(encodingWarnings(decoded)[0].message).toMatch(/^les lignes 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 et 2 autre\(s\) ne sont pas en UTF-8/);
  });

  it("keeps reading UTF-8, Windows-1252 and UTF-16 files whole, without naming any line", () => {
    const text = lines.join("\n");
    expect(decodeText(Buffer.from(text))).toEqual({ text, encoding: "utf-8", windows1252Lines: [] });
    expect(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])).text).toBe(text);
    expect(decodeText(Buffer.concat(lines.map((line) => Buffer.concat([windows1252(line), Buffer.from("\n")]))))).toEqual({
      text: `${text}\n`,
      encoding: "windows-1252",
      windows1252Lines: [],
    });
    expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]))).toEqual({ text, encoding: "utf-16le", windows1252Lines: [] });
    const bigEndian = Buffer.from(text, "utf16le").swap16();
    expect(decodeText(Buffer.concat([Buffer.from([0xfe, 0xff]), bigEndian]))).toEqual({ text, encoding: "utf-16be", windows1252Lines: [] });
  });

  it("refuses bytes that are not text, a file past its size and a line past its length, naming the line", () => {
    expect(() => decodeText(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x41]))).toThrow(NotText);
    const limits = { maxBytes: 100, maxLineLength: 10 };
    expect(() => decodeText(Buffer.alloc(101, 0x41), limits)).toThrow(TextRefused);
    const megabyte = { maxBytes: 1024 * 1024, maxLineLength: 10 };
    expect(() => decodeText(Buffer.alloc(1024 * 1024 + 1, 0x41), megabyte)).toThrow(/^le fichier pèse plus de 1 Mo pour une limite de 1 Mo/);
    expect(() => decodeText(Buffer.alloc(1.5 * 1024 * 1024, 0x41), megabyte)).toThrow(/^le fichier pèse 1,5 Mo pour une limite de 1 Mo/);
    for (const bytes of [
      Buffer.from("court\nencore court\n"),
      Buffer.concat([Buffer.from("court\n"), windows1252("déjà bien trop long\n")]),
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("court\r\ndéjà bien trop long", "utf16le")]),
    ]) {
      expect(() => decodeText(bytes, limits)).toThrow("la ligne 2 compte");
    }
    expect(() => checkTextLimits("a".repeat(101), limits)).toThrow(/le texte compte 101 caractères pour une limite de 100/);
    expect(() => checkTextLimits("court\rcourt\r".concat("x".repeat(11)), limits)).toThrow(/la ligne 3 compte 11 caractères/);
    expect(TEXT_LIMITS).toEqual({ maxBytes: 5 * 1024 * 1024, maxLineLength: 10_000 });
  });
});

describe("the import's limits and the warnings of its reading", () => {
  it("lists the reading's warnings first", () => {
    const reading = { code: "", section: "encodage", message: "la ligne 3 …" };
    expect(parseRepertoire(seed, [reading]).warnings[0]).toBe(reading);
  });

  it("refuses a pasted or extracted text with a line past the limit, naming it", () => {
    const lines = seed.split("\n");
    lines.splice(4, 0, "y".repeat(20_000));
    expect(() => parseRepertoire(lines.join("\n"))).toThrow(TextRefused);
    expect(() => parseRepertoire(lines.join("\n"))).toThrow(/^la ligne 5 compte 20\s000 caractères pour une limite de 10\s000/);
  });

  it("warns when the period it guesses is longer than a convention can be", () => {
    const warnings = parseRepertoire(seed.replace("CTG 2026-2030", "CTG 2026-2099")).warnings;
    expect(warnings).toContainEqual({
      code: "",
      section: "convention",
      message: expect.stringMatching(/^la date de fin \(31\/12\/2099\) donne une convention de plus de 10 ans .* sans quoi «\sctg init\s» le refusera$/),
    });
    expect(parseRepertoire(seed).warnings.some((warning) => /plus de 10 ans/.test(warning.message))).toBe(false);
  });
});

const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

async function docxOf(documentXml: string, extra: Record<string, string> = {}): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file("word/document.xml", documentXml);
  for (const [name, content] of Object.entries(extra)) zip.file(name, content);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

function paragraphs(count: number, prefix: string): string {
  const q = (name: string) => (prefix ? `${prefix}:${name}` : name);
  return Array.from({ length: count }, (_, index) => `<${q("p")}><${q("r")}><${q("t")}>${index}</${q("t")}></${q("r")}></${q("p")}>`).join("");
}

describe("the Word document's guard", () => {
  const limits: DocxLimits = { ...DOCX_LIMITS, maxParagraphs: 100 };
  const refusal = async (bytes: Uint8Array, custom: DocxLimits = limits) => {
    try {
      await docxText(bytes, "r.docx", custom);
    } catch (error) {
      expect(error).toBeInstanceOf(DocxUnreadable);
      return (error as Error).message;
    }
    return "read";
  };

  it("counts paragraphs in the WordprocessingML namespaces whatever the prefix, and only them", async () => {
    const strict = "http://purl.oclc.org/ooxml/wordprocessingml/main";
    const refused = [
      `<x:document xmlns:x="${W}"><x:body>${paragraphs(101, "x")}</x:body></x:document>`,
      `<document xmlns="${W}"><body>${paragraphs(101, "")}</body></document>`,
      `<w:document xmlns:w="${strict}"><w:body>${paragraphs(101, "w")}</w:body></w:document>`,
      // The namespace declared on the body, not on the root.
      `<a:document xmlns:a="urn:autre"><a:body xmlns:q="${W}">${paragraphs(101, "q")}</a:body></a:document>`,
    ];
    for (const xml of refused)
      expect(await refusal(await docxOf(xml))).toBe(
        "«\u00a0r.docx\u00a0» contient plus de 100 paragraphes\u00a0: ce n'est pas un répertoire des fiches actions, ou il est anormalement construit",
      );
    // `w:` bound to another namespace, or `p` elements of another vocabulary, are no paragraphs of Word.
    const other = `<w:document xmlns:w="urn:autre"><w:body>${paragraphs(101, "w")}</w:body></w:document>`;
    const rebound = `<w:document xmlns:w="${W}"><w:body><w:sub xmlns:w="urn:autre">${paragraphs(101, "w")}</w:sub></w:body></w:document>`;
    for (const xml of [other, rebound]) expect(await refusal(await docxOf(xml))).not.toMatch(/paragraphes/);
  });

  it("bounds each XML part's size and the elements of all parts before mammoth reads them", async () => {
    const document = `<w:document xmlns:w="${W}"><w:body>${paragraphs(50, "w")}</w:body></w:document>`;
    expect(await refusal(await docxOf(document), { ...limits, maxPartBytes: 1000 })).toMatch(
      /^«\sr\.docx\s» ne peut pas être lu comme un document Word\s: la partie «\sword\/document\.xml\s» dépasse 0 Mo une fois décompressée/,
    );
    expect(
      await refusal(await docxOf(document, { "word/styles.xml": `<w:styles xmlns:w="${W}">${"<w:style/>".repeat(200)}</w:styles>` }), {
        ...limits,
        maxElements: 300,
      }),
    ).toMatch(/contient plus de 300 éléments XML/);
  });

  it("refuses damaged XML and entity definitions in French, naming the part", async () => {
    const cases: [string, Record<string, string>, RegExp][] = [
      [
        `<w:document xmlns:w="${W}"><w:body><w:p></w:body></w:document>`,
        {},
        /la partie «\sword\/document\.xml\s» n'est pas du XML bien formé \(balise fermante «\sw:body\s» au lieu de «\sw:p\s»\)/,
      ],
      [`<!DOCTYPE d [<!ENTITY a "aaaa">]><w:document xmlns:w="${W}"/>`, {}, /déclaration DOCTYPE avec définitions internes, refusée/],
      [`<w:document xmlns:w="${W}"/>`, { "word/styles.xml": "<a><b></a>" }, /la partie «\sword\/styles\.xml\s» n'est pas du XML bien formé/],
      [`<w:document xmlns:w="${W}"/>`, { "_rels/.rels": "" }, /la partie «\s_rels\/\.rels\s» n'est pas du XML bien formé \(aucun élément XML\)/],
    ];
    for (const [document, extra, message] of cases) {
      const said = await refusal(await docxOf(document, extra));
      expect(said).toMatch(/^«\sr\.docx\s» n'est pas un document Word lisible\s: /);
      expect(said).toMatch(message);
      expect(said).toMatch(/enregistrez-le à nouveau depuis Word ou LibreOffice/);
    }
  });
});

describe("the XML part scanner", () => {
  const DOCUMENT = `<?xml version="1.0"?><!-- <w:p> dans un commentaire --><w:document xmlns:w="${W}" xmlns="urn:defaut"><w:body a='x > y' b="&quot;&#233;&amp;"><p/><![CDATA[<w:p>]]><w:p xmlns:w="urn:autre"><w:r/></w:p><?pi <w:p>?><w:p /></w:body></w:document>`;
  const scan = (chunks: readonly string[]) => {
    const seen: XmlElement[] = [];
    const scanner = new XmlPartScanner((element) => seen.push(element));
    for (const chunk of chunks) scanner.feed(chunk);
    scanner.end();
    return seen;
  };

  it("resolves each element's namespace from the declarations in scope, fed whole or one character at a time", () => {
    const whole = scan([DOCUMENT]);
    expect(whole.map((element) => `${element.namespace} ${element.localName}`)).toEqual([
      `${W} document`,
      `${W} body`,
      "urn:defaut p",
      "urn:autre p",
      "urn:autre r",
      `${W} p`,
    ]);
    expect(whole[1].attributes).toEqual([
      ["a", "x > y"],
      ["b", '"é&'],
    ]);
    expect(scan(Array.from(DOCUMENT))).toEqual(whole);
  });

  it("refuses what is not well-formed, in French", () => {
    const refusalOf = (xml: string) => {
      try {
        scan([xml]);
      } catch (error) {
        expect(error).toBeInstanceOf(XmlMalformed);
        return (error as Error).message;
      }
      return "accepted";
    };
    expect(refusalOf("<a><b></a>")).toBe("balise fermante «\u00a0a\u00a0» au lieu de «\u00a0b\u00a0»");
    expect(refusalOf("<a><b>")).toBe("élément XML «\u00a0b\u00a0» jamais fermé");
    expect(refusalOf("<a></a><b/>")).toBe("second élément racine «\u00a0b\u00a0»");
    expect(refusalOf("<a><b")).toBe("XML interrompu au milieu d'une balise");
    expect(refusalOf("  ")).toBe("aucun élément XML");
    expect(refusalOf("<a b=c/>")).toMatch(/^balise XML inattendue/);
    expect(refusalOf("<!DOCTYPE a [<!ENTITY b 'c'>]><a/>")).toBe("déclaration DOCTYPE avec définitions internes, refusée");
    expect(refusalOf("<!DOCTYPE a><a/>")).toBe("accepted");
  });
});
