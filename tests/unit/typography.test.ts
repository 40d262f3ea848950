/**
 * French typography over the whole catalogue: a line may never start with « : », « ; », « ! », « ? », « » » or « % »,
 * nor end with « « », so the space before those signs (and after « « ») is non-breaking (U+00A0), in every string
 * of every section and in every text its functions compose. The walk calls each function with sample arguments of
 * several kinds, so that both branches of most texts are seen.
 */
import * as catalog from "../../src/labels/catalog";

/** A plain space where French wants a non-breaking one. */
const BREAKABLE = / (?=[:;!?»%€])|« /;

/**
 * Texts that quote code rather than speak to people, kept byte for byte. The progress column's description (written
 * into docs/format-classeur.md) quotes Excel's number format `0 %` as src/workbook/formats.ts gives it to Excel.
 * Sheet names, headers and table names, which files written by earlier versions are read back by, are walked like
 * every text: none holds one of these signs, so none had to change.
 */
const QUOTED_CODE = new Set(["sheetLabels.columns.tracking.progress.content"]);

/**
 * A sample argument that serves as any kind of value: text in a template, 2 in arithmetic and comparisons, a list of
 * two texts for `map` or `join`, and an object whose every property is such a value again.
 */
function chameleon(number: number, text: string): unknown {
  const list = [text, `${text} bis`];
  return new Proxy(list, {
    get(target, key) {
      if (key === Symbol.toPrimitive) return (hint: string) => (hint === "number" ? number : text);
      if (key === "valueOf") return () => number;
      if (key === "toString") return (radix?: number) => (radix ? number.toString(radix) : text);
      if (key === "toFixed" || key === "toLocaleString")
        return (...args: unknown[]) => (Number.prototype[key] as (...a: unknown[]) => string).apply(number, args);
      if (typeof key === "string" && !(key in Array.prototype) && key in String.prototype) {
        const method = (String.prototype as unknown as Record<string, (...a: unknown[]) => unknown>)[key];
        return (...args: unknown[]) => method.apply(text, args);
      }
      if (key in target) return Reflect.get(target, key);
      return chameleon(number, text);
    },
  });
}

/** Argument sets tried on every function: each may fail on some signatures, never on all. */
const SAMPLES: ((arity: number) => unknown[])[] = [
  (arity) => Array.from({ length: arity }, () => chameleon(2, "texte")),
  (arity) => Array.from({ length: arity }, () => chameleon(1, "texte")),
  (arity) => Array.from({ length: arity }, () => "texte"),
  (arity) => Array.from({ length: arity }, () => 12.5),
  (arity) => Array.from({ length: arity }, () => 1),
  (arity) => Array.from({ length: arity }, () => false),
  (arity) => Array.from({ length: arity }, () => ["un", "deux", "trois"]),
  (arity) => Array.from({ length: arity }, () => undefined),
];

interface Text {
  path: string;
  text: string;
}

/** Every text reachable from `value`, functions called with every sample that they accept. */
function walk(value: unknown, path: string, found: Text[], uncallable: string[], depth = 0): void {
  if (depth > 12) return;
  if (typeof value === "string") {
    found.push({ path, text: value });
  } else if (typeof value === "function") {
    const fn = value as (...args: unknown[]) => unknown;
    let called = false;
    for (const sample of SAMPLES) {
      let result: unknown;
      try {
        result = fn(...sample(Math.max(fn.length, 1)));
      } catch {
        continue;
      }
      called = true;
      walk(result, `${path}()`, found, uncallable, depth + 1);
    }
    if (!called) uncallable.push(path);
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => walk(item, `${path}[${index}]`, found, uncallable, depth + 1));
  } else if (value && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) walk(item, path ? `${path}.${key}` : key, found, uncallable, depth + 1);
  }
}

function catalogueTexts(): { texts: Text[]; uncallable: string[] } {
  const texts: Text[] = [];
  const uncallable: string[] = [];
  walk(catalog, "", texts, uncallable);
  return { texts, uncallable };
}

/** The text around a plain space that should not break, shown with the space as « ␣ ». */
function excerpt(text: string): string {
  const at = text.search(BREAKABLE);
  return text.slice(Math.max(0, at - 30), at + 30).replace(/ /g, "␣");
}

describe("French typography of the catalogue", () => {
  it("walks every section and calls every function", () => {
    const { texts, uncallable } = catalogueTexts();
    expect(uncallable).toEqual([]);
    const sections = new Set(texts.map((text) => text.path.split(".")[0].replace(/\(\)$/, "")));
    for (const section of Object.keys(catalog)) expect(sections).toContain(section);
    // Thousands of texts: a walk that stopped early would show far fewer.
    expect(texts.length).toBeGreaterThan(2000);
  });

  it("keeps « : ; ! ? » % € » with the word before them, and « « » with the word after it", () => {
    const { texts } = catalogueTexts();
    const broken = texts.filter(({ path, text }) => BREAKABLE.test(text) && !QUOTED_CODE.has(path)).map(({ path, text }) => `${path}: ${excerpt(text)}`);
    expect([...new Set(broken)]).toEqual([]);
  });

  it("detects a breakable space where French forbids one, and lets non-breaking ones and code through", () => {
    for (const text of ["Statut : inconnu", "Vraiment ?", "« texte »", "12 %", "Montant 3 €"]) expect(BREAKABLE.test(text)).toBe(true);
    for (const text of ["Statut\u00a0: inconnu", "«\u00a0texte\u00a0»", "12\u00a0%", "https://exemple.fr/?vue=saisie", "Taux (%)"])
      expect(BREAKABLE.test(text)).toBe(false);
  });
});
