/** Section « office » of the French catalogue (see catalog.ts). */
export const officeLabels = {} as const;
