/** Section « entries » of the French catalogue (see catalog.ts). */
export const entryLabels = {} as const;
