/** Section « entries » of the French catalogue: the domain's checks of entries, quarters and plans. */

export const entryLabels = {
  /** A tableau update refused so that no entry is lost; `reason` is a sentence fragment. */
  updateRefused: (reason: string) => `Mise à jour refusée : ${reason}`,
} as const;
