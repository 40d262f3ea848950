/**
 * Literals the French-text check lets through: the values of the domain's closed lists (a status, a field…). They
 * are data as much as words — cells hold them, and TypeScript checks each literal against the catalogue's list.
 */
import { vocabularyLabels } from "../src/labels/catalog";

export function allowedLiterals(): Set<string> {
  return new Set<string>([...vocabularyLabels.statuses, ...vocabularyLabels.fields, ...vocabularyLabels.yesNo]);
}
