/** Section « rules » of the French catalogue (see catalog.ts). */
export const ruleLabels = {} as const;
