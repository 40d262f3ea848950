/** The request context and the load-then-sync rule shared by every proxy of the fake Excel host. */
import type { WorkbookState } from "./state";

export class FakeOfficeError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "RichApi.Error";
  }
}

interface Operation {
  payload: unknown;
  apply(): void;
}

export interface FakeStats {
  syncs: number;
  requestBytes: number[];
}

export class Context {
  readonly state: WorkbookState;
  readonly stats: FakeStats = { syncs: 0, requestBytes: [] };
  private pending: Operation[] = [];
  private afterSync: (() => void)[] = [];
  /** Set by the host once its proxies exist. */
  workbook!: unknown;

  constructor(state: WorkbookState) {
    this.state = state;
  }

  queue(payload: unknown, apply: () => void): void {
    this.pending.push({ payload, apply });
  }

  whenSynced(callback: () => void): void {
    this.afterSync.push(callback);
  }

  async sync(): Promise<void> {
    const operations = this.pending;
    const callbacks = this.afterSync;
    this.pending = [];
    this.afterSync = [];
    this.stats.syncs++;
    this.stats.requestBytes.push(JSON.stringify(operations.map((operation) => operation.payload)).length);
    for (const operation of operations) operation.apply();
    for (const callback of callbacks) callback();
  }
}

/** Base of every proxy: properties become readable once loaded and synced, as in Office.js. */
export class Loadable {
  private loaded = new Map<string, unknown>();

  constructor(protected readonly context: Context) {}

  protected read<T>(property: string): T {
    if (!this.loaded.has(property)) {
      throw new FakeOfficeError("PropertyNotLoaded", `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`);
    }
    return this.loaded.get(property) as T;
  }

  protected resolveAfterSync(property: string, compute: () => unknown): void {
    this.context.whenSynced(() => this.loaded.set(property, compute()));
  }

  /** For collections: their items come back from a sync with the requested properties already loaded. */
  withLoaded(property: string, value: unknown): this {
    this.loaded.set(property, value);
    return this;
  }

  load(properties?: string | string[]): this {
    const list = Array.isArray(properties) ? properties : (properties ?? "").split(",");
    for (const property of list.map((item) => item.trim()).filter(Boolean)) this.loadProperty(property);
    return this;
  }

  protected loadProperty(property: string): void {
    throw new FakeOfficeError("InvalidArgument", `The fake does not load '${property}' on this object`);
  }
}

