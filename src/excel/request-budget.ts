/**
 * Keeps each Office.js request under a byte budget. Everything queued between two `context.sync()` calls travels as
 * one request, and Excel on the web refuses a request or a response over 5 MB. The add-in cannot see the request
 * the runtime is building, so each operation reserves an upper bound of its serialised size first (see
 * `request-cost.ts`); the tests measure the real bytes on Microsoft's runtime and check that the bound holds.
 * Batches are flushed before the next operation would pass the budget, so the number of syncs stays constant until
 * the data itself needs several requests.
 */
export const DEFAULT_MAX_REQUEST_BYTES = 4_000_000;

/**
 * Longest stretch of queueing before the page gets a turn of its event loop. Queueing a full 4 MB request (tens of
 * thousands of format runs) takes about 200 ms, during which the pane would not paint nor take a click.
 */
export const QUEUEING_SLICE_MS = 40;

/** How queueing is paced: the clock, and how to hand the event loop a turn. */
export interface Pacing {
  now(): number;
  pause(): Promise<void>;
}

export const PAGE_PACING: Pacing = {
  now: () => globalThis.performance?.now() ?? Date.now(),
  // A timer, not a resolved promise: a microtask would run before any click or paint.
  pause: () => new Promise((resolve) => setTimeout(resolve, 0)),
};

export class RequestBudget {
  private queued = 0;
  private sliceStart: number;
  /** Estimated bytes of each request sent. */
  readonly batches: number[] = [];
  syncs = 0;
  /** Turns handed to the event loop between two syncs. */
  pauses = 0;

  constructor(
    private readonly context: { sync(): Promise<void> },
    readonly maxBytes: number = DEFAULT_MAX_REQUEST_BYTES,
    private readonly pacing: Pacing = PAGE_PACING,
  ) {
    this.sliceStart = pacing.now();
  }

  /**
   * Call before queueing an operation of at most `bytes`; syncs first when it would not fit in the current request,
   * and lets the page breathe when queueing has held it for a slice. Queued actions simply wait in the context.
   */
  async reserve(bytes: number): Promise<void> {
    if (this.queued > 0 && this.queued + bytes > this.maxBytes) await this.flush();
    else if (this.pacing.now() - this.sliceStart > QUEUEING_SLICE_MS) {
      await this.pacing.pause();
      this.pauses++;
      this.sliceStart = this.pacing.now();
    }
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
    this.sliceStart = this.pacing.now();
  }
}
