/** A file that cannot be read or written as a workbook; the message is French and names the file. */
export class WorkbookFileError extends Error {}
