/** Section « deck » of the French catalogue (see catalog.ts). */
export const deckLabels = {} as const;
