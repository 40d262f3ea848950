import { PAGE_PACING, QUEUEING_SLICE_MS, RequestBudget } from "../../src/excel/request-budget";

/** A context that only counts its syncs, and a clock the test moves. */
function setUp(maxBytes: number) {
  const context = { syncs: 0, sync: async () => void context.syncs++ };
  let time = 0;
  const pauses: number[] = [];
  const budget = new RequestBudget(context, maxBytes, {
    now: () => time,
    pause: async () => void pauses.push(time),
  });
  return { context, budget, pauses, advance: (ms: number) => (time += ms) };
}

describe("request budget", () => {
  it("syncs before an operation that would pass the budget, never for the first one", async () => {
    const { context, budget } = setUp(1000);
    await budget.reserve(1500);
    expect(context.syncs).toBe(0);
    await budget.reserve(10);
    expect(context.syncs).toBe(1);
    expect(budget.batches).toEqual([1500]);
    await budget.reserve(900);
    await budget.reserve(200);
    expect(budget.batches).toEqual([1500, 910]);
  });

  it("hands the event loop a turn when queueing has held it for a slice, and not before", async () => {
    const { budget, pauses, advance } = setUp(1_000_000);
    for (let step = 0; step < 4; step++) {
      advance(QUEUEING_SLICE_MS / 4);
      await budget.reserve(10);
    }
    expect(pauses).toEqual([]);
    advance(1);
    await budget.reserve(10);
    expect(pauses).toEqual([QUEUEING_SLICE_MS + 1]);
    // The slice starts again after the pause.
    advance(QUEUEING_SLICE_MS / 2);
    await budget.reserve(10);
    expect(budget.pauses).toBe(1);
  });

  it("counts a sync as a turn: the slice starts again after it", async () => {
    const { budget, pauses, advance } = setUp(100);
    await budget.reserve(90);
    advance(QUEUEING_SLICE_MS * 2);
    await budget.reserve(90);
    expect(budget.syncs).toBe(1);
    advance(QUEUEING_SLICE_MS / 2);
    await budget.reserve(5);
    expect(pauses).toEqual([]);
  });

  it("pauses on a timer, so that what the page scheduled before runs first", async () => {
    let ran = false;
    setTimeout(() => (ran = true), 0);
    await PAGE_PACING.pause();
    expect(ran).toBe(true);
  });
});
