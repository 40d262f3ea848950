/**
 * The objects of the fake Excel host, as the server side of the protocol sees them: each answers the navigation,
 * method calls, property reads and writes that Microsoft's runtime sends for it, against the workbook state.
 */
import type { FakeWorkbook } from "./server";

export class HostError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "HostError";
  }
}

export function invalidArgument(message: string): HostError {
  return new HostError("InvalidArgument", message);
}

export abstract class HostObject {
  abstract readonly typeName: string;
  readonly isCollection: boolean = false;

  constructor(readonly host: FakeWorkbook) {}

  /** A navigation property such as `Format` or `Worksheets`. */
  navigate(name: string): HostObject {
    throw this.unsupported(name);
  }

  /** A method, whether it returns an object (a method path) or not (a method action). */
  call(name: string, args: unknown[]): unknown {
    void args;
    throw this.unsupported(`${name}()`);
  }

  get(name: string): unknown {
    throw this.unsupported(name);
  }

  set(name: string, value: unknown): void {
    void value;
    throw this.unsupported(`${name} =`);
  }

  items(): HostObject[] {
    throw this.unsupported("items");
  }

  /** The collection indexer `collection[key]`. */
  item(key: unknown): HostObject {
    void key;
    throw this.unsupported("[]");
  }

  /**
   * Answered to an Instantiate action, so that the runtime can address the object again in later requests.
   * `kept`: the request asked to keep a reference to it (`_KeepReference`, which Excel.run sends for each range).
   */
  identity(kept = false): Record<string, unknown> | undefined {
    void kept;
    return undefined;
  }

  /** Scalar properties sent back by a `load()` without a selection. */
  scalars(): string[] {
    return [];
  }

  protected unsupported(member: string): HostError {
    return new HostError("NotImplemented", `The fake Excel host does not implement ${this.typeName}.${member}`);
  }
}

/** A collection of named items with an id (tables, charts): indexer, `getItem` and `getCount`. */
export abstract class KeyedCollection<T extends { id: string; name: string }> extends HostObject {
  override readonly isCollection = true;
  /** The item's kind, in error messages. */
  protected abstract readonly noun: string;
  protected abstract list(): T[];
  protected abstract wrap(item: T): HostObject;

  override items(): HostObject[] {
    return this.list().map((item) => this.wrap(item));
  }

  override item(key: unknown): HostObject {
    const text = requireString(key, `${this.noun} key`);
    const found = this.list().find((candidate) => candidate.id === text || candidate.name.toLowerCase() === text.toLowerCase());
    if (!found) throw new HostError("ItemNotFound", `The requested resource doesn't exist (${this.noun} ${text}).`);
    return this.wrap(found);
  }

  override call(name: string, args: unknown[]): unknown {
    if (name === "GetItem") return this.item(args[0]);
    if (name === "GetCount") return this.list().length;
    return super.call(name, args);
  }
}

/** What `getItemOrNullObject` and friends give when nothing matches. */
export class NullObject extends HostObject {
  readonly typeName = "NullObject";

  override navigate(): HostObject {
    return this;
  }

  override call(): unknown {
    return this;
  }
}

export function isNull(object: HostObject): boolean {
  return object instanceof NullObject;
}

export function requireString(value: unknown, what: string): string {
  if (typeof value !== "string") throw invalidArgument(`${what} must be a string`);
  return value;
}

export function requireBoolean(value: unknown, what: string): boolean {
  if (typeof value !== "boolean") throw invalidArgument(`${what} must be a boolean`);
  return value;
}

export function requireNumber(value: unknown, what: string): number {
  if (typeof value !== "number" || !Number.isFinite(value)) throw invalidArgument(`${what} must be a number`);
  return value;
}

export function requireOneOf(value: unknown, allowed: readonly string[], what: string): string {
  if (typeof value !== "string" || !allowed.includes(value)) throw invalidArgument(`${what} must be one of ${allowed.join(", ")}, not ${String(value)}`);
  return value;
}

const NAMED_COLORS = new Set(["black", "white", "red", "green", "blue", "yellow", "orange", "purple", "gray", "grey"]);

/** Excel takes `#RRGGBB` or a colour name. */
export function requireColor(value: unknown, what: string): string {
  if (typeof value !== "string" || !(/^#[0-9a-fA-F]{6}$/.test(value) || NAMED_COLORS.has(value.toLowerCase())))
    throw invalidArgument(`${what} must be a colour such as #1F5C4A, not ${String(value)}`);
  return value;
}

export function pascal(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}
