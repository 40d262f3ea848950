/** The headings of a fiche action in the Caf template, whatever their accents, capitals or colons. */
import { foldText } from "../domain/vocabulary";
import { fileLabels } from "../labels/catalog";

export type SectionKey =
  "contexte" | "objectifs" | "pilotes" | "descriptif" | "partenaires" | "habitants" | "ressources" | "indicateurs" | "liens" | "echeance" | "public";

const HEADINGS: [SectionKey, RegExp][] = [
  ["contexte", /^(les )?elements? de contexte\b/],
  ["objectifs", /^(les )?(resultats? attendus|objectifs)\b/],
  ["pilotes", /^(les )?(pilotes?|referents?)\b( de l'action)?/],
  ["descriptif", /^(le )?descriptif\b/],
  ["partenaires", /^(les )?partenaires\b/],
  ["habitants", /^(la )?place des habitants\b/],
  ["ressources", /^(les )?ressources( mobilisables)?\b/],
  ["indicateurs", /^(les )?indicateurs?( d'evaluation)?\b/],
  ["liens", /^(liens?(\(s\))? (avec )?(les |d')?autres actions|autres actions liees|actions liees)\b/],
  ["echeance", /^(echeances?|calendrier previsionnel)\b/],
  ["public", /^publi[c]? cible\b/],
];

export const SECTION_TITLES: Record<SectionKey, string> = fileLabels.repertoire.sectionTitles;

/** The section a line opens, and what follows its colon on the same line. */
export function headingOf(line: string): { key: SectionKey; rest: string } | undefined {
  const folded = foldText(line);
  if (folded.length > 90) return undefined;
  // Headings start with a capital; "ressources existantes" inside a sentence is not one.
  if (!/^[A-ZÀ-Ý]/.test(line.trim())) return undefined;
  for (const [key, pattern] of HEADINGS) {
    const match = pattern.exec(folded);
    if (!match) continue;
    const colon = line.indexOf(":");
    // A heading is short: its words, maybe a colon and a value ("Echéance : Dès 2026").
    const shouting = line === line.toUpperCase();
    if (colon < 0 && !shouting && folded.length > match[0].length + 3) return undefined;
    if (colon < 0 && folded.length > match[0].length + 25) return undefined;
    return { key, rest: colon >= 0 ? line.slice(colon + 1).trim() : "" };
  }
  return undefined;
}
