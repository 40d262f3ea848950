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

describe("tableau de bord of a quarter", () => {
  it("carries each fiche's latest status forward and counts per axe", () => {
    const board = quarterBoard(tracking(), "2026-T3");
    expect(board.overall).toMatchObject({ "En cours": 1, Réalisée: 1, [NOT_ENTERED]: 1, Abandonnée: 0 });
    expect(board.perAxis.map(({ axis, counts }) => [axis.code, counts["En cours"], counts.Réalisée, counts[NOT_ENTERED]])).toEqual([
      ["1", 1, 1, 0],
      ["2", 0, 0, 1],
    ]);
    expect(board.actions.find((state) => state.action.code === "1.A.1")?.latest?.progress).toBe(60);
  });

  it("finds late fiches once the deadline's year is over", () => {
    expect(quarterBoard(tracking(), "2026-T4").late).toEqual([]);
    const board = quarterBoard(tracking(), "2027-T1");
    expect(board.late.map((state) => state.action.code)).toEqual(["1.A.1"]);
    expect(isLate(smallPlan().axes[0].subAxes[0].actions[1], NOT_ENTERED, "2030-T1")).toBe(false);
  });

  it("measures the completeness of the quarter's entries", () => {
    expect(quarterBoard(tracking(), "2026-T3").completeness).toEqual({ actionsWithStatus: 1, actions: 3, indicatorsFilled: 2, indicatorsExpected: 5 });
    expect(quarterBoard(tracking(), "2026-T4").completeness.indicatorsExpected).toBe(6);
  });
});
