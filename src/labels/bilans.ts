/** Section « bilans » of the French catalogue (see catalog.ts). */
export const bilanLabels = {} as const;
