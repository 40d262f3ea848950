/** Closed lists of the CTG domain: codes in English-free ASCII, their French words from the catalogue. */
import { vocabularyLabels } from "../labels/catalog";

export const FIELDS = vocabularyLabels.fields;
export type Field = (typeof FIELDS)[number];

export const STATUSES = vocabularyLabels.statuses;
export type Status = (typeof STATUSES)[number];

/** How far a fiche's objective is reached in a year, in its evaluation. */
export const APPRECIATIONS = vocabularyLabels.appreciations;
export type Appreciation = (typeof APPRECIATIONS)[number];

/** Statuses after which a fiche can no longer be late. */
export const CLOSED_STATUSES: readonly Status[] = ["Réalisée", "Abandonnée"];

export const INDICATOR_TYPES = ["nombre", "taux", "montant", "oui-non", "echelle", "texte"] as const;
export type IndicatorType = (typeof INDICATOR_TYPES)[number];

export const INDICATOR_TYPE_LABELS: Record<IndicatorType, string> = vocabularyLabels.indicatorTypes;

export const AGGREGATIONS = ["somme", "derniere", "moyenne"] as const;
export type Aggregation = (typeof AGGREGATIONS)[number];

export const AGGREGATION_LABELS: Record<Aggregation, string> = vocabularyLabels.aggregations;

export const PERIODICITIES = ["trimestrielle", "annuelle"] as const;
export type Periodicity = (typeof PERIODICITIES)[number];

export const PERIODICITY_LABELS: Record<Periodicity, string> = vocabularyLabels.periodicities;

/** Lower-case, accent-free, single-spaced form used to match what users type against the closed lists. */
export function foldText(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[’‘`]/g, "'")
    .replace(/[\s\u00a0\u202f]+/g, " ")
    .trim()
    .toLowerCase();
}

function matcher<T extends string>(values: readonly T[], aliases: Record<string, T> = {}): (text: string) => T | undefined {
  const table = new Map<string, T>();
  for (const value of values) table.set(foldText(value), value);
  for (const [alias, value] of Object.entries(aliases)) table.set(foldText(alias), value);
  const exact = new Set<string>(values);
  // Cells mostly hold the exact value picked from a dropdown: skip the folding then.
  return (text) => (exact.has(text) ? (text as T) : table.get(foldText(text)));
}

const aliases = vocabularyLabels.aliases;
export const matchStatus = matcher<Status>(STATUSES, aliases.statuses);
export const matchField = matcher<Field>(FIELDS, aliases.fields);
export const matchIndicatorType = matcher(INDICATOR_TYPES, {
  ...aliases.indicatorTypes,
  ...Object.fromEntries(Object.entries(INDICATOR_TYPE_LABELS).map(([type, label]) => [label, type as IndicatorType])),
});
export const matchAggregation = matcher(AGGREGATIONS, {
  ...aliases.aggregations,
  ...Object.fromEntries(Object.entries(AGGREGATION_LABELS).map(([key, label]) => [label, key as Aggregation])),
});
export const matchPeriodicity = matcher(PERIODICITIES);
export const matchAppreciation = matcher<Appreciation>(APPRECIATIONS, aliases.appreciations);
