/**
 * Dates in cells are day counts from an epoch the workbook chooses: 1900 (the default, Windows) or 1904 (older
 * Excel for Mac, `<workbookPr date1904="1"/>`). The project computes in the 1900 system; a 1904 workbook's dates
 * are shifted when read and when written, which takes knowing which number formats show a date.
 */

/** Days from 1899-12-30 to 1904-01-01. */
export const DAYS_1904 = 1462;

/** Excel's built-in number formats that show a date or a time. */
export const BUILT_IN_DATE_FORMATS = new Set([14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 34, 35, 36, 50, 51, 52, 53, 54, 57, 58]);

/**
 * A format code shows a calendar date when, outside its quoted texts and bracketed tags, it has d or y (a time or
 * a duration alone, [h]:mm, counts no days from an epoch and is not shifted).
 */
export function isDateFormat(code: string): boolean {
  const bare = code
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/\[[^\]]*\]/g, "");
  return /[dy]/i.test(bare) && !/^general$/i.test(bare.trim());
}
