/** Section « cli » of the French catalogue (see catalog.ts). */
export const cliLabels = {} as const;
