/** Calendar dates as ISO strings (`YYYY-MM-DD`), with the Excel serial and French forms users type. */

export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const FRENCH_DATE = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;
const MS_PER_DAY = 86_400_000;
/** Excel's 1900 date system counts days from 1899-12-30 (the phantom 1900-02-29 makes it so). */
const EXCEL_EPOCH_UTC = Date.UTC(1899, 11, 30);

export function isValidIsoDate(text: string): boolean {
  const match = ISO_DATE.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export function isoFromParts(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

export function isoToExcelSerial(iso: IsoDate): number {
  const [year, month, day] = iso.split("-").map(Number);
  return Math.round((Date.UTC(year, month - 1, day) - EXCEL_EPOCH_UTC) / MS_PER_DAY);
}

export function excelSerialToIso(serial: number): IsoDate {
  const date = new Date(EXCEL_EPOCH_UTC + Math.floor(serial) * MS_PER_DAY);
  return isoFromParts(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

/** `31/12/2030` for messages and cells. */
export function formatFrenchDate(iso: IsoDate): string {
  const [year, month, day] = iso.split("-");
  return `${day}/${month}/${year}`;
}

/**
 * Reads a date from what a cell or a user may hold: an Excel serial number, an ISO string or a French `jj/mm/aaaa`.
 * Returns undefined for anything else.
 */
export function readDate(value: unknown): IsoDate | undefined {
  if (typeof value === "number" && Number.isFinite(value) && value > 0 && value < 2_958_466) return excelSerialToIso(value);
  if (typeof value !== "string") return undefined;
  const text = value.trim();
  if (isValidIsoDate(text)) return text;
  const french = FRENCH_DATE.exec(text);
  if (french) {
    const iso = isoFromParts(Number(french[3]), Number(french[2]), Number(french[1]));
    return isValidIsoDate(iso) ? iso : undefined;
  }
  return undefined;
}

/**
 * A typed date read, or why it is refused: not written as a date (`format`), or written as one the calendar does not
 * have, such as 31/02/2026 (`impossible`) — the two call for different corrections, so they are told apart.
 */
export type DateReading = { date: IsoDate } | { problem: "format" | "impossible" };

export function readTypedDate(value: unknown): DateReading {
  const date = readDate(value);
  if (date) return { date };
  if (typeof value !== "string") return { problem: "format" };
  const text = value.trim();
  // Shaped as a date, yet refused by readDate: a day or a month the calendar does not have.
  return ISO_DATE.test(text) || FRENCH_DATE.test(text) ? { problem: "impossible" } : { problem: "format" };
}

export function todayIso(now: Date = new Date()): IsoDate {
  return isoFromParts(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

export function yearOf(iso: IsoDate): number {
  return Number(iso.slice(0, 4));
}
