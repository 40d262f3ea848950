/** Section « vocabulary » of the French catalogue (see catalog.ts). */
export const vocabularyLabels = {} as const;
