/**
 * The messages Microsoft's Office.js runtime sends to Excel and expects back (the "RichApi" batch protocol), as
 * far as the fake host reads them. The runtime builds them; this file only names their fields.
 */

export const OBJECT_PATH = { global: 1, newObject: 2, method: 3, property: 4, indexer: 5, referenceId: 6, nullObject: 7 } as const;
export const ACTION = { instantiate: 1, query: 2, method: 3, setProperty: 4, trace: 5 } as const;

export interface ArgumentInfo {
  Arguments?: unknown[];
  /** Per argument: the id of the object path it stands for, or 0 for a plain value. */
  ReferencedObjectPathIds?: number[];
}

export interface ObjectPathInfo {
  Id: number;
  ObjectPathType: number;
  Name: string;
  ParentObjectPathId?: number;
  ArgumentInfo?: ArgumentInfo;
}

export interface QueryInfo {
  Select?: string[];
  Expand?: string[];
  Skip?: number;
  Top?: number;
}

export interface ActionInfo {
  Id: number;
  ActionType: number;
  Name: string;
  ObjectPathId: number;
  ArgumentInfo?: ArgumentInfo;
  QueryInfo?: QueryInfo;
}

export interface RequestBody {
  AutoKeepReference?: boolean;
  Actions: ActionInfo[];
  ObjectPaths: Record<string, ObjectPathInfo>;
}

export interface ActionResult {
  ActionId: number;
  Value: unknown;
}

export interface ResponseBody {
  Results?: ActionResult[];
  Error?: { Code: string; Message: string; ActionIndex: number; Location?: string; HttpStatusCode: number };
}

/** What a request executor hands back to the runtime. */
export interface ResponseMessage {
  ErrorCode?: string;
  ErrorMessage?: string;
  HttpStatusCode?: number;
  Headers: Record<string, string>;
  Body: ResponseBody | null;
}

export interface RequestMessage {
  Url: string;
  Headers: Record<string, string>;
  Body: RequestBody;
}
