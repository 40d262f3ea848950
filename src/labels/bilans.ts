/** Section « bilans » of the French catalogue: bilans, their sheets, and the consolidation sheets. */

export const bilanLabels = {
  /** A bilan asked for a period the convention does not cover; `reason` is a sentence fragment. */
  bilanImpossible: (reason: string) => `Bilan impossible : ${reason}.`,
  period: {
    yearMissing: "indiquez l'année du point d'étape (par exemple --year 2026)",
    yearOutside: (year: number, first: string, last: string) => `l'année ${year} est hors de la période de la convention (${first} – ${last})`,
    quarterOutside: (quarter: string) => `le trimestre ${quarter} est hors de la période de la convention`,
  },
  titles: {
    annual: (year: number | undefined) => `Point d'étape ${year}`,
    midterm: "Bilan intermédiaire",
    final: "Bilan final",
  },
  /** A fiche without a status in the period, among the status columns of a bilan or a consolidation. */
  notEntered: "Non renseigné",
  /** A fiche without a champ, in the synthesis per champ. */
  noField: "non précisé",
} as const;
