import { NOT_ENTERED, isLate, quarterBoard } from "../../src/domain/dashboard";
import type { Tracking } from "../../src/domain/tracking";
import { smallPlan } from "../support/small-plan";

function tracking(): Tracking {
  return {
    plan: smallPlan(),
    statuses: [
      { actionCode: "1.A.1", quarter: "2026-T1", status: "En cours", progress: 20 },
      { actionCode: "1.A.1", quarter: "2026-T3", status: "En cours", progress: 60 },
      { actionCode: "1.A.2", quarter: "2026-T2", status: "Réalisée", progress: 100 },
      { actionCode: "2.A.1", quarter: "2027-T1", status: "Abandonnée", difficulties: "Plus de porteur" },
    ],
    measurements: [
      { indicatorId: "1.A.1-I1", quarter: "2026-T3", value: 12 },
      { indicatorId: "1.A.1-I2", quarter: "2026-T3", comment: "en attente" },
      { indicatorId: "2.A.1-I1", quarter: "2026-T3", value: "Ateliers" },
    ],
    lockedQuarters: [],
    archive: [],
  };
}

/** Long after the quarters looked at: every figure as of each quarter's end. */
const LATER = "2027-06-01";

describe("tableau de bord of a quarter", () => {
  it("counts the quarter's own statuses, a fiche without one as « non renseigné » with its last known status beside it", () => {
    const board = quarterBoard(tracking(), "2026-T3", LATER);
    expect(board.asOf).toBe("2026-09-30");
    expect(board.overall).toMatchObject({ "En cours": 1, Réalisée: 0, [NOT_ENTERED]: 2, Abandonnée: 0 });
    expect(board.perAxis.map(({ axis, counts }) => [axis.code, counts["En cours"], counts.Réalisée, counts[NOT_ENTERED]])).toEqual([
      ["1", 1, 0, 1],
      ["2", 0, 0, 1],
    ]);
    expect(board.actions.find((state) => state.action.code === "1.A.1")?.latest?.progress).toBe(60);
    // Réalisée in 2026-T2, nothing in 2026-T3: not counted as this quarter's, shown with its quarter.
    expect(board.actions.find((state) => state.action.code === "1.A.2")).toMatchObject({
      status: NOT_ENTERED,
      latest: { quarter: "2026-T2", status: "Réalisée" },
    });
  });

  it("finds late fiches once their échéance has passed at the board's date, by their last known status", () => {
    expect(quarterBoard(tracking(), "2026-T4", LATER).late).toEqual([]);
    const board = quarterBoard(tracking(), "2027-T1", LATER);
    expect(board.late.map((state) => state.action.code)).toEqual(["1.A.1"]);
    // During 2027-T1 already, as of that day.
    expect(quarterBoard(tracking(), "2027-T1", "2027-02-10")).toMatchObject({ asOf: "2027-02-10", late: [expect.objectContaining({ status: NOT_ENTERED })] });
    expect(isLate(smallPlan().axes[0].subAxes[0].actions[1], NOT_ENTERED, "2030-03-31")).toBe(false);
  });

  it("measures the completeness of the quarter's entries, and says when the quarter is not over", () => {
    expect(quarterBoard(tracking(), "2026-T3", LATER).completeness).toEqual({
      actionsWithStatus: 1,
      actions: 3,
      indicatorsFilled: 2,
      indicatorsExpected: 5,
      ended: true,
    });
    expect(quarterBoard(tracking(), "2026-T4", LATER).completeness.indicatorsExpected).toBe(6);
    expect(quarterBoard(tracking(), "2026-T3", "2026-09-15").completeness.ended).toBe(false);
  });
});
