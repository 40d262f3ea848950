/** Closed lists of the CTG domain, with the French labels users see. */

export const FIELDS = [
  "petite enfance",
  "enfance",
  "jeunesse",
  "parentalité",
  "accès aux droits et aux services",
  "inclusion numérique",
  "animation de la vie sociale",
  "logement",
  "handicap",
  "accompagnement social",
  "autre",
] as const;
export type Field = (typeof FIELDS)[number];

export const STATUSES = ["À lancer", "En cours", "Réalisée", "Reportée", "Abandonnée"] as const;
export type Status = (typeof STATUSES)[number];

/** Statuses after which a fiche can no longer be late. */
export const CLOSED_STATUSES: readonly Status[] = ["Réalisée", "Abandonnée"];

export const INDICATOR_TYPES = ["nombre", "taux", "montant", "oui-non", "echelle", "texte"] as const;
export type IndicatorType = (typeof INDICATOR_TYPES)[number];

export const INDICATOR_TYPE_LABELS: Record<IndicatorType, string> = {
  nombre: "Nombre",
  taux: "Taux (%)",
  montant: "Montant (€)",
  "oui-non": "Oui / Non",
  echelle: "Échelle 1 à 5",
  texte: "Texte",
};

export const AGGREGATIONS = ["somme", "derniere", "moyenne"] as const;
export type Aggregation = (typeof AGGREGATIONS)[number];

export const AGGREGATION_LABELS: Record<Aggregation, string> = {
  somme: "Somme",
  derniere: "Dernière valeur",
  moyenne: "Moyenne",
};

export const PERIODICITIES = ["trimestrielle", "annuelle"] as const;
export type Periodicity = (typeof PERIODICITIES)[number];

export const PERIODICITY_LABELS: Record<Periodicity, string> = {
  trimestrielle: "Trimestrielle",
  annuelle: "Annuelle",
};

export const SCALE_MIN = 1;
export const SCALE_MAX = 5;
/** Longest text accepted in a free-text cell; Excel data validation caps text length checks well above this. */
export const TEXT_MAX_LENGTH = 4000;

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

export const matchStatus = matcher(STATUSES, { "a lancer": "À lancer", realise: "Réalisée", realisé: "Réalisée", abandonne: "Abandonnée", reporte: "Reportée" });
export const matchField = matcher(FIELDS, { "petite-enfance": "petite enfance", "acces aux droits": "accès aux droits et aux services", numerique: "inclusion numérique", avs: "animation de la vie sociale" });
export const matchIndicatorType = matcher(INDICATOR_TYPES, {
  "échelle": "echelle",
  "oui/non": "oui-non",
  "oui non": "oui-non",
  ...Object.fromEntries(Object.entries(INDICATOR_TYPE_LABELS).map(([type, label]) => [label, type as IndicatorType])),
});
export const matchAggregation = matcher(AGGREGATIONS, {
  "dernière": "derniere",
  ...Object.fromEntries(Object.entries(AGGREGATION_LABELS).map(([key, label]) => [label, key as Aggregation])),
});
export const matchPeriodicity = matcher(PERIODICITIES);
