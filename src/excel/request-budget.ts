/**
 * Keeps each Office.js request under a byte budget. Everything queued between two `context.sync()` calls travels as
 * one request, and Excel on the web refuses requests over 5 MB; batches are flushed before the next write would
 * pass the budget, so the sync count stays constant until the data itself exceeds several budgets.
 */
export const DEFAULT_MAX_REQUEST_BYTES = 4_000_000;

export class RequestBudget {
  private queued = 0;
  readonly batches: number[] = [];
  syncs = 0;

  constructor(
    private readonly context: { sync(): Promise<void> },
    readonly maxBytes: number = DEFAULT_MAX_REQUEST_BYTES,
  ) {}

  /** Call before queueing an operation of about `bytes`; syncs first when it would not fit in the current request. */
  async reserve(bytes: number): Promise<void> {
    if (this.queued > 0 && this.queued + bytes > this.maxBytes) await this.flush();
    this.queued += bytes;
  }

  async flush(): Promise<void> {
    await this.context.sync();
    this.syncs++;
    if (this.queued > 0) this.batches.push(this.queued);
    this.queued = 0;
  }
}

/** Size of an operation's payload as it travels to Excel, approximated by its JSON form. */
export function payloadBytes(payload: unknown): number {
  return JSON.stringify(payload)?.length ?? 0;
}
