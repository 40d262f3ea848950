/**
 * What Excel stores when a string is written to `Range.values`: the string is read as if typed with en-US
 * conventions, whatever the user's language, unless the cell is formatted as text ("@"). "1.1", "01" and
 * "2.10" become numbers, "06/2027" a date, "TRUE" a boolean, "=…" a formula. The fake host applies these rules so
 * that a test fails where Excel would change a code or an identifier written as plain text.
 */
import type { StoredValue } from "./state";

export interface StoredInput {
  value: StoredValue;
  /** The format Excel gives a General cell when it recognises a date or a percentage. */
  numberFormat?: string;
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

export function storedInput(value: unknown, numberFormat: string): StoredInput {
  if (value === null || value === undefined || value === "") return { value: null };
  if (typeof value === "number" || typeof value === "boolean") return { value };
  if (typeof value !== "string") throw new TypeError(`Unsupported cell value ${String(value)}`);
  if (numberFormat === "@") return { value };
  if (value.startsWith("=")) return { value: { formula: value } };
  const text = value.trim();
  const number = parseNumber(text);
  if (number) return withFormat(number.value, number.percent ? (number.decimals > 0 ? "0.00%" : "0%") : undefined, numberFormat);
  if ((value.startsWith("+") || value.startsWith("-") || value.startsWith("@")) && value.length > 1)
    return { value: { formula: value.startsWith("@") ? value : `=${value}` } };
  if (/^(true|false)$/i.test(text)) return { value: text.toLowerCase() === "true" };
  const date = parseDate(text);
  if (date) return withFormat(date.serial, date.format, numberFormat);
  return { value };
}

function withFormat(value: number, format: string | undefined, current: string): StoredInput {
  return format && current === "General" ? { value, numberFormat: format } : { value };
}

function parseNumber(text: string): { value: number; percent: boolean; decimals: number } | undefined {
  const match = /^([+-]?)\(?\$?((?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.(\d*))?)(?:[eE]([+-]?\d+))?\)?(%?)$/.exec(text);
  if (!match || !/\d/.test(match[2])) return undefined;
  const negative = match[1] === "-" || (text.includes("(") && text.endsWith(")"));
  if (text.includes("(") !== text.includes(")")) return undefined;
  let value = Number(match[2].replace(/,/g, "")) * (match[4] ? 10 ** Number(match[4]) : 1);
  if (match[5]) value /= 100;
  if (!Number.isFinite(value)) return undefined;
  return { value: negative ? -value : value, percent: match[5] === "%", decimals: match[3]?.length ?? 0 };
}

function parseDate(text: string): { serial: number; format: string } | undefined {
  const thisYear = new Date().getUTCFullYear();
  let match = /^(\d{1,2})[/-](\d{1,2})(?:[/-](\d{2}|\d{4}))?$/.exec(text);
  if (match) return dateOf(fullYear(match[3]) ?? thisYear, Number(match[1]), Number(match[2]), "m/d/yyyy");
  // Month and year alone, as in an échéance "06/2027": the first of the month.
  match = /^(\d{1,2})[/-](\d{4})$/.exec(text);
  if (match) return dateOf(Number(match[2]), Number(match[1]), 1, "mmm-yy");
  match = /^(\d{4})[/-](\d{1,2})[/-](\d{1,2})$/.exec(text);
  if (match) return dateOf(Number(match[1]), Number(match[2]), Number(match[3]), "m/d/yyyy");
  match = /^(\d{1,2})[- ]([a-z]{3})[a-z]*(?:[- ](\d{2}|\d{4}))?$/i.exec(text);
  if (match && monthOf(match[2])) return dateOf(fullYear(match[3]) ?? thisYear, monthOf(match[2])!, Number(match[1]), "d-mmm-yy");
  match = /^([a-z]{3})[a-z]*[- ](\d{2}|\d{4})$/i.exec(text);
  if (match && monthOf(match[1])) return dateOf(fullYear(match[2])!, monthOf(match[1])!, 1, "mmm-yy");
  return undefined;
}

function monthOf(name: string): number | undefined {
  const index = MONTHS.indexOf(name.slice(0, 3).toLowerCase());
  return index < 0 ? undefined : index + 1;
}

function fullYear(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const year = Number(text);
  if (text.length === 4) return year;
  return year < 30 ? 2000 + year : 1900 + year;
}

function dateOf(year: number, month: number, day: number, format: string): { serial: number; format: string } | undefined {
  if (month < 1 || month > 12 || day < 1) return undefined;
  const time = Date.UTC(year, month - 1, day);
  if (new Date(time).getUTCDate() !== day || year < 1900 || year > 9999) return undefined;
  return { serial: Math.round((time - Date.UTC(1899, 11, 30)) / 86_400_000), format };
}
