/** How the tableau looks: number formats, colours of headers, entry cells, locked cells and statuses. */
import type { Status } from "../domain/vocabulary";

export const NUMBER_FORMATS = {
  integer: "#,##0",
  percent: "0 %",
  rate: "0.0 %",
  amount: '#,##0.00 "€"',
  scale: "0",
  text: "@",
  date: "dd/mm/yyyy",
  year: "0",
} as const;

export const COLORS = {
  headerFill: "#1F5C4A",
  headerFont: "#FFFFFF",
  entryFill: "#FFFDF2",
  lockedFill: "#F3F2F1",
  border: "#A19F9D",
  late: "#C50F1F",
  title: "#1F5C4A",
  /** Tabs of the sheets people fill each quarter, and of the archive. */
  entryTab: "#0F6CBD",
  archiveTab: "#8A8886",
};

export const STATUS_COLORS: Record<Status, { fill: string; font: string }> = {
  "À lancer": { fill: "#EDEBE9", font: "#323130" },
  "En cours": { fill: "#DEECF9", font: "#004578" },
  Réalisée: { fill: "#DFF6DD", font: "#0B5A08" },
  Reportée: { fill: "#FFF4CE", font: "#7A5B00" },
  Abandonnée: { fill: "#FDE7E9", font: "#A4262C" },
};
