/**
 * Section « vocabulary » of the French catalogue: the closed lists of the CTG domain as users read and type them.
 * The domain's types derive from these lists (src/domain/vocabulary.ts); cells hold these very words.
 */

export const vocabularyLabels = {
  fields: [
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
  ],
  statuses: ["À lancer", "En cours", "Réalisée", "Reportée", "Abandonnée"],
  /** How far a fiche's objective is reached in a year, as the evaluation's dropdown offers it. */
  appreciations: ["Atteint", "Partiellement atteint", "Non atteint", "Trop tôt pour dire"],
  /** Oui / Non indicators, as the cell's dropdown offers them. */
  yesNo: ["Oui", "Non"],
  indicatorTypes: {
    nombre: "Nombre",
    taux: "Taux (%)",
    montant: "Montant (€)",
    "oui-non": "Oui / Non",
    echelle: "Échelle 1 à 5",
    texte: "Texte",
  },
  aggregations: { somme: "Somme", derniere: "Dernière valeur", moyenne: "Moyenne" },
  periodicities: { trimestrielle: "Trimestrielle", annuelle: "Annuelle" },
  /** Other ways people write these values, matched once folded (lower case, no accents). */
  aliases: {
    statuses: { "a lancer": "À lancer", realise: "Réalisée", realisé: "Réalisée", abandonne: "Abandonnée", reporte: "Reportée" },
    fields: {
      "petite-enfance": "petite enfance",
      "acces aux droits": "accès aux droits et aux services",
      numerique: "inclusion numérique",
      avs: "animation de la vie sociale",
    },
    indicatorTypes: { échelle: "echelle", "oui/non": "oui-non", "oui non": "oui-non" },
    aggregations: { dernière: "derniere" },
    appreciations: { partiellement: "Partiellement atteint", partiel: "Partiellement atteint", "trop tot": "Trop tôt pour dire" },
  },
} as const;
