/**
 * Lifting and restoring the protection of the tableau's sheets. The add-in protects them without a password; a
 * person may have protected one with a password of their own, which the add-in cannot and must not lift: that is
 * told in French, naming the sheets, the protection of the others is put back, and nothing else is written
 * (the unprotection comes first in its request, and a request stops at its first refusal).
 */
import { Refusal } from "../domain/refusal";
import { officeLabels } from "../labels/catalog";

export const PROTECTION: Excel.WorksheetProtectionOptions = {
  allowAutoFilter: true,
  allowFormatColumns: true,
  allowFormatRows: true,
  allowSort: false,
  allowInsertRows: false,
  allowDeleteRows: false,
};

export class ProtectedByPassword extends Refusal {
  constructor(readonly sheets: string[]) {
    super(officeLabels.protection.byPassword(sheets));
  }
}

export interface ProtectedSheet {
  name: string;
  worksheet: Excel.Worksheet;
}

/** Unprotects sheets known to be protected, in a sync of their own; on a refusal, says why (see recoverProtection). */
export async function unprotectSheets(context: Excel.RequestContext, sheets: readonly ProtectedSheet[]): Promise<number> {
  if (sheets.length === 0) return 0;
  for (const sheet of sheets) sheet.worksheet.protection.unprotect();
  try {
    await context.sync();
    return 1;
  } catch (error) {
    throw await recoverProtection(context, sheets, error);
  }
}

/**
 * After a failed request that began by unprotecting `sheets`: finds which of them hold a password (one sync
 * each, only on this path), protects again the ones the request had unprotected, and returns the error to throw.
 */
export async function recoverProtection(context: Excel.RequestContext, sheets: readonly ProtectedSheet[], error: unknown): Promise<unknown> {
  for (const sheet of sheets) sheet.worksheet.protection.load("protected");
  await context.sync();
  const stillProtected = sheets.filter((sheet) => sheet.worksheet.protection.protected);
  const withPassword: string[] = [];
  for (const sheet of stillProtected) {
    sheet.worksheet.protection.unprotect();
    try {
      await context.sync();
      sheet.worksheet.protection.protect(PROTECTION);
      await context.sync();
    } catch {
      withPassword.push(sheet.name);
    }
  }
  for (const sheet of sheets) if (!stillProtected.includes(sheet)) sheet.worksheet.protection.protect(PROTECTION);
  await context.sync();
  return withPassword.length > 0 ? new ProtectedByPassword(withPassword) : error;
}
