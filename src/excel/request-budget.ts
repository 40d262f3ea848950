/**
 * Keeps each Office.js request under a byte budget. Everything queued between two `context.sync()` calls travels as
 * one request, and Excel on the web refuses a request or a response over 5 MB. The add-in cannot see the request
 * the runtime is building, so each operation reserves an upper bound of its serialised size first (see
 * `request-cost.ts`); the tests measure the real bytes on Microsoft's runtime and check that the bound holds.
 * Batches are flushed before the next operation would pass the budget, so the number of syncs stays constant until
 * the data itself needs several requests.
 */
export const DEFAULT_MAX_REQUEST_BYTES = 4_000_000;

export class RequestBudget {
  private queued = 0;
  /** Estimated bytes of each request sent. */
  readonly batches: number[] = [];
  syncs = 0;

  constructor(
    private readonly context: { sync(): Promise<void> },
    readonly maxBytes: number = DEFAULT_MAX_REQUEST_BYTES,
  ) {}

  /** Call before queueing an operation of at most `bytes`; syncs first when it would not fit in the current request. */
  async reserve(bytes: number): Promise<void> {
    if (this.queued > 0 && this.queued + bytes > this.maxBytes) await this.flush();
    this.queued += bytes;
  }

  /** What is left in the current request. */
  get room(): number {
    return Math.max(0, this.maxBytes - this.queued);
  }

  async flush(): Promise<void> {
    await this.context.sync();
    this.syncs++;
    if (this.queued > 0) this.batches.push(this.queued);
    this.queued = 0;
  }
}
