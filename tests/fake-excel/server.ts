/**
 * The fake Excel host behind Microsoft's Office.js runtime: it receives each request body exactly as the runtime
 * serialised it, resolves the object paths, runs the actions in order against the workbook state and answers as
 * Excel does (results per action, or the first error with its action index). Like Excel on the web, it refuses a
 * request or a response over the payload limit. It has no Node dependency, so that it also runs in a browser.
 */
import { type ApiSetTable, versionBelow } from "./api-sets";
import { HostError, HostObject, NullObject, isNull, pascal } from "./host-object";
import {
  ACTION,
  OBJECT_PATH,
  type ActionInfo,
  type ArgumentInfo,
  type ObjectPathInfo,
  type QueryInfo,
  type RequestBody,
  type ResponseMessage,
} from "./protocol";
import type { SheetState, WorkbookState } from "./state";
import { WorkbookObject } from "./workbook-objects";

/** Excel on the web refuses a request or a response larger than this (5 MB, counted here as 5,000,000 bytes). */
export const PAYLOAD_LIMIT_BYTES = 5_000_000;

export interface RequestRecord {
  requestBytes: number;
  responseBytes: number;
  actions: number;
  error?: string;
}

export interface FakeStats {
  syncs: number;
  /** UTF-8 bytes of each request body as the runtime serialised it. */
  requestBytes: number[];
  /** UTF-8 bytes of each response body. */
  responseBytes: number[];
}

const encoder = new TextEncoder();

/** UTF-8 bytes of a serialised message, as it travels: the standard encoder, not the add-in's own estimate. */
export function utf8Bytes(text: string): number {
  return encoder.encode(text).length;
}

export class FakeWorkbook {
  readonly stats: FakeStats = { syncs: 0, requestBytes: [], responseBytes: [] };
  private readonly references = new Map<string, HostObject>();
  private referenceCounter = 0;
  /** Run before the request of that index (0-based, counted from the start or the last reset): another user's edit. */
  private readonly interleaved = new Map<number, () => void>();
  private requests = 0;

  /**
   * `host.excelApi`: the highest ExcelApi set of the Excel played (members of a later set are refused with
   * ApiNotFound, as an older Excel does); `apiSets`: each member's set, read from Microsoft's runtime.
   */
  constructor(
    readonly state: WorkbookState,
    private readonly host: { excelApi: string; online: boolean; apiSets: ApiSetTable } = { excelApi: "1.20", online: false, apiSets: {} },
  ) {}

  /** Refuses a member the Excel played does not have yet. */
  checkMember(object: HostObject, name: string): void {
    const set = this.host.apiSets[`${object.typeName}.${name.charAt(0).toLowerCase()}${name.slice(1)}`];
    if (!set) return;
    const missing = set.name === "ExcelApi" ? versionBelow(this.host.excelApi, set.version) : set.name === "ExcelApiOnline" ? !this.host.online : false;
    if (missing) {
      throw new HostError(
        "ApiNotFound",
        `The API you are trying to use could not be found (${object.typeName}.${name}, ${set.name} ${set.version}). It may be available in a newer version of Excel.`,
      );
    }
  }

  /** Lets a test act as a co-author: `edit` changes the workbook just before the `index`-th request is run. */
  beforeRequest(index: number, edit: () => void): void {
    this.interleaved.set(index, edit);
  }

  resetStats(): void {
    this.stats.syncs = 0;
    this.stats.requestBytes.length = 0;
    this.stats.responseBytes.length = 0;
    this.requests = 0;
  }

  /** A sheet the request still may use; a deleted one is not found, as in Excel. */
  alive(sheet: SheetState): SheetState {
    if (!this.state.sheets.includes(sheet)) throw new HostError("ItemNotFound", `The worksheet ${sheet.name} no longer exists.`);
    return sheet;
  }

  keep(object: HostObject): string {
    const id = `fake-ref-${++this.referenceCounter}`;
    this.references.set(id, object);
    return id;
  }

  /** One request, serialised as the runtime hands it to its executor. */
  execute(serialisedBody: string): ResponseMessage {
    const requestBytes = utf8Bytes(serialisedBody);
    this.stats.syncs++;
    this.stats.requestBytes.push(requestBytes);
    this.interleaved.get(this.requests)?.();
    this.requests++;
    if (requestBytes > PAYLOAD_LIMIT_BYTES) {
      this.stats.responseBytes.push(0);
      return {
        ErrorCode: "RequestPayloadSizeLimitExceeded",
        ErrorMessage: `The request payload size (${requestBytes} bytes) has exceeded the limit.`,
        HttpStatusCode: 413,
        Headers: {},
        Body: null,
      };
    }
    const body = JSON.parse(serialisedBody) as RequestBody;
    const response = new RequestRun(this, body).run();
    const serialisedResponse = JSON.stringify(response);
    const responseBytes = utf8Bytes(serialisedResponse);
    this.stats.responseBytes.push(responseBytes);
    if (responseBytes > PAYLOAD_LIMIT_BYTES) {
      return {
        ErrorCode: "ResponsePayloadSizeLimitExceeded",
        ErrorMessage: `The response payload size (${responseBytes} bytes) has exceeded the limit.`,
        HttpStatusCode: 413,
        Headers: {},
        Body: null,
      };
    }
    // The runtime reads what Excel sent over the wire, not the objects the fake built.
    return { Headers: {}, Body: JSON.parse(serialisedResponse) };
  }

  release(id: string): void {
    this.references.delete(id);
  }

  /** How many references the runtime still keeps (Excel.run releases them when it ends). */
  get keptReferences(): number {
    return this.references.size;
  }

  reference(id: string): HostObject {
    const object = this.references.get(id);
    if (!object) throw new HostError("InvalidArgument", `No object is kept under the reference ${id}.`);
    return object;
  }
}

/** The execution of one request: paths resolved at most once, actions in order, stop at the first error. */
class RequestRun {
  private readonly resolved = new Map<number, HostObject>();
  private readonly results: { ActionId: number; Value: unknown }[] = [];
  private readonly kept: Set<number>;

  constructor(
    private readonly host: FakeWorkbook,
    private readonly body: RequestBody,
  ) {
    this.kept = new Set(
      (body.Actions ?? []).filter((action) => action.ActionType === ACTION.method && action.Name === "_KeepReference").map((action) => action.ObjectPathId),
    );
  }

  run(): import("./protocol").ResponseBody {
    const actions = this.body.Actions ?? [];
    for (let index = 0; index < actions.length; index++) {
      const action = actions[index];
      try {
        this.perform(action);
      } catch (error) {
        if (!(error instanceof HostError)) throw error;
        return {
          Error: {
            Code: error.code,
            Message: error.message,
            ActionIndex: index,
            Location: `${action.Name || actionName(action.ActionType)}`,
            HttpStatusCode: error.code === "ItemNotFound" ? 404 : 400,
          },
        };
      }
    }
    return { Results: this.results };
  }

  private perform(action: ActionInfo): void {
    const target = this.path(action.ObjectPathId);
    switch (action.ActionType) {
      case ACTION.instantiate: {
        if (isNull(target)) this.results.push({ ActionId: action.Id, Value: null });
        else {
          const identity = target.identity(this.kept.has(action.ObjectPathId));
          if (identity) this.results.push({ ActionId: action.Id, Value: identity });
        }
        return;
      }
      case ACTION.query:
        this.results.push({ ActionId: action.Id, Value: isNull(target) ? null : query(this.host, target, action.QueryInfo) });
        return;
      case ACTION.method: {
        if (action.Name === "_KeepReference") return;
        if (action.Name === "_RemoveReference") {
          this.host.release(String(this.arguments(action.ArgumentInfo)[0]));
          return;
        }
        if (isNull(target)) throw new HostError("InvalidOperation", `${action.Name} was called on an object that does not exist (isNullObject).`);
        this.host.checkMember(target, action.Name);
        const value = target.call(action.Name, this.arguments(action.ArgumentInfo));
        if (value !== undefined && !(value instanceof HostObject)) this.results.push({ ActionId: action.Id, Value: value });
        return;
      }
      case ACTION.setProperty:
        if (isNull(target)) throw new HostError("InvalidOperation", `${action.Name} was set on an object that does not exist (isNullObject).`);
        this.host.checkMember(target, action.Name);
        target.set(action.Name, this.arguments(action.ArgumentInfo)[0]);
        return;
      case ACTION.trace:
        return;
      default:
        throw new HostError("NotImplemented", `The fake Excel host does not run actions of type ${action.ActionType}`);
    }
  }

  private path(id: number): HostObject {
    const cached = this.resolved.get(id);
    if (cached) return cached;
    const info: ObjectPathInfo | undefined = this.body.ObjectPaths[String(id)];
    if (!info) throw new HostError("InvalidArgument", `The request has no object path ${id}.`);
    const object = this.resolve(info);
    this.resolved.set(id, object);
    return object;
  }

  private resolve(info: ObjectPathInfo): HostObject {
    switch (info.ObjectPathType) {
      case OBJECT_PATH.global:
        return new WorkbookObject(this.host);
      case OBJECT_PATH.referenceId:
        return this.host.reference(info.Name);
      case OBJECT_PATH.nullObject:
        return new NullObject(this.host);
    }
    const parent = this.path(info.ParentObjectPathId ?? -1);
    if (isNull(parent)) return parent;
    switch (info.ObjectPathType) {
      case OBJECT_PATH.property:
        this.host.checkMember(parent, info.Name);
        return parent.navigate(info.Name);
      case OBJECT_PATH.method: {
        this.host.checkMember(parent, info.Name);
        const result = parent.call(info.Name, this.arguments(info.ArgumentInfo));
        if (!(result instanceof HostObject)) throw new HostError("InvalidArgument", `${parent.typeName}.${info.Name} does not return an object.`);
        return result;
      }
      case OBJECT_PATH.indexer:
        return parent.item(this.arguments(info.ArgumentInfo)[0]);
      default:
        throw new HostError("NotImplemented", `The fake Excel host does not resolve object paths of type ${info.ObjectPathType}`);
    }
  }

  private arguments(info: ArgumentInfo | undefined): unknown[] {
    const values = info?.Arguments ?? [];
    const references = info?.ReferencedObjectPathIds ?? [];
    return values.map((value, index) => (references[index] ? this.path(references[index]) : value));
  }
}

function actionName(type: number): string {
  return Object.entries(ACTION).find(([, value]) => value === type)?.[0] ?? String(type);
}

/** The value of a Query action: the selected scalar properties, with navigations written `format/font/bold`. */
function query(host: FakeWorkbook, target: HostObject, info: QueryInfo | undefined): unknown {
  if (target.isCollection) {
    return { _Items: target.items().map((item) => ({ ...item.identity(), ...project(host, item, info?.Select) })) };
  }
  return project(host, target, info?.Select);
}

function project(host: FakeWorkbook, target: HostObject, select: string[] | undefined): Record<string, unknown> {
  const value: Record<string, unknown> = {};
  for (const path of select && select.length > 0 ? select : target.scalars().map((name) => name.charAt(0).toLowerCase() + name.slice(1))) {
    const [head, ...rest] = path.split("/");
    const name = pascal(head);
    host.checkMember(target, name);
    if (rest.length === 0) value[name] = target.get(name);
    else value[name] = { ...(value[name] as object), ...project(host, target.navigate(name), [rest.join("/")]) };
  }
  return value;
}
