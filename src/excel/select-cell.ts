/** "Go to the cell" from the pane: the sheet becomes active and the cell selected. */
export async function selectCell(context: Excel.RequestContext, sheet: string, cell: string): Promise<void> {
  const worksheet = context.workbook.worksheets.getItem(sheet);
  worksheet.activate();
  worksheet.getRange(cell).untrack().select();
  await context.sync();
}
