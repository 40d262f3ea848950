/** Section « sheets » of the French catalogue (see catalog.ts). */
export const sheetLabels = {} as const;
