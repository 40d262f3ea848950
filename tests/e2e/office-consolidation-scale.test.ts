/**
 * The pane's consolidation at the scale of a département, on Microsoft's runtime: 100 synthetic territories in one
 * batch, then a second batch on top (the earlier consolidation read back, ten territories replaced). Every request
 * the runtime serialises stays under 4,000,000 bytes and every response under Excel on the web's 5 MB.
 */
import { syntheticTerritory } from "../../src/samples/synthetic-territories";
import { officeGateway } from "../../src/taskpane/gateway";
import type { BatchFile } from "../../src/domain/consolidation-batch";
import { writeTrackingFile } from "../../src/xlsx/tableau-file";
import { PAYLOAD_LIMIT_BYTES, createFakeExcel } from "../fake-excel";

jest.setTimeout(600_000);

it("consolidates 100 territories, then 10 newer files on top, in requests under 4 MB", async () => {
  const files: BatchFile[] = [];
  for (let index = 0; index < 100; index++) {
    const bytes = await writeTrackingFile(syntheticTerritory({ index, seed: 7 }), "2026-01-05T09:00:00.000Z");
    files.push({ name: `territoire-${index + 1}.xlsx`, read: async () => bytes.slice() });
  }
  const host = createFakeExcel();
  const first = await officeGateway(host.run, () => new Date("2031-03-01T10:00:00Z")).consolidate(files);
  expect(first.territories).toBe(100);
  expect(Math.max(...host.stats.requestBytes)).toBeLessThan(4_000_000);
  expect(Math.max(...host.stats.responseBytes)).toBeLessThan(PAYLOAD_LIMIT_BYTES);
  const firstSyncs = host.stats.syncs;

  host.resetStats();
  const second = await officeGateway(host.run, () => new Date("2031-03-02T10:00:00Z")).consolidate(files.slice(0, 10));
  expect(second.territories).toBe(100);
  expect(second.kept).toBe(90);
  expect(Math.max(...host.stats.requestBytes)).toBeLessThan(4_000_000);
  expect(Math.max(...host.stats.responseBytes)).toBeLessThan(PAYLOAD_LIMIT_BYTES);
  // Sliced by size, not by file: a few tens of syncs for tens of megabytes, never one per row or per territory.
  expect(firstSyncs).toBeLessThan(40);
  expect(host.stats.syncs).toBeLessThan(80);
});
