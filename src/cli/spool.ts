/**
 * Rows parked on disk while the files of a batch are read, then replayed into the output sheet: memory stays the
 * same whether the batch holds ten territories or a thousand. One line per row: its territory's key (as JSON),
 * a tab, and the row already encoded as SpreadsheetML, which holds no line break.
 */
import { closeSync, createReadStream, mkdtempSync, openSync, rmSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import type { EncodedRow } from "../xlsx/sheet-encoder";

/** Characters buffered per spool before a write: four spools stay a few megabytes, whatever the batch. */
const FLUSH_BYTES = 1 << 18;

export class RowSpool {
  private readonly fd: number;
  private buffer: string[] = [];
  private bytes = 0;
  /** Rows added per territory: how many a replay will give is known before it runs (a table's sheets are counted first). */
  readonly counts = new Map<string, number>();

  constructor(readonly path: string) {
    this.fd = openSync(path, "w");
  }

  add(key: string, row: EncodedRow): void {
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
    const line = `${JSON.stringify(key)}\t${row}\n`;
    this.buffer.push(line);
    this.bytes += line.length;
    if (this.bytes >= FLUSH_BYTES) this.flush();
  }

  private flush(): void {
    if (this.buffer.length === 0) return;
    writeSync(this.fd, this.buffer.join(""));
    this.buffer = [];
    this.bytes = 0;
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }

  /** How many rows a replay with `keep` gives. */
  count(keep: (key: string) => boolean): number {
    let total = 0;
    for (const [key, count] of this.counts) if (keep(key)) total += count;
    return total;
  }

  /** Replays the rows whose territory `keep` accepts, in the order they were added. */
  async *rows(keep: (key: string) => boolean): AsyncGenerator<EncodedRow> {
    const lines = createInterface({ input: createReadStream(this.path, { encoding: "utf8" }), crlfDelay: Infinity });
    // A territory's rows follow one another: its key is decoded once.
    let tag = "";
    let kept = false;
    for await (const line of lines) {
      const tab = line.indexOf("\t");
      if (tab < 0) continue;
      const lineTag = line.slice(0, tab);
      if (lineTag !== tag) {
        tag = lineTag;
        kept = keep(JSON.parse(tag) as string);
      }
      if (kept) yield line.slice(tab + 1) as EncodedRow;
    }
  }
}

export class SpoolDirectory {
  /** Named with the process id, so that a later run can tell the leftovers of a killed one. */
  static readonly PREFIX = "ctg-consolidation-";
  readonly path = mkdtempSync(join(tmpdir(), `${SpoolDirectory.PREFIX}${process.pid}-`));

  spool(name: string): RowSpool {
    return new RowSpool(join(this.path, `${name}.ndjson`));
  }

  remove(): void {
    rmSync(this.path, { recursive: true, force: true });
  }
}
