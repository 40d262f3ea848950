import { insertSorted, median, medianDeviation, middleOf } from "../../src/domain/robust-statistics";

/** A small seeded generator, so that a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

describe("robust statistics over a sorted history", () => {
  it("gives the same median and median absolute deviation as sorting every time", () => {
    const next = random(7);
    for (let trial = 0; trial < 300; trial++) {
      const sorted: number[] = [];
      const values: number[] = [];
      const length = 1 + Math.floor(next() * 30);
      for (let index = 0; index < length; index++) {
        // Repeated values and ties on both sides of the median are the cases a merge can get wrong.
        const value = trial % 3 === 0 ? Math.floor(next() * 5) : Math.round(next() * 1000) / 10;
        values.push(value);
        insertSorted(sorted, value);
        expect(sorted).toEqual([...values].sort((a, b) => a - b));
        const center = median(values);
        expect(middleOf(sorted)).toBe(center);
        expect(medianDeviation(sorted, center)).toBeCloseTo(median(values.map((item) => Math.abs(item - center))), 10);
      }
    }
  });

  it("reads the textbook cases", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    // 1, 1, 2, 2, 4, 6, 9: median 2, deviations 1, 1, 0, 0, 2, 4, 7, whose median is 1.
    expect(medianDeviation([1, 1, 2, 2, 4, 6, 9], 2)).toBe(1);
    expect(medianDeviation([10, 10, 10, 10], 10)).toBe(0);
  });
});
