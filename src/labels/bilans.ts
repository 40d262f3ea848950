/** Section « bilans » of the French catalogue: bilans, their sheets, and the consolidation sheets. */

export const bilanLabels = {
  /** A bilan asked for a period the convention does not cover; `reason` is a sentence fragment. */
  bilanImpossible: (reason: string) => `Bilan impossible : ${reason}.`,
} as const;
