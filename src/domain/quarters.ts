/** Quarters of a convention, written `2026-T1` … `2030-T4`. */
import { type IsoDate, isoFromParts, yearOf } from "./dates";

export type Quarter = string;

const QUARTER = /^(\d{4})-T([1-4])$/;

export interface QuarterParts {
  year: number;
  index: 1 | 2 | 3 | 4;
}

export function parseQuarter(text: string): QuarterParts | undefined {
  const match = QUARTER.exec(text.trim().toUpperCase());
  if (!match) return undefined;
  return { year: Number(match[1]), index: Number(match[2]) as QuarterParts["index"] };
}

export function isQuarter(text: unknown): text is Quarter {
  return typeof text === "string" && QUARTER.test(text);
}

export function formatQuarter(year: number, index: number): Quarter {
  return `${year}-T${index}`;
}

/** The quarter that contains a date. */
export function quarterOf(iso: IsoDate): Quarter {
  const month = Number(iso.slice(5, 7));
  return formatQuarter(yearOf(iso), Math.floor((month - 1) / 3) + 1);
}

/** Ordinal that sorts quarters; consecutive quarters differ by one. */
/** Ordinals by quarter: sorting a territory's entries compares the same few dozen quarters tens of thousands of times. */
const ORDINALS = new Map<string, number>();

export function quarterOrdinal(quarter: Quarter): number {
  const known = ORDINALS.get(quarter);
  if (known !== undefined) return known;
  const parts = parseQuarter(quarter);
  if (!parts) throw new Error(`Not a quarter: ${quarter}`);
  const ordinal = parts.year * 4 + parts.index - 1;
  // Bounded: only well-formed quarters are kept, and a convention spans a few dozen of them.
  if (ORDINALS.size < 10_000) ORDINALS.set(quarter, ordinal);
  return ordinal;
}

export function quarterFromOrdinal(ordinal: number): Quarter {
  return formatQuarter(Math.floor(ordinal / 4), (ordinal % 4) + 1);
}

export function compareQuarters(a: Quarter, b: Quarter): number {
  return quarterOrdinal(a) - quarterOrdinal(b);
}

export function quarterStart(quarter: Quarter): IsoDate {
  const { year, index } = parseQuarter(quarter)!;
  return isoFromParts(year, (index - 1) * 3 + 1, 1);
}

export function quarterEnd(quarter: Quarter): IsoDate {
  const { year, index } = parseQuarter(quarter)!;
  const lastMonth = index * 3;
  const lastDay = new Date(Date.UTC(year, lastMonth, 0)).getUTCDate();
  return isoFromParts(year, lastMonth, lastDay);
}

/** Every quarter that overlaps the period, in order. */
export function quartersBetween(start: IsoDate, end: IsoDate): Quarter[] {
  const first = quarterOrdinal(quarterOf(start));
  const last = quarterOrdinal(quarterOf(end));
  const quarters: Quarter[] = [];
  for (let ordinal = first; ordinal <= last; ordinal++) quarters.push(quarterFromOrdinal(ordinal));
  return quarters;
}

export function previousQuarter(quarter: Quarter): Quarter {
  return quarterFromOrdinal(quarterOrdinal(quarter) - 1);
}

/**
 * Whether a quarter has begun on `today`: its first day has come. Entries of a quarter not yet begun are refused,
 * and the tableau keeps its rows locked until then.
 */
export function quarterBegun(quarter: Quarter, today: IsoDate): boolean {
  return quarterStart(quarter) <= today;
}

/** Whether a quarter is over on `today`: its last day has passed. Only an ended quarter can be missing entries. */
export function quarterEnded(quarter: Quarter, today: IsoDate): boolean {
  return quarterEnd(quarter) < today;
}

/** The earlier of two dates. */
export function earlier(a: IsoDate, b: IsoDate): IsoDate {
  return a < b ? a : b;
}

/** `1er trimestre 2026` for titles. */
export function quarterLabel(quarter: Quarter): string {
  const { year, index } = parseQuarter(quarter)!;
  return `${index === 1 ? "1er" : `${index}e`} trimestre ${year}`;
}

/**
 * The quarters in which an indicator is measured: every quarter, or for an annual indicator the last quarter of each
 * year of the convention (T4, or the convention's last quarter in its final year).
 */
export function measuredQuarters(periodicity: "trimestrielle" | "annuelle", quarters: readonly Quarter[]): Quarter[] {
  if (periodicity === "trimestrielle") return [...quarters];
  return quarters.filter((quarter, index) => index === quarters.length - 1 || quarter.slice(0, 4) !== quarters[index + 1].slice(0, 4));
}
