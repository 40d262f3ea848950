/**
 * Rows parked on disk while the files of a batch are read, then replayed into the output sheet: memory stays the
 * same whether the batch holds ten territories or a thousand. One JSON line per row, tagged with its territory.
 */
import { closeSync, createReadStream, mkdtempSync, openSync, rmSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import type { SheetRow } from "../workbook/build-consolidation";

const FLUSH_BYTES = 1 << 20;

export class RowSpool {
  private readonly fd: number;
  private buffer: string[] = [];
  private bytes = 0;

  constructor(readonly path: string) {
    this.fd = openSync(path, "w");
  }

  add(key: string, row: SheetRow): void {
    const line = `${JSON.stringify([key, row.values, row.formats ?? null])}\n`;
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

  /** Replays the rows whose territory `keep` accepts, in the order they were added. */
  async *rows(keep: (key: string) => boolean): AsyncGenerator<SheetRow> {
    const lines = createInterface({ input: createReadStream(this.path, { encoding: "utf8" }), crlfDelay: Infinity });
    for await (const line of lines) {
      if (!line) continue;
      const [key, values, formats] = JSON.parse(line) as [string, SheetRow["values"], SheetRow["formats"] | null];
      if (keep(key)) yield formats ? { values, formats } : { values };
    }
  }
}

export class SpoolDirectory {
  readonly path = mkdtempSync(join(tmpdir(), "ctg-consolidation-"));

  spool(name: string): RowSpool {
    return new RowSpool(join(this.path, `${name}.ndjson`));
  }

  remove(): void {
    rmSync(this.path, { recursive: true, force: true });
  }
}
