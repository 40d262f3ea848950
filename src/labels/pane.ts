/** Section « pane » of the French catalogue (see catalog.ts). */
export const paneLabels = {} as const;
