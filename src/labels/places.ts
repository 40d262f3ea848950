/**
 * Section « places » of the French catalogue: where something is in a workbook, told in words — a sheet by its name,
 * a row by its number, a column by its header — for the pane and the reports that people read, never as an A1
 * address (« Suivi des fiches!F47 »), and never naming the very hidden sheets nobody can open.
 */

/** « 12, 13 et 14 »: a list as a French sentence writes it. */
const wordsList = (items: readonly string[]) => (items.length < 2 ? items.join("") : `${items.slice(0, -1).join(", ")} et ${items[items.length - 1]}`);

export const placeLabels = {
  /** `column` is the header of the cell's column, when it has one. */
  cell: (sheet: string, row: number, column?: string) => `feuille «\u00a0${sheet}\u00a0», ligne ${row}${column ? `, colonne «\u00a0${column}\u00a0»` : ""}`,
  rows: (sheet: string, rows: readonly number[]) =>
    rows.length === 1 ? `feuille «\u00a0${sheet}\u00a0», ligne ${rows[0]}` : `feuille «\u00a0${sheet}\u00a0», lignes ${wordsList(rows.map(String))}`,
  sheet: (sheet: string) => `feuille «\u00a0${sheet}\u00a0»`,
  /** The very hidden metadata sheets, which users neither see nor edit. */
  hidden: "les informations cachées du classeur",
  list: (places: readonly string[]) => places.join("\u00a0; "),
  /** A problem after its place. */
  located: (place: string, message: string) => `${place}\u00a0: ${message}`,
} as const;
