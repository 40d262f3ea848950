import { Refusal } from "../domain/refusal";

/** A file that cannot be read or written as a workbook; the message is French and names the file. */
export class WorkbookFileError extends Refusal {
  constructor(
    message: string,
    /** The archive guard's reason alone, when it is one: a consolidation verdict names the file in its own column. */
    readonly reason?: string,
  ) {
    super(message);
  }
}
