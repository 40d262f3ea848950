/**
 * The synthetic territories people generate to try the consolidation: a convention in progress is filled up to the
 * quarter asked for, and such a file is accepted on the day it is written (entries in a quarter not yet begun are
 * refused by the intake, so a territory filled to 2030 could not be consolidated before 2031).
 */
import { compareQuarters } from "../../src/domain/quarters";
import { conventionInProgress, syntheticTerritory } from "../../src/samples/synthetic-territories";
import { receiveTableau } from "../../src/xlsx/tableau-intake";
import { writeTrackingFile } from "../../src/xlsx/tableau-file";

jest.setTimeout(30_000);

const quartersOf = (tracking: ReturnType<typeof syntheticTerritory>) => [
  ...tracking.statuses.map((entry) => entry.quarter),
  ...tracking.measurements.map((entry) => entry.quarter),
];

describe("synthetic territories", () => {
  it("fill a convention in progress up to the quarter asked for, and the whole convention otherwise", () => {
    const inProgress = quartersOf(syntheticTerritory({ index: 2, seed: 3, start: "2025-01-01", end: "2029-12-31", until: "2027-T2" }));
    expect(inProgress.every((quarter) => compareQuarters(quarter, "2027-T2") <= 0)).toBe(true);
    expect(inProgress).toContain("2027-T2");
    expect(inProgress).toContain("2025-T1");

    const whole = quartersOf(syntheticTerritory({ index: 2, seed: 3, start: "2025-01-01", end: "2029-12-31" }));
    expect(whole).toContain("2029-T4");
  });

  it("filled up to today's quarter, are accepted by the consolidation's intake today", async () => {
    const now = new Date().toISOString();
    const today = now.slice(0, 10);
    const period = conventionInProgress(now);
    const tracking = syntheticTerritory({ index: 0, seed: 1, ...period });
    const received = await receiveTableau(await writeTrackingFile(tracking, now), "territoire.xlsx", { today });
    expect(received.status).not.toBe("rejected");
    expect(received.tableau?.tracking.statuses.length).toBe(tracking.statuses.length);

    // The same plan filled to the convention's end is what the generator wrote before: refused before its quarters begin.
    const filledToTheEnd = syntheticTerritory({ index: 0, seed: 1, start: period.start, end: period.end });
    const refused = await receiveTableau(await writeTrackingFile(filledToTheEnd, now), "territoire.xlsx", { today });
    expect(refused.status).toBe("rejected");
  });
});
