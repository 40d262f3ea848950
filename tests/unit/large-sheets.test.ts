/**
 * Sheets of a national consolidation hold hundreds of thousands of rows: no computation over them may pass its
 * rows as the arguments of one call (Math.max(...rows) overflows the stack, in the browser first).
 */
import { largest } from "../../src/domain/numbers";
import { planWidth, type SheetPlan } from "../../src/workbook/sheet-plan";

describe("computations over very long sheets", () => {
  it("finds the widest of 600 000 rows, where spreading them into Math.max overflows the stack", () => {
    const values = Array.from({ length: 600_000 }, (_, index) => (index === 432_100 ? [1, 2, 3, 4, 5, 6, 7] : [1, 2, 3]));
    expect(() => Math.max(...values.map((row) => row.length))).toThrow(RangeError);
    const sheet = { name: "Indicateurs", values, columnWidths: [10, 10] } as unknown as SheetPlan;
    expect(planWidth(sheet)).toBe(7);
  });

  it("gives the floor when nothing is larger, and the largest otherwise", () => {
    expect(largest([], 4)).toBe(4);
    expect(largest([1, 2], 4)).toBe(4);
    expect(largest([1, 9, 2])).toBe(9);
    expect(largest(new Set([-3, -1]), -10)).toBe(-1);
  });
});
