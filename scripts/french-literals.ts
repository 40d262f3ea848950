/**
 * Finds the French texts written in product code outside the labels catalogue: string and template literals that
 * read as a French sentence, and any text between JSX tags or in a JSX text attribute. Used by the catalogue's
 * test, and runnable alone (`node build/french-literals.cjs [folder…]`) to list what is left to move.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";

export interface FrenchLiteral {
  file: string;
  line: number;
  text: string;
}

/** Folders whose texts are not the product's words: the catalogue itself, and sample data (a territory's plan). */
const EXEMPT = ["src/labels/", "src/samples/"];

/** JSX attributes whose value a user reads or hears. */
const TEXT_ATTRIBUTES = new Set([
  "label",
  "placeholder",
  "title",
  "aria-label",
  "alt",
  "hint",
  "content",
  "description",
  "aria-description",
  "validationMessage",
]);

const FRENCH_WORDS = new Set(
  "le la les l un une des du de d et est sont pas ne n pour dans sur avec sans au aux ou par ce cette ces son sa ses leur leurs il elle vous votre vos nous qui que qu à été être fichier feuille cellule ligne colonne trimestre fiche indicateur saisie valeur tableau classeur".split(
    " ",
  ),
);

export function looksFrench(text: string): boolean {
  // A sentence has spaces: identifiers, paths, colours and format codes have none.
  if (!/\s/.test(text.trim())) return false;
  const words = text.toLowerCase().match(/[a-zà-ÿœæ]+/g) ?? [];
  if (words.length < 2) return false;
  if (/[«»]/.test(text) || /[à-ÿœæ]/i.test(text.replace(/[^a-zà-ÿœæ]/gi, ""))) return true;
  return words.filter((word) => FRENCH_WORDS.has(word)).length >= 2;
}

function literalText(node: ts.Node): string | undefined {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) return [node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join(" X ");
  return undefined;
}

function isModuleSpecifier(node: ts.Node): boolean {
  const parent = node.parent;
  return (
    ts.isImportDeclaration(parent) ||
    ts.isExportDeclaration(parent) ||
    (ts.isCallExpression(parent) && parent.expression.kind === ts.SyntaxKind.ImportKeyword) ||
    ts.isExternalModuleReference(parent)
  );
}

export function frenchLiteralsIn(file: string, source: string, allowed: ReadonlySet<string> = new Set()): FrenchLiteral[] {
  const sourceFile = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, file.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: FrenchLiteral[] = [];
  const report = (node: ts.Node, text: string) =>
    found.push({ file, line: sourceFile.getLineAndCharacterOfPosition(node.getStart()).line + 1, text: text.trim().slice(0, 100) });
  const visit = (node: ts.Node): void => {
    if (ts.isJsxText(node)) {
      if (/\p{L}/u.test(node.text)) report(node, node.text);
      return;
    }
    if (ts.isJsxAttribute(node) && node.initializer && ts.isStringLiteral(node.initializer) && TEXT_ATTRIBUTES.has(node.name.getText(sourceFile))) {
      if (/\p{L}/u.test(node.initializer.text)) report(node, node.initializer.text);
      return;
    }
    const text = literalText(node);
    if (text !== undefined) {
      if (!isModuleSpecifier(node) && !allowed.has(text) && looksFrench(text)) report(node, text);
      if (!ts.isTemplateExpression(node)) return;
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return found;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !name.endsWith(".d.ts") ? [path] : [];
  });
}

/** Every French text of product code under `root/src` (or the given folders) that is not in the catalogue. */
export function frenchLiterals(root: string, allowed: ReadonlySet<string>, folders: string[] = ["src"]): FrenchLiteral[] {
  return folders
    .flatMap((folder) => sourceFiles(join(root, folder)))
    .map((path) => relative(root, path).split("\\").join("/"))
    .filter((file) => !EXEMPT.some((prefix) => file.startsWith(prefix)))
    .flatMap((file) => frenchLiteralsIn(file, readFileSync(join(root, file), "utf8"), allowed));
}
