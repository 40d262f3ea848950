/** Section « files » of the French catalogue (see catalog.ts). */
export const fileLabels = {} as const;
