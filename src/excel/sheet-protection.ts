/**
 * Lifting and restoring the protection of the tableau's sheets. The add-in protects them without a password; a
 * person may have protected one with a password of their own, which the add-in cannot and must not lift: that is
 * told in French, naming the sheets, and nothing is written. Unprotecting happens in a request of its own, before
 * any write, so that a refusal leaves the workbook as it was.
 */
export const PROTECTION: Excel.WorksheetProtectionOptions = {
  allowAutoFilter: true,
  allowFormatColumns: true,
  allowFormatRows: true,
  allowSort: false,
  allowInsertRows: false,
  allowDeleteRows: false,
};

export class ProtectedByPassword extends Error {
  constructor(readonly sheets: string[]) {
    const names = sheets.map((name) => `« ${name} »`).join(", ");
    super(
      sheets.length > 1
        ? `Les feuilles ${names} sont protégées par un mot de passe : le complément ne peut pas les modifier. Ôtez leur protection dans Excel (Révision › Ôter la protection de la feuille), puis recommencez ; le complément les protégera de nouveau, sans mot de passe.`
        : `La feuille ${names} est protégée par un mot de passe : le complément ne peut pas la modifier. Ôtez sa protection dans Excel (Révision › Ôter la protection de la feuille), puis recommencez ; le complément la protégera de nouveau, sans mot de passe.`,
    );
  }
}

export interface ProtectedSheet {
  name: string;
  worksheet: Excel.Worksheet;
}

/** Unprotects sheets known to be protected, in one sync; on a refusal, puts back what was lifted and says why. */
export async function unprotectSheets(context: Excel.RequestContext, sheets: readonly ProtectedSheet[]): Promise<number> {
  if (sheets.length === 0) return 0;
  for (const sheet of sheets) sheet.worksheet.protection.unprotect();
  try {
    await context.sync();
    return 1;
  } catch (first) {
    // The request stopped at the first refusal: find which sheets hold a password, one at a time.
    for (const sheet of sheets) sheet.worksheet.protection.load("protected");
    await context.sync();
    const locked: string[] = [];
    for (const sheet of sheets) {
      if (!sheet.worksheet.protection.protected) continue;
      sheet.worksheet.protection.unprotect();
      try {
        await context.sync();
        sheet.worksheet.protection.protect(PROTECTION);
      } catch {
        locked.push(sheet.name);
      }
    }
    if (locked.length === 0) throw first;
    for (const sheet of sheets) if (!locked.includes(sheet.name)) sheet.worksheet.protection.load("protected");
    await context.sync();
    for (const sheet of sheets) if (!locked.includes(sheet.name) && !sheet.worksheet.protection.protected) sheet.worksheet.protection.protect(PROTECTION);
    await context.sync();
    throw new ProtectedByPassword(locked);
  }
}
