/** Numbers as French users type them: `1 234,56`, `12,5 %`, `1 500 €`. */

export type NumberReading = { kind: "empty" } | { kind: "number"; value: number; percentSign: boolean } | { kind: "invalid"; text: string };

const SPACES = /[\s\u00a0\u202f]/g;
const PLAIN_NUMBER = /^[+-]?\d+(\.\d+)?$/;

export function isBlank(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}

export function readNumber(value: unknown): NumberReading {
  if (isBlank(value)) return { kind: "empty" };
  if (typeof value === "number") {
    return Number.isFinite(value) ? { kind: "number", value, percentSign: false } : { kind: "invalid", text: String(value) };
  }
  if (typeof value !== "string") return { kind: "invalid", text: String(value) };
  let text = value.replace(SPACES, "");
  let percentSign = false;
  if (text.endsWith("%")) {
    percentSign = true;
    text = text.slice(0, -1);
  } else if (text.endsWith("€")) {
    text = text.slice(0, -1);
  } else if (/eur(os?)?$/i.test(text)) {
    text = text.replace(/eur(os?)?$/i, "");
  }
  const lastComma = text.lastIndexOf(",");
  const lastDot = text.lastIndexOf(".");
  if (lastComma >= 0 && lastDot >= 0) {
    const decimal = lastComma > lastDot ? "," : ".";
    const grouping = decimal === "," ? "." : ",";
    text = text.split(grouping).join("").replace(decimal, ".");
  } else if (lastComma >= 0) {
    text = text.replace(",", ".");
  }
  if (!PLAIN_NUMBER.test(text)) return { kind: "invalid", text: value.trim() };
  return { kind: "number", value: Number(text), percentSign };
}

/** Removes the binary noise of a percentage stored as a fraction (0.07 * 100 = 7.000000000000001). */
export function tidy(value: number): number {
  return Math.round(value * 1e9) / 1e9;
}

export function decimalPlaces(value: number): number {
  const text = String(tidy(value));
  if (text.includes("e-")) return Number(text.split("e-")[1]);
  const dot = text.indexOf(".");
  return dot < 0 ? 0 : text.length - dot - 1;
}

const frenchFormat = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 2 });

/** `1 234,5` with the French separators, for messages. */
export function formatFrenchNumber(value: number): string {
  return frenchFormat.format(value).replace(/\u202f/g, " ");
}

/**
 * The largest of `values`, or `floor` when there is none or all are smaller. A loop rather than Math.max(...values):
 * a consolidation's 100 000 rows pass the number of arguments a browser lets a call take.
 */
export function largest(values: Iterable<number>, floor = 0): number {
  let found = floor;
  for (const value of values) if (value > found) found = value;
  return found;
}
