/**
 * Literals the French-text check lets through: the values of the domain's closed lists (a status, a field…). They
 * are data as much as words — cells hold them, and TypeScript checks each literal against the catalogue's list.
 */
import { vocabularyLabels } from "../src/labels/catalog";

export function allowedLiterals(): Set<string> {
  const values = Object.values(vocabularyLabels as Record<string, unknown>).flatMap((entry) =>
    Array.isArray(entry) ? entry : typeof entry === "object" && entry !== null ? Object.keys(entry) : [],
  );
  return new Set(values.filter((value): value is string => typeof value === "string"));
}
